// Moving a contact to Trash and bringing it back, with the Undo notification, for any page that needs it.
import { useDeleteContact, useRestoreContact } from '../../api/contacts';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';

export function useTrashContact() {
  const { trash, restore, trashing, restoring } = useTrashWithUndo({
    remove: useDeleteContact(),
    restore: useRestoreContact(),
    label: (contact) => contact.displayName,
    href: (id) => `/contacts/${id}`,
  });
  return { trashContact: trash, restoreContact: restore, trashing, restoring };
}
