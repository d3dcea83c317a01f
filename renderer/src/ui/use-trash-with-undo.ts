// Moving any entity to Trash and back with an Undo notification. Contacts, companies and the entities still to come
// share this one behaviour, so a fix to Undo (or its wording) lands everywhere at once. Focus follows: to the next row
// (or the page a record's Delete goes back to), and after Undo to what came back.
import { notifications } from '@mantine/notifications';
import { useLocation } from 'wouter';
import { focusNextPageHeading, focusRowWhenReady, planFocusAfterRemoval } from './focus-keeper';
import { notifySuccess } from './notify';
import { showUndoNotification } from './undo-notification';

/** The part of a delete or restore mutation this needs; any useEntityMutation(…, { toInput: byId }) fits. */
interface ByIdMutation<T> {
  mutateAsync: (id: string) => Promise<T>;
  isPending: boolean;
}

interface TrashWithUndoOptions<T extends { id: string }> {
  remove: ByIdMutation<T>;
  restore: ByIdMutation<T>;
  /** How the entity is named in the notifications ("Ada Lovelace moved to Trash"). */
  label: (entity: T) => string;
  /** The entity's page, opened after Undo so the user sees what came back; without one (a follow-up has no page of
   * its own) Undo leaves the user where they are, where the item reappears. */
  href?: (id: string) => string;
}

export function useTrashWithUndo<T extends { id: string }>({ remove, restore, label, href }: TrashWithUndoOptions<T>) {
  const [, navigate] = useLocation();

  // mutateAsync, not mutate with callbacks: Undo is clicked after the page that deleted has gone,
  // and per-call callbacks of an unmounted observer never run. Failures are notified by the query client.
  const restoreOne = (id: string, options: { open?: boolean } = {}) =>
    restore
      .mutateAsync(id)
      .then((entity) => {
        notifications.hide(`trashed-${entity.id}`); // its Undo has nothing left to undo
        notifySuccess(`${label(entity)} is back`, `restored-${entity.id}`);
        if (options.open && href) {
          const heading = document.querySelector('main h1');
          navigate(href(entity.id));
          focusNextPageHeading(heading);
        } else if (options.open) {
          focusRowWhenReady(entity.id);
        }
      })
      .catch(() => undefined);

  /** `after` runs once it is in Trash: a record's page passes its navigation back to the list. */
  const trashOne = (id: string, after?: () => void) => {
    const refocus = planFocusAfterRemoval(document.activeElement);
    const heading = document.querySelector('main h1');
    return remove
      .mutateAsync(id)
      .then((entity) => {
        if (after) {
          after();
          focusNextPageHeading(heading);
        } else refocus();
        showUndoNotification({
          id: `trashed-${entity.id}`,
          message: `${label(entity)} moved to Trash`,
          onUndo: () => void restoreOne(entity.id, { open: true }),
        });
      })
      .catch(() => undefined);
  };

  return { trash: trashOne, restore: restoreOne, trashing: remove.isPending, restoring: restore.isPending };
}
