// How the window names a set of sample records ("20 contacts, 4 companies, 9 jobs…"), shared by the welcome, the
// banner and the Settings page so they all say the same.
import type { SampleCounts } from '../../api/data';
import { plural } from '../../ui/format';

export function sampleSummary(c: SampleCounts): string {
  const parts = [
    plural(c.contacts, 'contact'),
    plural(c.companies, 'company', 'companies'),
    plural(c.jobs, 'job'),
    plural(c.activities, 'activity', 'activities'),
    plural(c.followUps, 'follow-up'),
    plural(c.appointments, 'appointment'),
  ];
  return parts.join(', ');
}

export const sampleTotal = (c: SampleCounts): number => c.contacts + c.companies + c.jobs + c.activities + c.followUps + c.appointments;
