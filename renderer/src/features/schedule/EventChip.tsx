// One appointment as a compact chip (all-day row, month cells): its time, title and conflict flag; a click edits it.
import type { Occurrence } from '../../../../shared/domain/appointment';
import classes from './Schedule.module.css';
import { occurrenceBounds, occurrenceTime, timeLabel } from './schedule-dates';

export function EventChip({ occurrence: o, onOpen }: { occurrence: Occurrence; onOpen: (o: Occurrence) => void }) {
  return (
    <button
      type="button"
      className={classes.chip}
      data-all-day={o.allDay || undefined}
      data-conflict={o.conflict || undefined}
      aria-label={`${o.title}, ${occurrenceTime(o)}${o.conflict ? ', conflict' : ''}`}
      title={`${o.title} (${occurrenceTime(o)})${o.conflict ? ' — conflict' : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(o);
      }}
    >
      {o.allDay ? '' : `${timeLabel(occurrenceBounds(o).start)} `}
      {o.recurring ? '↻ ' : ''}
      {o.title}
    </button>
  );
}
