// "Record consent…": what a person said about one purpose (given or withdrawn), on which lawful basis, how it
// reached you, the words they agreed to, where the evidence is, and when. Appended to the ledger, never edited.
// Main's validation issues show beside their fields.
import { Button, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ConsentAction, LawfulBasis, Purpose } from '../../../../shared/domain/consent';
import { useRecordConsent } from '../../api/consent';
import { toLocalInput } from '../../ui/local-time';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';
import { ACTION_LABELS, BASIS_LABELS, options, RECORDABLE_SOURCES, SOURCE_LABELS } from './consent-text';

type Source = (typeof RECORDABLE_SOURCES)[number];

interface Values {
  purposeId: string | null;
  action: ConsentAction;
  basis: LawfulBasis;
  source: Source;
  wording: string;
  evidence: string;
  capturedAt: string;
}

interface Props {
  contactId: string;
  contactName: string;
  /** The purposes one can record against (not archived). */
  purposes: readonly Purpose[];
  /** The purpose (and action) the dialog starts with; null while closed. */
  start: { purposeId: string | null; action: ConsentAction } | null;
  onClose: () => void;
}

export function RecordConsentModal({ start, onClose, ...rest }: Props) {
  return (
    <Modal opened={start !== null} onClose={onClose} title={`Record consent for ${rest.contactName}`} size="lg">
      {start && <RecordForm start={start} onClose={onClose} {...rest} />}
    </Modal>
  );
}

/** Form fields by the input's paths: main's issues land beside them. */
const FIELDS = ['purposeId', 'action', 'basis', 'source', 'wording', 'evidence', 'capturedAt'];

function RecordForm({ contactId, purposes, start, onClose }: Omit<Props, 'start'> & { start: NonNullable<Props['start']> }) {
  const record = useRecordConsent();
  const basisOf = (id: string | null) => purposes.find((p) => p.id === id)?.defaultBasis ?? 'consent';
  const form = useForm<Values>({
    initialValues: {
      purposeId: start.purposeId ?? purposes[0]?.id ?? null,
      action: start.action,
      basis: basisOf(start.purposeId ?? purposes[0]?.id ?? null),
      source: 'email',
      wording: '',
      evidence: '',
      capturedAt: toLocalInput(new Date()),
    },
    validate: {
      purposeId: (v) => (v ? null : 'Choose a purpose'),
      capturedAt: (v) => (!v ? 'Enter a date and time' : new Date(v).getTime() > Date.now() + 60_000 ? 'This is in the future' : null),
    },
  });
  const v = form.values;

  const submit = form.onSubmit(async (values) => {
    const name = purposes.find((p) => p.id === values.purposeId)?.name ?? 'the purpose';
    try {
      await record.mutateAsync({
        contactId,
        purposeId: values.purposeId ?? '',
        action: values.action,
        basis: values.basis,
        source: values.source,
        wording: values.wording.trim() || undefined,
        evidence: values.evidence.trim() || undefined,
        capturedAt: new Date(values.capturedAt).toISOString(),
      });
      onClose();
      notifySuccess(values.action === 'given' ? `Consent recorded: ${name}` : `Consent withdrawn: ${name}`);
    } catch (error) {
      showFieldIssues(error, FIELDS, form.setErrors);
    }
  });

  return (
    <form onSubmit={submit} aria-label="Record consent" noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Purpose"
            required
            allowDeselect={false}
            data={purposes.map((p) => ({ value: p.id, label: p.name }))}
            data-autofocus
            {...form.getInputProps('purposeId')}
            onChange={(id) => {
              form.setFieldValue('purposeId', id);
              form.setFieldValue('basis', basisOf(id));
            }}
          />
          <Input.Wrapper label="They have">
            <SegmentedControl fullWidth aria-label="Given or withdrawn" data={options(ACTION_LABELS)} value={v.action} onChange={(a) => form.setFieldValue('action', a as ConsentAction)} />
          </Input.Wrapper>
          <Select label="Lawful basis" allowDeselect={false} data={options(BASIS_LABELS)} {...form.getInputProps('basis')} />
          <Select label="How it reached you" allowDeselect={false} data={options(SOURCE_LABELS, RECORDABLE_SOURCES)} {...form.getInputProps('source')} />
        </SimpleGrid>
        <Textarea label="The words they agreed to" description="The wording of the form, or what they said" autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('wording')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label="Evidence" placeholder="e.g. signed form in the job folder" maxLength={500} {...form.getInputProps('evidence')} />
          <TextInput label="When" type="datetime-local" required max={toLocalInput(new Date())} {...form.getInputProps('capturedAt')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
