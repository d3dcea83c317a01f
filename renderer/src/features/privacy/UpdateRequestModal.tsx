// Updating a request: extend it (up to two further months, with the reason told to the person), or mark it
// answered, refused or withdrawn, with the day. Only what changed is sent; main's issues show beside their fields.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { addMonths, format, parseISO } from 'date-fns';
import type { PrivacyRequest } from '../../../../shared/domain/privacy';
import { useUpdatePrivacyRequest } from '../../api/privacy';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';
import { day, KIND_SHORT, STATUS_LABELS, type RequestStatusName, today } from './privacy-text';

interface Values {
  status: RequestStatusName;
  answeredOn: string;
  extendedTo: string;
  extensionReason: string;
  notes: string;
}

const FIELDS = ['status', 'answeredOn', 'extendedTo', 'extensionReason', 'notes'];

interface Props {
  request: PrivacyRequest | null;
  /** Who the request is from, as the list shows it. */
  who: string;
  onClose: () => void;
}

export function UpdateRequestModal({ request, who, onClose }: Props) {
  return (
    <Modal opened={request !== null} onClose={onClose} title={request ? `${KIND_SHORT[request.kind]} request from ${who}` : ''} size="lg">
      {request && <UpdateForm key={request.id} request={request} onClose={onClose} />}
    </Modal>
  );
}

function UpdateForm({ request: r, onClose }: { request: PrivacyRequest; onClose: () => void }) {
  const update = useUpdatePrivacyRequest();
  // Art. 12(3): up to two further months on top of the first.
  const latest = format(addMonths(parseISO(r.receivedOn), 3), 'yyyy-MM-dd');
  const form = useForm<Values>({
    initialValues: {
      status: r.status,
      answeredOn: r.answeredOn ?? today(),
      extendedTo: r.extendedTo ?? '',
      extensionReason: r.extensionReason ?? '',
      notes: r.notes ?? '',
    },
    validate: {
      extendedTo: (v) => (v && v <= r.dueOn && v !== r.extendedTo ? `Choose a day after ${day(r.dueOn)}` : v && v > latest ? `At most ${day(latest)}` : null),
      extensionReason: (v, values) => (values.extendedTo && values.extendedTo !== r.extendedTo && v.trim() === '' ? 'Say why it takes longer: the person is told' : null),
      answeredOn: (v, values) => ((values.status === 'answered' || values.status === 'refused') && !v ? 'Enter a date' : null),
    },
  });
  const v = form.values;
  const closing = v.status === 'answered' || v.status === 'refused';

  const submit = form.onSubmit(async (values) => {
    const extended = values.extendedTo !== (r.extendedTo ?? '');
    try {
      const saved = await update.mutateAsync({
        id: r.id,
        ...(values.status !== r.status ? { status: values.status } : {}),
        ...(closing ? { answeredOn: values.answeredOn } : values.status !== r.status ? { answeredOn: null } : {}),
        ...(extended ? { extendedTo: values.extendedTo || null, extensionReason: values.extensionReason.trim() || undefined } : {}),
        ...(values.notes !== (r.notes ?? '') ? { notes: values.notes.trim() || undefined } : {}),
      });
      onClose();
      notifySuccess(saved.status === 'open' ? `Request saved: answer by ${day(saved.dueOn)}` : `Request marked ${STATUS_LABELS[saved.status].toLowerCase()}`);
    } catch (error) {
      showFieldIssues(error, FIELDS, form.setErrors);
    }
  });

  return (
    <form onSubmit={submit} aria-label="Update request" noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Received {day(r.receivedOn)}; answer by <strong>{day(r.dueOn)}</strong>
          {r.extendedTo ? ` (extended: ${r.extensionReason ?? 'no reason given'})` : ''}.
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Status"
            data-autofocus
            allowDeselect={false}
            data={(Object.keys(STATUS_LABELS) as RequestStatusName[]).map((value) => ({ value, label: STATUS_LABELS[value] }))}
            {...form.getInputProps('status')}
          />
          {closing && <TextInput label={v.status === 'refused' ? 'Refused on' : 'Answered on'} type="date" max={today()} required {...form.getInputProps('answeredOn')} />}
        </SimpleGrid>
        {v.status === 'open' && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="Extend to" type="date" min={r.dueOn} max={latest} description={`Up to ${day(latest)}`} {...form.getInputProps('extendedTo')} />
            <TextInput label="Reason for the extension" maxLength={500} description="Told to the person" {...form.getInputProps('extensionReason')} />
          </SimpleGrid>
        )}
        <Textarea label="Notes" autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
