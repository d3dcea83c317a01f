// Sales alerts for the Today view: drifting clients, quotes with no answer for N days, work completed but
// unpaid for N days. Checked on start and then daily (an event tells the UI to refresh). No `electron` import.
import type { Kysely } from 'kysely';
import type { AlertSettings, Alerts } from '../../../shared/domain/report';
import { getSetting, setSetting } from '../../db/settings.repo';
import { staleJobs } from '../../db/reports.repo';
import type { DB } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import type { Logger } from '../logger';
import { DEFAULT_DRIFT_DAYS, driftingClients } from './dashboard';
import { daysBetween } from './period';

/** Sensible defaults for a sole trader: a quote is chased after two weeks, an invoice after a month. */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { driftDays: DEFAULT_DRIFT_DAYS, quoteDays: 14, unpaidDays: 30 };
const KEYS: Record<keyof AlertSettings, string> = { driftDays: 'alerts.driftDays', quoteDays: 'alerts.quoteDays', unpaidDays: 'alerts.unpaidDays' };
/** The Today view shows a short list; the dashboard's drifting figure opens the whole one. */
const SHORT = 10;
const DAY = 86_400_000;

async function readSettings(db: Kysely<DB>): Promise<AlertSettings> {
  const out = { ...DEFAULT_ALERT_SETTINGS };
  for (const key of Object.keys(KEYS) as (keyof AlertSettings)[]) {
    const value = Number(await getSetting(db, KEYS[key]));
    if (Number.isInteger(value) && value > 0) out[key] = value;
  }
  return out;
}

export function createAlerts({ db, clock, events }: ServiceDeps, logger: Logger) {
  async function stale(stage: 'quoted' | 'completed', days: number) {
    const now = clock.now();
    const rows = await staleJobs(db, stage, new Date(now.getTime() - days * DAY).toISOString(), SHORT);
    return rows.map((r) => ({
      jobId: r.id,
      title: r.title,
      contactId: r.contactId,
      contactName: r.contactName,
      stageName: r.stageName,
      since: r.stageChangedAt,
      days: daysBetween(r.stageChangedAt, now),
      amountMinor: r.amountMinor,
      currency: r.currency,
    }));
  }

  async function list(): Promise<Alerts> {
    const settings = await readSettings(db);
    return {
      settings,
      drifting: (await driftingClients(db, clock.now(), SHORT, true)).items,
      unansweredQuotes: await stale('quoted', settings.quoteDays),
      unpaid: await stale('completed', settings.unpaidDays),
      checkedAt: clock.now().toISOString(),
    };
  }

  /** Runs the check and tells the UI; what the Today view then shows is alerts.list. */
  async function check(): Promise<Alerts> {
    const alerts = await list();
    events.emit('alerts.updated', { count: alerts.drifting.length + alerts.unansweredQuotes.length + alerts.unpaid.length });
    return alerts;
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  // A check still running when the app closes fails on the closed file: that is not worth reporting.
  const run = () => void check().catch((error: unknown) => stopped || logger.error('alerts check failed', { error: String(error) }));

  return {
    list,
    check,
    settings: () => readSettings(db),
    async updateSettings(input: Partial<AlertSettings>): Promise<AlertSettings> {
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(input)) if (value !== undefined) await setSetting(trx, KEYS[key as keyof AlertSettings], String(value));
      });
      events.emit('data.changed', { entity: 'settings', action: 'updated', ids: Object.keys(input).map((k) => KEYS[k as keyof AlertSettings]) });
      return readSettings(db);
    },
    start() {
      stopped = false;
      // No check at start-up: the Today view asks alerts.list when it opens, and at 1,000,000 activities the
      // drift query would hold the main thread while the window loads. The daily check covers a day turning over.
      timer = setInterval(run, DAY);
      timer.unref?.();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
