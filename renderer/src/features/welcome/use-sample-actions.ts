// "Explore with sample data" and "Remove sample data" as the welcome, the banner and Settings press them: the call,
// then one notification that says what happened and what to do next.
import { useAddSample, useRemoveSample } from '../../api/data';
import { notifySuccess } from '../../ui/notify';
import { plural } from '../../ui/format';
import { sampleTotal } from './sample-words';

export function useSampleActions() {
  const add = useAddSample();
  const remove = useRemoveSample();
  return {
    adding: add.isPending,
    removing: remove.isPending,
    add: (onDone?: () => void) =>
      add.mutate(undefined, {
        onSuccess: (counts) => {
          notifySuccess(`Sample data added: ${plural(counts.contacts, 'contact')}, ${plural(counts.companies, 'company', 'companies')}, ${plural(counts.jobs, 'job')} and more.`);
          onDone?.();
        },
      }),
    remove: (onDone?: () => void) =>
      remove.mutate(undefined, {
        onSuccess: (counts) => {
          notifySuccess(
            sampleTotal(counts) === 0
              ? 'The sample data was already gone.'
              : `Sample data removed: ${plural(counts.contacts, 'contact')}, ${plural(counts.companies, 'company', 'companies')}, ${plural(counts.jobs, 'job')} and more. Your own records stay.`,
          );
          onDone?.();
        },
      }),
  };
}
