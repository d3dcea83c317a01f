// The Month view: six (or five) weeks of day cells, each with up to three events and "+N more" that opens the day.
import { addDays, differenceInCalendarDays, format, isSameDay, isSameMonth } from 'date-fns';
import type { Occurrence } from '../../../../shared/domain/appointment';
import { EventChip } from './EventChip';
import classes from './Schedule.module.css';
import { occurrenceBounds, occurrenceKey, onDay } from './schedule-dates';
import { formatCount } from '../../ui/format';

const MAX_CHIPS = 3;

interface Props {
  anchor: Date;
  start: Date;
  end: Date;
  occurrences: Occurrence[];
  onOpen: (o: Occurrence) => void;
  onOpenDay: (day: Date) => void;
  onCreateDay: (day: Date) => void;
}

export function MonthView({ anchor, start, end, occurrences, onOpen, onOpenDay, onCreateDay }: Props) {
  const days = Array.from({ length: differenceInCalendarDays(end, start) }, (_, i) => addDays(start, i));
  const today = new Date();
  return (
    <div className={classes.calendar}>
      <div className={classes.monthGrid} role="grid" aria-label={format(anchor, 'MMMM yyyy')}>
        {days.slice(0, 7).map((d) => (
          <div key={`h${d.toISOString()}`} className={classes.monthHead} role="columnheader">
            {format(d, 'EEE')}
          </div>
        ))}
        {days.map((day) => {
          // All-day first, then by start time.
          const items = occurrences
            .filter((o) => onDay(o, day))
            .sort((a, b) => Number(b.allDay) - Number(a.allDay) || occurrenceBounds(a).start.getTime() - occurrenceBounds(b).start.getTime());
          const hidden = items.length - MAX_CHIPS;
          return (
            <div
              key={day.toISOString()}
              role="gridcell"
              aria-label={format(day, 'EEEE d MMMM')}
              data-date={format(day, 'yyyy-MM-dd')}
              className={`${classes.monthCell} ${isSameMonth(day, anchor) ? '' : classes.outside}`}
              onClick={(e) => {
                if (e.target === e.currentTarget) onCreateDay(day);
              }}
            >
              <button type="button" className={classes.dayNumber} data-today={isSameDay(day, today) || undefined} onClick={() => onOpenDay(day)} aria-label={`Open ${format(day, 'EEEE d MMMM')}`}>
                {format(day, 'd')}
              </button>
              {items.slice(0, hidden > 0 ? MAX_CHIPS : items.length).map((o) => (
                <EventChip key={occurrenceKey(o)} occurrence={o} onOpen={onOpen} />
              ))}
              {hidden > 0 && (
                <button type="button" className={classes.more} onClick={() => onOpenDay(day)}>
                  +{formatCount(hidden)} more
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
