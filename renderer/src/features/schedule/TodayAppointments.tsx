// Today's appointments for the Today page: the local day's occurrences with time, title and contact,
// linking to the Schedule. Renders nothing on a day without appointments.
import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { addDays, startOfDay } from 'date-fns';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useAppointmentRange } from '../../api/schedule';
import itemClasses from '../../ui/ItemList.module.css';
import { occurrenceBounds, occurrenceKey, occurrenceTime } from './schedule-dates';
import { formatCount } from '../../ui/format';

export function TodayAppointments({ now }: { now: Date }) {
  const dayStart = startOfDay(now).getTime();
  const range = useMemo(() => ({ from: new Date(dayStart).toISOString(), to: addDays(new Date(dayStart), 1).toISOString() }), [dayStart]);
  const items = (useAppointmentRange(range).data?.items ?? [])
    .slice()
    .sort((a, b) => Number(b.allDay) - Number(a.allDay) || occurrenceBounds(a).start.getTime() - occurrenceBounds(b).start.getTime());
  if (items.length === 0) return null;
  return (
    <section className={itemClasses.section} aria-label="Today's appointments">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4">
          Today&apos;s appointments
        </Title>
        <Badge color="indigo" variant="light" circle>
          {formatCount(items.length)}
        </Badge>
        <Anchor component={Link} href="/schedule" size="sm" ml="auto">
          Open schedule
        </Anchor>
      </Group>
      <ul className={itemClasses.list} aria-label="Today's appointments">
        {items.map((o) => (
          <li key={occurrenceKey(o)} className={itemClasses.item} aria-label={o.title}>
            <Text size="sm" c="dimmed" w={100} ff="monospace">
              {occurrenceTime(o)}
            </Text>
            <div className={itemClasses.body}>
              <Text size="sm" fw={600} truncate component="div">
                {o.title}
                {o.conflict && (
                  <Badge color="red" variant="light" size="xs" ml="xs">
                    Conflict
                  </Badge>
                )}
              </Text>
              {(o.contactName || o.location) && (
                <Text size="xs" c="dimmed" truncate component="div">
                  {o.contactId ? (
                    <Anchor component={Link} href={`/contacts/${o.contactId}`} size="xs">
                      {o.contactName}
                    </Anchor>
                  ) : null}
                  {o.contactName && o.location ? ' · ' : ''}
                  {o.location}
                </Text>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
