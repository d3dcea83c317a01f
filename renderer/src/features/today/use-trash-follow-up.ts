// A follow-up to Trash and back with Undo, in the words every list of follow-ups uses (Today, a contact's or a
// job's page, the Trash page). Imports api/ and ui/ only.
import { useDeleteTask, useRestoreTask } from '../../api/activities';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';

export function useTrashFollowUp() {
  const { trash, restore, trashing, restoring } = useTrashWithUndo({
    remove: useDeleteTask(),
    restore: useRestoreTask(),
    label: (task) => `Follow-up “${task.title}”`,
  });
  return { trashFollowUp: trash, restoreFollowUp: restore, trashing, restoring };
}
