// Moving a company to Trash and back, with the Undo notification.
import { useDeleteCompany, useRestoreCompany } from '../../api/companies';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';

export function useTrashCompany() {
  const { trash, restore, trashing, restoring } = useTrashWithUndo({
    remove: useDeleteCompany(),
    restore: useRestoreCompany(),
    label: (company) => company.name,
    href: (id) => `/companies/${id}`,
  });
  return { trashCompany: trash, restoreCompany: restore, trashing, restoring };
}
