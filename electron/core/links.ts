// What a record may link to must exist and not be in Trash: a missing contact, company or job is
// NOT_FOUND. Shared by every service that links records (activities, follow-ups, jobs, appointments).
// No SQL (the repos answer), no `electron` import.
import type { Kysely } from 'kysely';
import type { Company, Contact } from '../../shared/domain/contact';
import type { Job } from '../../shared/domain/job';
import { AppError } from '../../shared/ipc/errors';
import { findCompany } from '../db/companies.repo';
import { findContact } from '../db/contacts.repo';
import { findJob, toJobs } from '../db/jobs.repo';
import type { DB } from '../db/schema';

/** Instants are stored as UTC ISO strings, whatever offset the renderer sent. */
export const utc = (instant: string) => new Date(instant).toISOString();

export async function requireContact(db: Kysely<DB>, contactId: string): Promise<Contact> {
  const contact = await findContact(db, contactId);
  if (!contact || contact.deletedAt) throw AppError.notFound('Contact', contactId);
  return contact;
}

export async function requireCompany(db: Kysely<DB>, companyId: string): Promise<Company> {
  const company = await findCompany(db, companyId);
  if (!company || company.deletedAt) throw AppError.notFound('Company', companyId);
  return company;
}

export async function requireJob(db: Kysely<DB>, jobId: string): Promise<Job> {
  const row = await findJob(db, jobId);
  if (!row || row.deleted_at) throw AppError.notFound('Job', jobId);
  return (await toJobs(db, [row]))[0]!;
}
