// Moving a company to Trash and back, with the Undo notification.
import { useLocation } from 'wouter';
import { useDeleteCompany, useRestoreCompany } from '../../api/companies';
import { notifySuccess } from '../../app/notify';
import { showUndoNotification } from '../../ui/undo-notification';

export function useTrashCompany() {
  const remove = useDeleteCompany();
  const restore = useRestoreCompany();
  const [, navigate] = useLocation();

  // mutateAsync, not mutate with callbacks: Undo is clicked after the page that deleted has gone,
  // and per-call callbacks of an unmounted observer never run. Failures are notified by the query client.
  const restoreCompany = (id: string, options: { open?: boolean } = {}) =>
    restore
      .mutateAsync(id)
      .then((company) => {
        notifySuccess(`${company.name} is back`);
        if (options.open) navigate(`/companies/${company.id}`);
      })
      .catch(() => undefined);

  const trashCompany = (id: string, after?: () => void) =>
    remove
      .mutateAsync(id)
      .then((company) => {
        after?.();
        showUndoNotification({
          id: `trashed-${company.id}`,
          message: `${company.name} moved to Trash`,
          onUndo: () => void restoreCompany(company.id, { open: true }),
        });
      })
      .catch(() => undefined);

  return { trashCompany, restoreCompany, trashing: remove.isPending, restoring: restore.isPending };
}
