// A job's appointments on its page: what is coming up (and what happened in the last month), each opening
// the appointment dialog; "New appointment" schedules one already linked to the job and its client.
import { Button, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { addDays, addHours, format, startOfDay, startOfHour } from 'date-fns';
import { useMemo, useState } from 'react';
import { useAppointmentRange } from '../../api/schedule';
import itemClasses from '../../ui/ItemList.module.css';
import { AppointmentDialog, type DialogState } from './AppointmentDialog';
import { occurrenceBounds, occurrenceKey, occurrenceTime } from './schedule-dates';

const PAST_DAYS = 30;
const AHEAD_DAYS = 365;
const SHOWN = 12;

export function JobAppointments({ jobId, contactId, readOnly }: { jobId: string; contactId: string | null; readOnly: boolean }) {
  // Read once per mount: the page is short-lived, and a past/future boundary that is a few minutes stale is harmless.
  const [now] = useState(() => Date.now());
  const dayStart = startOfDay(now).getTime();
  const range = useMemo(
    () => ({ from: addDays(new Date(dayStart), -PAST_DAYS).toISOString(), to: addDays(new Date(dayStart), AHEAD_DAYS).toISOString(), jobId }),
    [dayStart, jobId],
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const items = (useAppointmentRange(range).data?.items ?? []).slice(0, SHOWN);

  return (
    <section className={itemClasses.section} aria-label="Appointments">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4">
          Appointments
        </Title>
        {!readOnly && (
          <Button
            size="xs"
            variant="light"
            ml="auto"
            leftSection={<IconCalendarPlus size={14} />}
            onClick={() => setDialog({ mode: 'create', start: addHours(startOfHour(new Date()), 1), contactId, jobId })}
          >
            New appointment
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No appointments for this job in the last month or the year ahead.{readOnly ? '' : ' Use New appointment to book a visit or a call.'}
        </Text>
      ) : (
        <ul className={itemClasses.list} aria-label="Job appointments">
          {items.map((o) => {
            const { start, end } = occurrenceBounds(o);
            const past = end.getTime() < now;
            return (
              <li key={occurrenceKey(o)} className={itemClasses.item}>
                <UnstyledButton onClick={() => setDialog({ mode: 'edit', id: o.appointmentId })} aria-label={`${o.title}, ${format(start, 'EEEE d MMMM')}`} style={{ flex: 1 }}>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm" c="dimmed" w={200} ff="monospace" style={{ flexShrink: 0 }}>
                      {format(start, 'EEE d MMM')} {occurrenceTime(o)}
                    </Text>
                    <Text size="sm" fw={past ? 400 : 600} c={past ? 'dimmed' : undefined} truncate>
                      {o.title}
                      {o.location ? ` · ${o.location}` : ''}
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            );
          })}
        </ul>
      )}
      <AppointmentDialog state={dialog} onClose={() => setDialog(null)} />
    </section>
  );
}
