// What a record may link to must exist and not be in Trash: a missing contact, company or job is
// NOT_FOUND. Shared by every service that links records (activities, follow-ups, jobs, appointments).
// No `electron` import.
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/ipc/errors';
import { findCompany } from '../db/companies.repo';
import { findContact } from '../db/contacts.repo';
import { findJob } from '../db/jobs.repo';
import type { DB } from '../db/schema';

/** Instants are stored as UTC ISO strings, whatever offset the renderer sent. */
export const utc = (instant: string) => new Date(instant).toISOString();

export async function requireContact(db: Kysely<DB>, contactId: string) {
  const contact = await findContact(db, contactId);
  if (!contact || contact.deleted_at) throw AppError.notFound('Contact', contactId);
  return contact;
}

export async function requireCompany(db: Kysely<DB>, companyId: string) {
  const company = await findCompany(db, companyId);
  if (!company || company.deleted_at) throw AppError.notFound('Company', companyId);
  return company;
}

export async function requireJob(db: Kysely<DB>, jobId: string) {
  const job = await findJob(db, jobId);
  if (!job || job.deleted_at) throw AppError.notFound('Job', jobId);
  return job;
}
