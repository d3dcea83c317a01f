// The Week and Day views: an all-day row and a 24-hour grid (opened at 07:00) with timed events placed by
// start and end, overlaps side by side. Pointer drags move an event (snapped to 15 minutes) or resize its end;
// a click on an empty slot creates, a click or Enter on an event edits.
import { format, isSameDay } from 'date-fns';
import { type CSSProperties, type KeyboardEvent, type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Occurrence } from '../../../../shared/domain/appointment';
import classes from './Schedule.module.css';
import { type DaySegment, daySegments, occurrenceKey, occurrenceTime, onDay, snap, timeLabel } from './schedule-dates';
import { EventChip } from './EventChip';

export const HOUR_PX = 48;
const PX_PER_MIN = HOUR_PX / 60;
const FIRST_VISIBLE_HOUR = 7;

/** A drop: whole days and minutes to add to the start and/or the end. */
export interface MoveDelta {
  days: number;
  minutes: number;
  mode: 'move' | 'resize';
}

interface Props {
  days: Date[];
  occurrences: Occurrence[];
  onCreate: (start: Date) => void;
  onOpen: (occurrence: Occurrence) => void;
  onOpenDay: (day: Date) => void;
  onMove: (occurrence: Occurrence, delta: MoveDelta) => Promise<unknown>;
}

interface Drag {
  key: string;
  mode: 'move' | 'resize';
  x0: number;
  y0: number;
  columnWidth: number;
  minMinutes: number;
  days: number;
  minutes: number;
  moved: boolean;
}

export function TimeGrid({ days, occurrences, onCreate, onOpen, onOpenDay, onMove }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const [preview, setPreview] = useState<Drag | null>(null);
  const [now, setNow] = useState(() => new Date());

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = FIRST_VISIBLE_HOUR * HOUR_PX - 8;
  }, []);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const gridStyle = { '--days': days.length, '--hour': `${HOUR_PX}px` } as CSSProperties;

  const startDrag = (e: PointerEvent<HTMLDivElement>, segment: DaySegment) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const column = e.currentTarget.parentElement;
    const mode = (e.target as HTMLElement).dataset.handle === 'resize' ? 'resize' : 'move';
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = {
      key: occurrenceKey(segment.occurrence),
      mode,
      x0: e.clientX,
      y0: e.clientY,
      columnWidth: column?.getBoundingClientRect().width ?? 1,
      // A resize keeps at least 15 minutes.
      minMinutes: mode === 'resize' ? -(segment.endMin - segment.startMin - 15) : -Infinity,
      days: 0,
      minutes: 0,
      moved: false,
    };
  };

  const moveDrag = (e: PointerEvent<HTMLDivElement>, dayIndex: number) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x0;
    const dy = e.clientY - d.y0;
    if (!d.moved && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
    d.moved = true;
    d.minutes = Math.max(d.minMinutes, snap(dy / PX_PER_MIN));
    d.days = d.mode === 'move' ? Math.min(days.length - 1 - dayIndex, Math.max(-dayIndex, Math.round(dx / d.columnWidth))) : 0;
    setPreview({ ...d });
  };

  const endDrag = (e: PointerEvent<HTMLDivElement>, occurrence: Occurrence) => {
    const d = drag.current;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!d?.moved) {
      setPreview(null);
      return;
    }
    suppressClick.current = true;
    if (d.days === 0 && d.minutes === 0) {
      setPreview(null);
      return;
    }
    // The preview stays where it was dropped until the saved version has been fetched.
    void onMove(occurrence, { days: d.days, minutes: d.minutes, mode: d.mode }).finally(() => setPreview(null));
  };

  const eventStyle = (segment: DaySegment): CSSProperties => {
    const isDragged = preview?.key === occurrenceKey(segment.occurrence);
    const width = 100 / segment.columns;
    const top = segment.startMin * PX_PER_MIN;
    let height = Math.max(18, (segment.endMin - segment.startMin) * PX_PER_MIN - 1);
    let transform: string | undefined;
    if (isDragged && preview.mode === 'resize') height = Math.max(18, height + preview.minutes * PX_PER_MIN);
    if (isDragged && preview.mode === 'move') transform = `translate(${preview.days * preview.columnWidth}px, ${preview.minutes * PX_PER_MIN}px)`;
    return { top, height, left: `calc(${segment.column * width}% + 1px)`, width: `calc(${width}% - 3px)`, transform };
  };

  const previewLabel = (segment: DaySegment): string | null => {
    if (preview?.key !== occurrenceKey(segment.occurrence)) return null;
    const start = segment.startMin + (preview.mode === 'move' ? preview.minutes : 0);
    const end = segment.endMin + preview.minutes;
    const hm = (m: number) => `${String(Math.floor((((m % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String((((m % 60) + 60) % 60)).padStart(2, '0')}`;
    return `${hm(start)}–${hm(end)}`;
  };

  return (
    <div className={classes.calendar} ref={scroller} style={gridStyle}>
      <div className={classes.sticky}>
        <div className={classes.row}>
          <div />
          {days.map((day) => (
            <button
              key={day.toISOString()}
              type="button"
              className={`${classes.dayHead} ${isSameDay(day, now) ? classes.todayHead : ''}`}
              onClick={() => onOpenDay(day)}
              aria-label={`Open ${format(day, 'EEEE d MMMM')}`}
            >
              {format(day, 'EEE d')}
            </button>
          ))}
        </div>
        <div className={classes.row} role="group" aria-label="All-day events">
          <div className={classes.gutterLabel}>all day</div>
          {days.map((day) => (
            <div key={day.toISOString()} className={classes.allDayCell} role="group" aria-label={`All day ${format(day, 'EEEE d MMMM')}`}>
              {occurrences
                .filter((o) => o.allDay && onDay(o, day))
                .map((o) => (
                  <EventChip key={occurrenceKey(o)} occurrence={o} onOpen={onOpen} />
                ))}
            </div>
          ))}
        </div>
      </div>
      <div className={classes.row}>
        <div className={classes.hours} style={{ height: 24 * HOUR_PX }} aria-hidden>
          {Array.from({ length: 23 }, (_, i) => (
            <span key={i} className={classes.hourLabel} style={{ top: (i + 1) * HOUR_PX }}>
              {String(i + 1).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {days.map((day, dayIndex) => {
          const isToday = isSameDay(day, now);
          return (
            <div
              key={day.toISOString()}
              className={`${classes.dayColumn} ${isToday ? classes.todayColumn : ''}`}
              style={{ height: 24 * HOUR_PX }}
              data-date={format(day, 'yyyy-MM-dd')}
              role="group"
              aria-label={format(day, 'EEEE d MMMM')}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('[data-event]')) return;
                const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
                const minutes = Math.min(23 * 60 + 30, Math.floor(y / PX_PER_MIN / 30) * 30);
                onCreate(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes));
              }}
            >
              {isToday && <div className={classes.now} style={{ top: (now.getHours() * 60 + now.getMinutes()) * PX_PER_MIN }} />}
              {daySegments(occurrences, day).map((segment) => {
                const o = segment.occurrence;
                const dragging = preview?.key === occurrenceKey(o);
                const label = previewLabel(segment);
                return (
                  <div
                    key={occurrenceKey(o)}
                    data-event
                    data-kind={o.kind}
                    data-conflict={o.conflict || undefined}
                    data-dragging={dragging || undefined}
                    className={classes.event}
                    style={eventStyle(segment)}
                    role="button"
                    tabIndex={0}
                    aria-label={`${o.title}, ${occurrenceTime(o)}${o.conflict ? ', conflict' : ''}${o.recurring ? ', repeats' : ''}`}
                    title={o.recurring ? `${o.title} — repeats; drag to move this occurrence or the series` : `${o.title} — drag to move, drag the bottom edge to resize`}
                    onPointerDown={(e) => startDrag(e, segment)}
                    onPointerMove={(e) => moveDrag(e, dayIndex)}
                    onPointerUp={(e) => endDrag(e, o)}
                    onPointerCancel={() => {
                      drag.current = null;
                      setPreview(null);
                    }}
                    onClick={(e) => {
                      e.stopPropagation();
                      if (suppressClick.current) {
                        suppressClick.current = false;
                        return;
                      }
                      onOpen(o);
                    }}
                    onKeyDown={(e: KeyboardEvent) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onOpen(o);
                      }
                    }}
                  >
                    <div className={classes.eventTitle}>
                      {o.recurring ? '↻ ' : ''}
                      {o.title}
                    </div>
                    <div className={classes.eventLine}>{label ?? `${timeLabel(new Date(day.getTime() + segment.startMin * 60_000))}–${timeLabel(new Date(day.getTime() + segment.endMin * 60_000))}`}</div>
                    {o.conflict && <div className={classes.conflictLabel}>Conflict</div>}
                    {o.contactName && <div className={classes.eventLine}>{o.contactName}</div>}
                    <div className={classes.resize} data-handle="resize" aria-hidden />
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
