// The Agenda view: the next 30 days as a list grouped by day, skipping empty days.
import { Badge, Text, Title } from '@mantine/core';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import type { Occurrence } from '../../../../shared/domain/appointment';
import { Empty } from '../../ui/Empty';
import classes from './Schedule.module.css';
import { occurrenceBounds, occurrenceKey, occurrenceTime, onDay } from './schedule-dates';

interface Props {
  start: Date;
  end: Date;
  occurrences: Occurrence[];
  onOpen: (o: Occurrence) => void;
}

export function AgendaView({ start, end, occurrences, onOpen }: Props) {
  const days = Array.from({ length: differenceInCalendarDays(end, start) }, (_, i) => addDays(start, i))
    .map((day) => ({
      day,
      items: occurrences
        .filter((o) => onDay(o, day))
        .sort((a, b) => Number(b.allDay) - Number(a.allDay) || occurrenceBounds(a).start.getTime() - occurrenceBounds(b).start.getTime()),
    }))
    .filter((d) => d.items.length > 0);

  return (
    <div className={`${classes.calendar} ${classes.agenda}`}>
      {days.length === 0 ? (
        <Empty mt="xl" title="Nothing scheduled" description="Appointments in the next 30 days show here, grouped by day." />
      ) : (
        days.map(({ day, items }) => (
          <section key={day.toISOString()} className={classes.agendaDay} aria-label={format(day, 'EEEE d MMMM')}>
            <Title order={2} size="h5" mb={4}>
              {format(day, 'EEEE d MMMM')}
            </Title>
            <ul className={classes.agendaList}>
              {items.map((o) => (
                <li key={occurrenceKey(o)}>
                  <button type="button" className={classes.agendaItem} onClick={() => onOpen(o)}>
                    <span className={classes.agendaTime}>{occurrenceTime(o)}</span>
                    <Text span fw={600} size="sm">
                      {o.recurring ? '↻ ' : ''}
                      {o.title}
                    </Text>
                    {o.contactName && (
                      <Text span c="dimmed" size="sm">
                        {o.contactName}
                      </Text>
                    )}
                    {o.location && (
                      <Text span c="dimmed" size="sm">
                        · {o.location}
                      </Text>
                    )}
                    {o.conflict && (
                      <Badge color="red" variant="light" size="sm">
                        Conflict
                      </Badge>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
