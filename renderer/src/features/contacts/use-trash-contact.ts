// Moving a contact to Trash and bringing it back, with the Undo notification, for any page that needs it.
import { useLocation } from 'wouter';
import { useDeleteContact, useRestoreContact } from '../../api/contacts';
import { notifySuccess } from '../../app/notify';
import { showUndoNotification } from '../../ui/undo-notification';

export function useTrashContact() {
  const remove = useDeleteContact();
  const restore = useRestoreContact();
  const [, navigate] = useLocation();

  // mutateAsync, not mutate with callbacks: Undo is clicked after the page that deleted has gone,
  // and per-call callbacks of an unmounted observer never run. Failures are notified by the query client.
  const restoreContact = (id: string, options: { open?: boolean } = {}) =>
    restore
      .mutateAsync(id)
      .then((contact) => {
        notifySuccess(`${contact.displayName} is back`);
        if (options.open) navigate(`/contacts/${contact.id}`);
      })
      .catch(() => undefined);

  const trashContact = (id: string, after?: () => void) =>
    remove
      .mutateAsync(id)
      .then((contact) => {
        after?.();
        showUndoNotification({
          id: `trashed-${contact.id}`,
          message: `${contact.displayName} moved to Trash`,
          onUndo: () => void restoreContact(contact.id, { open: true }),
        });
      })
      .catch(() => undefined);

  return { trashContact, restoreContact, trashing: remove.isPending, restoring: restore.isPending };
}
