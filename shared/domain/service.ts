// Service settings and report (issue #22): the business calendar targets are measured on, the targets per priority
// (optionally per case type or company tag), the reopen window, and the service report. Shapes only: main checks a
// calendar in the app's own words (electron/core/cases/business-calendar.ts). Imports zod only.
import { z } from 'zod';
import { text } from './fields';
import { DueDate } from './job';
import { CasePriority, CaseType } from './case';

const Clock = text().regex(/^\d{2}:\d{2}$/, { message: 'Use HH:MM, such as 09:00' });
const Interval = z.strictObject({ start: Clock, end: Clock });
const Day = z.array(Interval).max(6, { message: 'At most 6 stretches a day' });
export const BusinessCalendarShape = z.strictObject({
  timeZone: text().trim().min(1, { message: 'Choose a time zone, such as Europe/London' }).max(64),
  hours: z.strictObject({ monday: Day, tuesday: Day, wednesday: Day, thursday: Day, friday: Day, saturday: Day, sunday: Day }),
  holidays: z.array(DueDate).max(500, { message: 'At most 500 holidays' }),
});
export type BusinessCalendarShape = z.infer<typeof BusinessCalendarShape>;

/** Business minutes allowed for the first response and for resolution. */
const Minutes = z.number({ message: 'Enter a number of minutes' }).int({ message: 'Enter whole minutes' }).min(1, { message: 'Must be at least 1 minute' }).max(365 * 24 * 60, { message: 'At most a year' });
export const Target = z.strictObject({ responseMinutes: Minutes, resolutionMinutes: Minutes });
export type Target = z.infer<typeof Target>;
export const TargetsByPriority = z.strictObject({ low: Target, normal: Target, high: Target, urgent: Target });

export const ServiceTargets = z.strictObject({
  byPriority: TargetsByPriority,
  /** Checked in order; the first whose type and/or company tag match a case replaces its priority's target. */
  overrides: z
    .array(
      z.strictObject({
        type: CaseType.nullable().default(null),
        companyTag: text().trim().max(50).nullable().default(null),
        byPriority: z.strictObject({ low: Target.optional(), normal: Target.optional(), high: Target.optional(), urgent: Target.optional() }),
      }),
    )
    .max(50)
    .default([]),
  /** A customer reply within this many days of resolution reopens the case; later, it starts a new linked case. */
  reopenWithinDays: z.number().int().min(0).max(365).default(7),
});
export type ServiceTargets = z.infer<typeof ServiceTargets>;

export const ServiceReportInput = z
  .strictObject({ from: DueDate, to: DueDate })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end date must be on or after the start date' });
const Spread = z.object({ count: z.number().int(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() });
const Share = z.object({ met: z.number().int(), total: z.number().int(), share: z.number().nullable() });
export const ServiceReport = z.object({
  from: z.string(),
  to: z.string(),
  /** Cases opened in the period. */
  opened: z.number().int(),
  /** Open and waiting cases now, by age since creation. */
  openByAge: z.array(z.object({ bucket: z.enum(['under1d', '1to3d', '3to7d', '7to30d', 'over30d']), count: z.number().int() })),
  /** Business time to first response / to resolution, over cases opened in the period that got there. */
  firstResponse: Spread,
  resolution: Spread,
  targetsMet: z.object({ response: Share, resolution: Share }),
  /** Cases resolved in the period that were reopened at least once. */
  reopen: z.object({ reopened: z.number().int(), resolved: z.number().int(), share: z.number().nullable() }),
  satisfaction: z.object({ count: z.number().int(), average: z.number().nullable(), byScore: z.array(z.number().int()).length(5) }),
  perClient: z.array(z.object({ contactId: z.string(), name: z.string(), cases: z.number().int(), open: z.number().int() })),
  byPriority: z.array(z.object({ priority: CasePriority, opened: z.number().int() })),
});
export type ServiceReport = z.infer<typeof ServiceReport>;
