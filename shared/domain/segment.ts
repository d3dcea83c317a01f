// Saved segments: a named contacts filter, shown in the navigation with a live count and usable wherever a
// contacts filter is (the list, CSV export, campaigns). Imports zod only.
import { z } from 'zod';
import { ContactListInput } from './contact';
import { Id, text } from './fields';

/** Everything contacts.list filters by, minus paging, sorting and the Trash switch. */
export const SegmentFilter = ContactListInput.pick({
  query: true,
  tag: true,
  kind: true,
  companyId: true,
  notContactedForDays: true,
  hasOverdueTask: true,
  city: true,
  region: true,
  leadSource: true,
  lastContactedBefore: true,
  lastContactedAfter: true,
  hasOpenJobs: true,
  revenueAboveMinor: true,
  revenueBelowMinor: true,
  revenueCurrency: true,
  emailOptIn: true,
  custom: true,
});
export type SegmentFilter = z.infer<typeof SegmentFilter>;

const SegmentName = text().trim().min(1, { message: 'Name the segment' }).max(60, { message: 'Must be at most 60 characters' });

export const SegmentCreate = z.strictObject({ name: SegmentName, filter: SegmentFilter });
export const SegmentUpdate = z.strictObject({ id: Id, name: SegmentName.optional(), filter: SegmentFilter.optional() });
export const SegmentCount = z.strictObject({ filter: SegmentFilter });

export const Segment = z.object({
  id: z.string(),
  name: z.string(),
  filter: SegmentFilter,
  /** Contacts matching it right now. */
  count: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof Segment>;
