// App settings: one key/value table shared by every domain's preferences (default currency, SMTP, alert
// thresholds, document limits). Values are text; each caller parses its own. Never imports core or `electron`.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

export async function getSetting(db: Kysely<DB>, key: string): Promise<string | null> {
  return (await sql<{ value: string }>`SELECT value FROM settings WHERE key = ${key}`.execute(db)).rows[0]?.value ?? null;
}

export async function setSetting(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
}
