// Calendar import as a real import: preview a picked .ics file, run it in batches with progress and Cancel, keep
// its report, and undo it. Each batch is one transaction; Cancel stops between batches and keeps what was done
// (recorded, so Undo removes it). Events match by UID, so the same file twice changes nothing. No SQL here.
import { AppError } from '../../../shared/ipc/errors';
import type { CalendarImportReport, CalendarReportNote } from '../../../shared/domain/calendar-import';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { insertAppointment, updateAppointment } from '../../db/schedule.repo';
import {
  closeInterruptedCalendarImports,
  finishCalendarImport,
  findCalendarImport,
  listCalendarImports,
  recordCalendarImportItem,
  saveCalendarImportCounts,
  startCalendarImport,
  undoCalendarImport,
  type CalendarImportCounts,
} from '../../db/schedule.imports.repo';
import type { ServiceDeps } from '../deps';
import type { Logger } from '../logger';
import type { PickedFiles } from '../modules';
import { pacer } from '../steps';
import { checkPicked, noteName, planEvent, PREVIEW_ACTION, readCalendarFile, repeatSummary, SKIP_REASON, type ReadEvent } from './ics-import-plan';

/** Events per transaction (and per progress event). */
const BATCH_EVENTS = 100;
const PREVIEW_EVENTS = 50;
const REPORTED_NOTES = 1000;

export interface CalendarImportContext {
  deps: ServiceDeps;
  picks: PickedFiles;
  logger: Logger;
}

export function createCalendarImport({ deps, picks, logger }: CalendarImportContext) {
  const { db, clock, events, newId } = deps;
  const running = new Set<string>();
  const cancelled = new Set<string>();
  let interruptedClosed = false;

  /** Once per process, before the first run or list: what a previous process left 'running' is over. */
  async function closeInterrupted(): Promise<void> {
    if (interruptedClosed) return;
    interruptedClosed = true;
    await closeInterruptedCalendarImports(db, clock.now().toISOString());
  }

  async function preview({ path }: { path: string }): Promise<ChannelOutput<'schedule.importPreview'>> {
    checkPicked(picks, path);
    const file = await readCalendarFile(path);
    const now = clock.now().toISOString();
    const counts = { create: 0, update: 0, unchanged: 0 };
    const sample: ChannelOutput<'schedule.importPreview'>['sample'] = [];
    const problems = [...file.problems];
    const seen = new Set<string>();
    let events = 0;
    let repeating = 0;
    // Each plan is a query: the event loop gets a turn every few milliseconds of them.
    const pace = pacer();
    for (const { event, line } of file.events) {
      await pace();
      if (seen.has(event.uid)) {
        problems.push({ event: noteName(event.title), line, reason: SKIP_REASON.duplicate });
        continue;
      }
      seen.add(event.uid);
      const plan = await planEvent(db, event, now, newId);
      if (plan.action === 'invalid') {
        problems.push({ event: noteName(event.title), line, reason: plan.reason });
        continue;
      }
      events++;
      if (event.recurrence) repeating++;
      if (plan.action === 'create' || plan.action === 'update') counts[plan.action]++;
      else counts.unchanged++;
      if (sample.length < PREVIEW_EVENTS) {
        sample.push({ title: event.title, line, startsAt: event.startsAt, endsAt: event.endsAt, allDay: event.allDay, repeat: repeatSummary(event.recurrence), action: PREVIEW_ACTION[plan.action] });
      }
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { fileName: file.fileName, events, repeating, ...counts, sample, warnings: file.warnings, problems };
  }

  async function run({ path }: { path: string }): Promise<CalendarImportReport> {
    checkPicked(picks, path);
    await closeInterrupted();
    const file = await readCalendarFile(path);
    const importId = newId();
    await startCalendarImport(db, { id: importId, fileName: file.fileName.slice(0, 255), startedAt: clock.now().toISOString() });
    running.add(importId);
    const counts: CalendarImportCounts = { created: 0, updated: 0, skipped: 0, rejected: file.problems.length };
    const notes: CalendarReportNote[] = [
      ...file.problems.map((p) => ({ ...p, outcome: 'rejected' as const })),
      ...file.warnings.map((w) => ({ ...w, outcome: 'warning' as const })),
    ];
    const note = (n: CalendarReportNote) => notes.length < REPORTED_NOTES && notes.push(n);
    const changed = { created: [] as string[], updated: [] as string[] };
    const total = file.events.length;
    let processed = 0;
    const progress = (done: boolean) => events.emit('schedule.importProgress', { importId, processed, total, ...counts, done });
    const seen = new Set<string>();

    const writeBatch = (batch: readonly ReadEvent[]) =>
      db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        for (const { event, line } of batch) {
          const skip = (reason: string) => (counts.skipped++, note({ event: noteName(event.title), line, reason, outcome: 'skipped' }));
          if (seen.has(event.uid)) {
            skip(SKIP_REASON.duplicate);
            continue;
          }
          seen.add(event.uid);
          const plan = await planEvent(trx, event, now, newId);
          if (plan.action === 'invalid') {
            counts.rejected++;
            note({ event: noteName(event.title), line, reason: plan.reason, outcome: 'rejected' });
          } else if (plan.action === 'create') {
            await insertAppointment(trx, plan.record);
            await recordCalendarImportItem(trx, { importId, appointmentId: plan.record.id, action: 'created', writtenAt: now });
            changed.created.push(plan.record.id);
            counts.created++;
          } else if (plan.action === 'update') {
            await recordCalendarImportItem(trx, { importId, appointmentId: plan.existing.id, action: 'updated', writtenAt: now });
            await updateAppointment(trx, plan.existing.id, plan.patch);
            changed.updated.push(plan.existing.id);
            counts.updated++;
          } else skip(SKIP_REASON[plan.action]);
        }
        await saveCalendarImportCounts(trx, importId, counts, notes);
      });

    let status: 'done' | 'cancelled' | 'failed' = 'done';
    try {
      progress(false);
      // Let the renderer learn the import's id (and so offer Cancel) before the first batch.
      await new Promise((resolve) => setImmediate(resolve));
      for (let at = 0; at < total; at += BATCH_EVENTS) {
        if (cancelled.has(importId)) {
          status = 'cancelled';
          break;
        }
        const batch = file.events.slice(at, at + BATCH_EVENTS);
        const before = { counts: { ...counts }, notes: notes.length, created: changed.created.length, updated: changed.updated.length };
        try {
          await writeBatch(batch);
        } catch (error) {
          // The batch was rolled back: so are its counts.
          Object.assign(counts, before.counts);
          notes.length = before.notes;
          changed.created.length = before.created;
          changed.updated.length = before.updated;
          throw error;
        }
        processed += batch.length;
        progress(false);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (status === 'done') await saveCalendarImportCounts(db, importId, counts, notes);
    } catch (error) {
      // The failed batch was rolled back; the finished ones stay and can be undone. The report says where it stopped.
      status = 'failed';
      logger.error('calendar import failed', { importId, error: String(error) });
      note({ event: '', line: file.events[processed]?.line ?? null, reason: 'The import stopped here because the schedule could not be saved; the events before it were imported', outcome: 'rejected' });
      await saveCalendarImportCounts(db, importId, counts, notes);
    } finally {
      running.delete(importId);
      cancelled.delete(importId);
    }
    const report = await finishCalendarImport(db, importId, status, clock.now().toISOString());
    progress(true);
    const ids = [...changed.created, ...changed.updated];
    // One change for the whole import: the renderer refetches once.
    if (ids.length) events.emit('data.changed', { entity: 'appointment', action: changed.created.length ? 'created' : 'updated', ids });
    return report;
  }

  async function undo({ importId }: { importId: string }): Promise<ChannelOutput<'schedule.importUndo'>> {
    const found = await findCalendarImport(db, importId);
    if (!found) throw AppError.notFound('Import', importId);
    if (running.has(importId)) throw new AppError('CONFLICT', 'This import is still running: cancel it first');
    if (found.status === 'undone') throw new AppError('CONFLICT', 'This import was already undone');
    const undone = await undoCalendarImport(db, importId, clock.now().toISOString());
    const ids = [...undone.deleted, ...undone.trashed, ...undone.restored];
    if (ids.length) events.emit('data.changed', { entity: 'appointment', action: 'deleted', ids });
    return { report: (await findCalendarImport(db, importId))!, removed: undone.deleted.length + undone.trashed.length, restored: undone.restored.length, kept: undone.kept };
  }

  return {
    preview,
    run,
    undo,
    cancel: async ({ importId }: { importId: string }) => {
      if (!running.has(importId)) return { cancelling: false };
      cancelled.add(importId);
      return { cancelling: true };
    },
    async list(): Promise<ChannelOutput<'schedule.imports'>> {
      await closeInterrupted();
      return { items: await listCalendarImports(db) };
    },
    isRunning: (importId: string) => running.has(importId),
  };
}
