// "New job" wherever a job can start (the board, a contact, a company): a dialog with the short job form,
// prefilled with the client when opened from their page.
import { Button, type ButtonProps, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useCreateJob, usePipeline } from '../../api/jobs';
import { notifySuccess } from '../../ui/notify';
import { UnsavedScope, useGuardedClose } from '../../ui/unsaved-changes';
import { emptyJobValues } from './job-form-values';
import { JobForm } from './JobForm';

interface Props extends ButtonProps {
  contactId?: string;
  contactName?: string;
  companyId?: string;
  companyName?: string;
  label?: string;
}

export function NewJobButton({ contactId, contactName, companyId, companyName, label = 'New job', ...button }: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const pipeline = usePipeline();
  const create = useCreateJob();
  const guarded = useGuardedClose(close);
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open} {...button}>
        {label}
      </Button>
      <Modal opened={opened && !!pipeline.data} onClose={guarded.close} title="New job" size="lg">
        <UnsavedScope value={guarded.scope}>
          {pipeline.data && (
            <JobForm
              compact
              initialValues={emptyJobValues(pipeline.data.defaultCurrency, { contactId: contactId ?? null, companyId: companyId ?? null })}
              contactName={contactName}
              companyName={companyName}
              submitLabel="Create job"
              onSave={(fields) => create.mutateAsync(fields)}
              onSaved={() => {
                close();
                notifySuccess('Job created');
              }}
            />
          )}
        </UnsavedScope>
      </Modal>
    </>
  );
}
