// The in-code migration list (no directory scanning, so bundles carry it). Append only: a shipped
// migration never changes. Names sort as strings.
import type { Kysely } from 'kysely';
import * as m0001 from './0001_contacts_and_companies';
import * as m0002 from './0002_activities_and_tasks';
import * as m0003 from './0003_jobs';
import * as m0004 from './0004_appointments';
import * as m0005 from './0005_job_links';
import * as m0006 from './0006_documents';
import * as m0007 from './0007_imports';
import * as m0008 from './0008_email';
import * as m0009 from './0009_segments';
import * as m0010 from './0010_document_activity_links';
import * as m0011 from './0011_report_summaries';
import * as m0012 from './0012_bulk_insert';
import * as m0013 from './0013_revenue_lead_times';
import * as m0014 from './0014_client_sources';
import * as m0015 from './0015_calendar_imports';
import * as m0016 from './0016_contact_bulk_edits';
import * as m0018 from './0018_list_seek_indexes';
import * as m0019 from './0019_purge_indexes';
import * as m0020 from './0020_custom_fields';
import * as m0021 from './0021_duplicates_and_merges';
import * as m0022 from './0022_privacy';
import * as m0023 from './0023_cases';
import * as m0024 from './0024_quotes';
import * as m0025 from './0025_sync';
import * as m0026 from './0026_activity_contact_index';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: readonly Migration[] = [
  { name: '0001_contacts_and_companies', up: m0001.up },
  { name: '0002_activities_and_tasks', up: m0002.up },
  { name: '0003_jobs', up: m0003.up },
  { name: '0004_appointments', up: m0004.up },
  { name: '0005_job_links', up: m0005.up },
  { name: '0006_documents', up: m0006.up },
  { name: '0007_imports', up: m0007.up },
  { name: '0008_email', up: m0008.up },
  { name: '0009_segments', up: m0009.up },
  { name: '0010_document_activity_links', up: m0010.up },
  { name: '0011_report_summaries', up: m0011.up },
  { name: '0012_bulk_insert', up: m0012.up },
  { name: '0013_revenue_lead_times', up: m0013.up },
  { name: '0014_client_sources', up: m0014.up },
  { name: '0015_calendar_imports', up: m0015.up },
  { name: '0016_contact_bulk_edits', up: m0016.up },
  { name: '0018_list_seek_indexes', up: m0018.up },
  { name: '0019_purge_indexes', up: m0019.up },
  { name: '0020_custom_fields', up: m0020.up },
  { name: '0021_duplicates_and_merges', up: m0021.up },
  { name: '0022_privacy', up: m0022.up },
  { name: '0023_cases', up: m0023.up },
  { name: '0024_quotes', up: m0024.up },
  { name: '0025_sync', up: m0025.up },
  { name: '0026_activity_contact_index', up: m0026.up },
];
