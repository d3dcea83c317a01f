// The in-code migration list (no directory scanning, so bundles carry it). Append only: a shipped
// migration never changes. Names sort as strings.
import type { Kysely } from 'kysely';
import * as m0001 from './0001_contacts_and_companies';
import * as m0002 from './0002_activities_and_tasks';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: readonly Migration[] = [
  { name: '0001_contacts_and_companies', up: m0001.up },
  { name: '0002_activities_and_tasks', up: m0002.up },
];
