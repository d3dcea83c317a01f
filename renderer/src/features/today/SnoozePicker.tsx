// "Pick a date and time…" for a follow-up's snooze: a small dialog with the local date-and-time input the other
// follow-up forms use, refusing a moment already past. Focus goes back to the snooze button (ui/focus-keeper).
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { toLocalInput, tomorrowAt9 } from '../../ui/local-time';

interface Props {
  title: string;
  /** When the follow-up is due now, so the picker starts from a moment that is not already past. */
  dueAt: string | null;
  saving: boolean;
  onSnooze: (until: Date) => Promise<unknown>;
  onClose: () => void;
}

/** Why `value` (a datetime-local input's text) cannot be the new due moment, or null when it can. */
export function snoozeError(value: string, now = new Date()): string | null {
  if (value === '') return 'Pick a date and a time.';
  const until = new Date(value);
  if (Number.isNaN(until.getTime())) return 'Pick a date and a time.';
  if (until.getTime() <= now.getTime()) return 'That moment has passed. Pick a later date or time.';
  return null;
}

export function SnoozePicker({ title, dueAt, saving, onSnooze, onClose }: Props) {
  const [value, setValue] = useState(() => {
    const due = dueAt ? new Date(dueAt) : null;
    return toLocalInput(due && due.getTime() > Date.now() ? due : tomorrowAt9());
  });
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = snoozeError(value);
    if (problem) return setError(problem);
    void onSnooze(new Date(value)).then(onClose, () => undefined);
  };

  return (
    <Modal opened onClose={onClose} title={`Snooze “${title}”`} size="sm">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Snooze until"
            type="datetime-local"
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Snooze
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
