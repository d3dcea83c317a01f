// Create or edit one appointment (the keyboard path to everything drag and drop does): times, kind, contact,
// reminder and repetition. Main's validation issues show by their fields; Delete moves it to Trash with Undo.
import { Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Appointment } from '../../../../shared/domain/appointment';
import { IpcError } from '../../../../shared/ipc/errors';
import { NotSavedAlert } from '../../ui/NotSavedAlert';
import { UnsavedScope, useGuardedClose, useUnsavedGuard } from '../../ui/unsaved-changes';
import { ContactSelect } from '../../ui/ContactSelect';
import { useAppointment, useCreateAppointment, useDeleteAppointment, useRestoreAppointment, useSkipOccurrence, useUpdateAppointment } from '../../api/schedule';
import { notifySuccess } from '../../ui/notify';
import { RecordGate } from '../../ui/RecordGate';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';
import {
  type AppointmentFormValues,
  FREQ_OPTIONS,
  KIND_OPTIONS,
  REMINDER_OPTIONS,
  WEEKDAYS,
  fieldFor,
  firstRepeatNote,
  fromAppointment,
  newValues,
  toInput,
  validateTimes,
  withStartDate,
} from './appointment-form-values';

export type DialogState =
  | { mode: 'create'; start: Date; allDay?: boolean; contactId?: string | null; jobId?: string | null }
  /** occurrenceStart: opened from one occurrence of a series, which can then be cancelled on its own. */
  | { mode: 'edit'; id: string; occurrenceStart?: string | undefined }
  | null;

export function AppointmentDialog({ state, onClose }: { state: DialogState; onClose: () => void }) {
  // Escape, ×, a click outside and Cancel ask first when the form has changes; a save or delete closes at once.
  const guarded = useGuardedClose(onClose);
  return (
    <Modal opened={state !== null} onClose={guarded.close} title={state?.mode === 'edit' ? 'Edit appointment' : 'New appointment'} size="lg">
      <UnsavedScope value={guarded.scope}>
        {state?.mode === 'create' && <AppointmentForm initial={newValues(state.start, state.allDay, state)} onClose={onClose} onCancel={guarded.close} />}
        {state?.mode === 'edit' && <EditLoader id={state.id} occurrenceStart={state.occurrenceStart} onClose={onClose} onCancel={guarded.close} />}
      </UnsavedScope>
    </Modal>
  );
}

interface Closing {
  onClose: () => void;
  onCancel: () => void;
}

function EditLoader({ id, occurrenceStart, onClose, onCancel }: { id: string; occurrenceStart: string | undefined } & Closing) {
  return (
    <RecordGate query={useAppointment(id)} what="appointment" back={{ onBack: onClose, label: 'Close' }}>
      {(a) => <AppointmentForm key={a.id} existing={a} occurrenceStart={a.recurrence ? occurrenceStart : undefined} initial={fromAppointment(a)} onClose={onClose} onCancel={onCancel} />}
    </RecordGate>
  );
}

function AppointmentForm({ initial, existing, occurrenceStart, onClose, onCancel }: { initial: AppointmentFormValues; existing?: Appointment; occurrenceStart?: string | undefined } & Closing) {
  const create = useCreateAppointment();
  const skip = useSkipOccurrence();
  const update = useUpdateAppointment();
  const { trash, trashing } = useTrashWithUndo({
    remove: useDeleteAppointment(),
    restore: useRestoreAppointment(),
    label: (a) => `“${a.title}”`,
    href: () => '/schedule',
  });
  const form = useForm<AppointmentFormValues>({
    initialValues: initial,
    validate: (values) => ({ ...validateTimes(values), ...(values.title.trim() ? {} : { title: 'Give it a title' }) }),
  });
  const v = form.values;
  const saving = existing ? update : create;

  const saveValues = async (values: AppointmentFormValues): Promise<boolean> => {
    try {
      const saved = existing ? await update.mutateAsync({ id: existing.id, ...toInput(values) }) : await create.mutateAsync(toInput(values));
      onClose();
      notifySuccess(existing ? `Saved “${saved.title}”` : `Added “${saved.title}”`);
      return true;
    } catch (error) {
      if (error instanceof IpcError && error.issues.length > 0) {
        const errors: Record<string, string> = {};
        for (const issue of error.issues) errors[fieldFor(issue.path, values.allDay)] ??= issue.message;
        form.setErrors(errors);
      }
      return false;
    }
  };
  const save = form.onSubmit(saveValues);
  useUnsavedGuard({
    what: existing ? 'this appointment' : 'the new appointment',
    isDirty: () => form.isDirty(),
    save: async () => !form.validate().hasErrors && (await saveValues(form.getValues())),
  });

  return (
    <form onSubmit={save} aria-label={existing ? 'Edit appointment' : 'New appointment'} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" placeholder="e.g. Site visit" data-autofocus required {...form.getInputProps('title')} />
        <Group justify="space-between" align="center">
          <SegmentedControl aria-label="Kind" data={KIND_OPTIONS} {...form.getInputProps('kind')} />
          <Switch label="All day" {...form.getInputProps('allDay', { type: 'checkbox' })} />
        </Group>
        {v.allDay ? (
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="From" type="date" {...form.getInputProps('startDate')} onChange={(e) => form.setValues(withStartDate(form.getValues(), e.currentTarget.value))} />
            <TextInput label="To" type="date" {...form.getInputProps('endDate')} />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
            <TextInput
              label="Date"
              type="date"
              {...form.getInputProps('startDate')}
              onChange={(e) => form.setValues(withStartDate(form.getValues(), e.currentTarget.value))}
            />
            <TextInput label="Starts" type="time" {...form.getInputProps('startTime')} />
            <TextInput label="Ends" type="time" {...form.getInputProps('endTime')} />
            <TextInput label="End date" type="date" {...form.getInputProps('endDate')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label="Location" placeholder="Address or link" {...form.getInputProps('location')} />
          <ContactSelect
            label="Contact"
            placeholder="Type a name…"
            clearable
            value={v.contactId}
            onChange={(id) => form.setFieldValue('contactId', id)}
            currentName={existing?.contactName ?? null}
            error={form.errors.contactId}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select label="Reminder" data={REMINDER_OPTIONS} allowDeselect={false} {...form.getInputProps('reminder')} />
          <Select label="Repeats" data={FREQ_OPTIONS} allowDeselect={false} {...form.getInputProps('freq')} />
        </SimpleGrid>
        {v.freq !== 'none' && (
          <Stack gap="xs">
            <Group gap="sm" align="flex-end">
              <NumberInput
                label={`Every … ${v.freq === 'daily' ? 'days' : v.freq === 'weekly' ? 'weeks' : 'months'}`}
                min={1}
                max={99}
                w={140}
                allowDecimal={false}
                {...form.getInputProps('interval')}
                onChange={(n) => form.setFieldValue('interval', typeof n === 'number' ? n : 1)}
              />
              <SegmentedControl
                aria-label="Ends"
                data={[
                  { value: 'never', label: 'Never ends' },
                  { value: 'until', label: 'Until' },
                  { value: 'count', label: 'After' },
                ]}
                {...form.getInputProps('ends')}
              />
              {v.ends === 'until' && <TextInput label="Last date" type="date" {...form.getInputProps('until')} />}
              {v.ends === 'count' && (
                <NumberInput
                  label="Occurrences"
                  min={1}
                  max={1000}
                  w={120}
                  allowDecimal={false}
                  {...form.getInputProps('count')}
                  onChange={(n) => form.setFieldValue('count', typeof n === 'number' ? n : 1)}
                />
              )}
            </Group>
            {v.freq === 'weekly' && (
              <Checkbox.Group label="On" {...form.getInputProps('byWeekday')}>
                <Group gap="sm" mt={4}>
                  {WEEKDAYS.map((w) => (
                    <Checkbox key={w} value={w} label={w.charAt(0) + w.charAt(1).toLowerCase()} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            {firstRepeatNote(v) && (
              <Text size="xs" c="dimmed" role="status">
                {firstRepeatNote(v)}
              </Text>
            )}
            {existing?.recurrence && (
              <Text size="xs" c="dimmed">
                Changes apply to every occurrence of this series.
              </Text>
            )}
          </Stack>
        )}
        <NotSavedAlert error={saving.error} />
        <Group justify="space-between">
          <div>
            {existing && (
              <Button color="red" variant="subtle" loading={trashing} onClick={() => void trash(existing.id, onClose)}>
                {occurrenceStart ? 'Delete series' : 'Delete'}
              </Button>
            )}
            {existing && occurrenceStart && (
              <Button
                color="red"
                variant="subtle"
                loading={skip.isPending}
                onClick={() =>
                  void skip.mutateAsync({ id: existing.id, occurrenceStart }).then(
                    () => {
                      onClose();
                      notifySuccess(`Cancelled this occurrence of “${existing.title}”`);
                    },
                    () => undefined,
                  )
                }
              >
                Cancel this occurrence
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={saving.isPending}>
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
