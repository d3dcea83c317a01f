// The duplicates scan (issue #20): every live contact (or company) read from a snapshot, put in blocks, each
// candidate pair scored, all in steps so the window never waits more than a few dozen ms; `duplicates.progress`
// about every 5 %; cancellable. Only a finished scan replaces the kind's stored pairs, in one short transaction, so
// a cancelled one leaves the last scan's pairs as they were. Also the list (groups) and "not a duplicate".
import type { CountryCode } from 'libphonenumber-js/min';
import type { DuplicateKind } from '../../../shared/domain/duplicates';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { dismissedPairs, dismissPairs, livePairs, memberLines, replacePairs, scanRecords, type ScanCompany, type ScanContact, type StoredPair } from '../../db/duplicates.repo';
import { getSetting, setSetting } from '../../db/settings.repo';
import type { FeatureContext } from '../modules';
import { STEP_BUDGET_MS, pacer, turn } from '../steps';
import { buildBlocks, candidatePairs } from './blocking';
import { groupPairs, toGroup } from './groups';
import { companyRecord, contactRecord, phoneForReason, type DupRecord } from './records';
import { NAME_WEIGHT, scorePair, sharesEvidence } from './score';
import { defaultCountry, duplicateThreshold } from './settings';

/**
 * Pairs scoring below this are not kept: the lowest threshold the view's slider offers is 0.3, but below 0.5 every
 * two namesakes would be stored (tens of thousands at 100,000 contacts) and say nothing.
 */
export const STORE_MIN = 0.5;
// A name alone must stay below what is kept, or sharesEvidence's shortcut would drop pairs.
if (NAME_WEIGHT >= STORE_MIN) throw new Error('NAME_WEIGHT must stay below STORE_MIN');

class Cancelled extends Error {}

/** When the kind was last scanned to the end (a scan that finds no pair is still a scan). */
const scannedAtSetting = (kind: DuplicateKind) => `duplicates.scannedAt.${kind}`;

/** The scan's own step runner: `inSteps` (steps.ts) plus a cancel check and progress at each turn. */
async function paced<T>(steps: Generator<void, T>, atTurn: () => void): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= STEP_BUDGET_MS) {
      try {
        atTurn();
      } catch (error) {
        // Ends the generator first: an open statement iterator would keep its connection busy (it cannot close).
        steps.return(undefined as T);
        throw error;
      }
      await turn();
      since = performance.now();
    }
  }
}

const toRecord = (kind: DuplicateKind, row: ScanContact | ScanCompany): DupRecord =>
  kind === 'company' ? companyRecord(row as ScanCompany) : contactRecord(row as ScanContact);

/** Phone text for reasons, parsed once per number shown (libphonenumber costs ~40 µs a number). */
export function phoneTexts(country: CountryCode | undefined): (shown: string) => string {
  const cache = new Map<string, string>();
  return (shown) => {
    let text = cache.get(shown);
    if (text === undefined) {
      text = phoneForReason(shown, country);
      cache.set(shown, text);
    }
    return text;
  };
}

export function createDuplicatesScan(ctx: FeatureContext) {
  const { db, clock, events } = ctx.deps;
  let running: { kind: DuplicateKind; cancelled: boolean } | null = null;

  async function scan({ kind }: ChannelParsedInput<'duplicates.scan'>): Promise<ChannelOutput<'duplicates.scan'>> {
    if (running) throw new AppError('CONFLICT', 'A duplicate scan is already running');
    const run = { kind, cancelled: false };
    running = run;
    const started = performance.now();
    const snapshot = ctx.store.readSnapshot();
    try {
      const { total, rows } = scanRecords(snapshot, kind);
      const phoneText = phoneTexts(await defaultCountry(db));
      const dismissed = await dismissedPairs(db, kind);
      // Progress: reading is the first 40 % of the work, scoring the rest; an event about every 5 %.
      let fraction = 0;
      let told = -1;
      const tell = (force = false) => {
        const done = Math.min(total, Math.round(total * fraction));
        if (force || done - told >= Math.max(1, total / 20)) {
          told = done;
          events.emit('duplicates.progress', { kind, done, total });
        }
      };
      const atTurn = () => {
        if (run.cancelled) throw new Cancelled();
        tell();
      };
      tell(true);

      const records: DupRecord[] = [];
      await paced(
        (function* () {
          for (const row of rows()) {
            records.push(toRecord(kind, row));
            if ((records.length & 127) === 0) {
              fraction = (0.3 * records.length) / Math.max(1, total);
              yield;
            }
          }
        })(),
        atTurn,
      );
      snapshot.close();
      const blocks = await paced(buildBlocks(records), atTurn);
      fraction = 0.4;
      const count = (key: string) => Math.max(1, blocks.count(key));
      const found: StoredPair[] = [];
      // Pairs that share something beyond a name, scored once though they meet in several blocks (by slots: a number).
      const scored = new Set<number>();
      let visited = 0;
      const blockTotal = Math.max(1, blocks.members.size);
      await paced(
        candidatePairs(records, blocks, (x, y) => {
          const a = records[x]!.id < records[y]!.id ? records[x]! : records[y]!;
          const b = a === records[x] ? records[y]! : records[x]!;
          if (!sharesEvidence(a, b)) return;
          const slotKey = Math.min(x, y) * records.length + Math.max(x, y);
          if (scored.has(slotKey)) return;
          scored.add(slotKey);
          if (scorePair(a, b, count, null).score < STORE_MIN || dismissed.has(`${a.id}\u0000${b.id}`)) return;
          const { score, reasons } = scorePair(a, b, count, phoneText);
          found.push({ a: a.id, b: b.id, score, reasons });
        }, () => {
          visited++;
          fraction = 0.4 + (0.6 * visited) / blockTotal;
        }),
        atTurn,
      );
      if (run.cancelled) throw new Cancelled();
      const at = clock.now().toISOString();
      await replacePairs(db, kind, found, at, pacer());
      await setSetting(db, scannedAtSetting(kind), at);
      fraction = 1;
      tell(true);
      const groups = groupPairs(found.sort((p, q) => q.score - p.score)).length;
      return { kind, scanned: records.length, pairs: found.length, groups, tookMs: Math.round(performance.now() - started), cancelled: false };
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
      return { kind, scanned: 0, pairs: 0, groups: 0, tookMs: Math.round(performance.now() - started), cancelled: true };
    } finally {
      if (snapshot.open) snapshot.close();
      running = null;
    }
  }

  return {
    scan,

    cancel(): ChannelOutput<'duplicates.cancel'> {
      if (!running) return { cancelled: false };
      running.cancelled = true;
      return { cancelled: true };
    },

    async list({ kind, threshold, limit }: ChannelParsedInput<'duplicates.list'>): Promise<ChannelOutput<'duplicates.list'>> {
      const min = threshold ?? (await duplicateThreshold(db));
      const groups = groupPairs(await livePairs(db, kind, min)).slice(0, limit);
      const lines = await memberLines(db, kind, [...new Set(groups.flatMap((g) => g.flatMap((p) => [p.a, p.b])))]);
      return { groups: groups.map((g) => toGroup(kind, g, lines)), scannedAt: await getSetting(db, scannedAtSetting(kind)), threshold: min };
    },

    async dismiss({ kind, ids }: ChannelParsedInput<'duplicates.dismiss'>): Promise<ChannelOutput<'duplicates.dismiss'>> {
      return { dismissed: await dismissPairs(db, kind, ids, clock.now().toISOString()) };
    },
  };
}
