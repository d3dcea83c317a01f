// The Schedule: Day, Week, Month and Agenda views of appointments in the user's time zone, fetched for the
// visible range; drag to move or resize, click to create or edit, and .ics export and import.
import { ActionIcon, Button, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { addDays, addMinutes, differenceInCalendarDays, parseISO, set, startOfHour } from 'date-fns';
import { useState } from 'react';
import type { Occurrence } from '../../../../shared/domain/appointment';
import { invoke } from '../../api/client';
import { useAppointmentRange, useExportIcs, useMoveAppointment, useMoveOccurrence } from '../../api/schedule';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { AgendaView } from './AgendaView';
import { AppointmentDialog, type DialogState } from './AppointmentDialog';
import { IcsImportDialog } from './IcsImportDialog';
import { MonthView } from './MonthView';
import { type ScheduleView, dateKey, localDate, shiftAnchor, viewDays, viewTitle } from './schedule-dates';
import { type SeriesScope, SeriesChoice } from './SeriesChoice';
import { type MoveDelta, TimeGrid } from './TimeGrid';
import { plural } from '../../ui/format';

const VIEWS = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'agenda', label: 'Agenda' },
];

export function SchedulePage() {
  const [view, setView] = useState<ScheduleView>('week');
  const [anchor, setAnchor] = useState(() => new Date());
  const [dialog, setDialog] = useState<DialogState>(null);
  const [importing, setImporting] = useState(false);
  const { start, end } = viewDays(view, anchor);
  // Query keys compare by value, so a fresh object each render is the same query.
  const list = useAppointmentRange({ from: start.toISOString(), to: end.toISOString() });
  const occurrences = list.data?.items ?? [];
  const move = useMoveAppointment();
  const moveOne = useMoveOccurrence();
  const [choosing, setChoosing] = useState<{ title: string; resolve: (scope: SeriesScope) => void } | null>(null);
  const exportIcs = useExportIcs();

  const openDay = (day: Date) => {
    setAnchor(day);
    setView('day');
  };
  const open = (o: Occurrence) => setDialog({ mode: 'edit', id: o.appointmentId, occurrenceStart: o.recurring ? o.startsAt : undefined });

  const onMove = async (o: Occurrence, delta: MoveDelta) => {
    const shift = (iso: string) => addMinutes(addDays(parseISO(iso), delta.days), delta.minutes).toISOString();
    const shiftDate = (value: string) => dateKey(addDays(localDate(value), delta.days));
    const moved = (w: { startsAt: string; endsAt: string; allDay: boolean }) => ({
      startsAt: delta.mode === 'move' ? (w.allDay ? shiftDate(w.startsAt) : shift(w.startsAt)) : w.startsAt,
      endsAt: w.allDay ? shiftDate(w.endsAt) : shift(w.endsAt),
    });
    // The dragged chip stays where it was dropped while the user decides (the grid waits on this promise).
    const scope = o.recurring ? await new Promise<SeriesScope>((resolve) => setChoosing({ title: o.title, resolve })) : 'all';
    setChoosing(null);
    if (scope === null) return;
    if (scope === 'one') {
      await moveOne.mutateAsync({ id: o.appointmentId, occurrenceStart: o.startsAt, ...moved(o) }).catch(() => undefined);
      return;
    }
    // The whole series: the same shift applies to its first occurrence.
    const base = await invoke('appointments.get', { id: o.appointmentId });
    await move.mutateAsync({ id: base.id, ...moved(base) }).then(
      (saved) => {
        if (saved.recurrence) notifications.show({ color: 'indigo', message: `Moved every occurrence of “${saved.title}”`, autoClose: 5000 });
      },
      () => undefined,
    );
  };

  const doExport = () =>
    exportIcs.mutate(
      { from: start.toISOString(), to: end.toISOString() },
      {
        onSuccess: ({ path, count }) =>
          notifications.show({ color: 'teal', title: `Exported ${plural(count, 'appointment')}`, message: `Saved to ${path}`, autoClose: 10_000 }),
      },
    );

  const days = Array.from({ length: differenceInCalendarDays(end, start) }, (_, i) => addDays(start, i));
  const nextHour = set(startOfHour(addMinutes(new Date(), 60)), { seconds: 0 });

  return (
    <div className={pageClasses.page}>
      <div className={pageClasses.top}>
        <PageHeader
          title="Schedule"
          subtitle={
            <Group gap="xs">
              <Text span size="sm" c="dimmed">
                {viewTitle(view, anchor)}
              </Text>
              {list.isFetching && <Loader size={12} aria-label="Loading appointments" />}
            </Group>
          }
          actions={
            <>
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
                Import .ics
              </Button>
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={doExport} loading={exportIcs.isPending}>
                Export .ics
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ mode: 'create', start: view === 'day' || view === 'week' ? nextHour : set(anchor, { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 }) })}>
                New appointment
              </Button>
            </>
          }
        />
        <div className={pageClasses.toolbar}>
          <Button variant="default" onClick={() => setAnchor(new Date())}>
            Today
          </Button>
          <ActionIcon variant="default" size="lg" aria-label="Previous" onClick={() => setAnchor((a) => shiftAnchor(view, a, -1))}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label="Next" onClick={() => setAnchor((a) => shiftAnchor(view, a, 1))}>
            <IconChevronRight size={18} />
          </ActionIcon>
          <SegmentedControl aria-label="View" data={VIEWS} value={view} onChange={(value) => setView(value as ScheduleView)} />
        </div>
      </div>
      {(view === 'week' || view === 'day') && (
        <TimeGrid
          days={days}
          occurrences={occurrences}
          onCreate={(s) => setDialog({ mode: 'create', start: s })}
          onOpen={open}
          onOpenDay={openDay}
          onMove={onMove}
        />
      )}
      {view === 'month' && (
        <MonthView
          anchor={anchor}
          start={start}
          end={end}
          occurrences={occurrences}
          onOpen={open}
          onOpenDay={openDay}
          onCreateDay={(day) => setDialog({ mode: 'create', start: set(day, { hours: 9 }), allDay: true })}
        />
      )}
      {view === 'agenda' && <AgendaView start={start} end={end} occurrences={occurrences} onOpen={open} />}
      <AppointmentDialog state={dialog} onClose={() => setDialog(null)} />
      <SeriesChoice title={choosing?.title ?? null} onChoose={(scope) => choosing?.resolve(scope)} />
      <IcsImportDialog opened={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
