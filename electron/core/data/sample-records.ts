// The sample address book behind "Explore with sample data": a kitchen fitter's clients, suppliers and trades,
// with jobs across the pipeline, calls, follow-ups and appointments dated around today. The e2e suite seeds its
// screenshots from the same records (tests/e2e/sample-data.ts). Plain data: no SQL, no `electron`.
import type { ChannelInput } from '../../../shared/ipc/contract';

export const SAMPLE_COMPANIES: ChannelInput<'companies.create'>[] = [
  { name: 'Harrow & Sons Builders', website: 'harrowandsons.co.uk', phone: '01632 960123', tags: ['trade'] },
  { name: 'Oakline Worktops', website: 'oakline.example', phone: '0117 496 0555', tags: ['supplier'] },
  { name: 'Bright Spark Electrical', phone: '020 7946 0321' },
  { name: 'Millbrook Lettings', website: 'millbrook-lettings.example', phone: '01632 960777', tags: ['landlord'] },
];

export type SampleContact = Omit<ChannelInput<'contacts.create'>, 'companyId'> & { company?: string };

export const SAMPLE_CONTACTS: SampleContact[] = [
  { firstName: 'Amelia', lastName: 'Clarke', emails: [{ value: 'amelia.clarke@example.com', label: 'home' }], phones: [{ value: '07700 900123', label: 'mobile' }], tags: ['kitchen', 'vip'], kind: 'customer' },
  { firstName: 'Rahul', lastName: 'Mehta', jobTitle: 'Site manager', company: 'Harrow & Sons Builders', emails: [{ value: 'rahul@harrowandsons.co.uk', label: 'work' }], phones: [{ value: '07700 900456' }], tags: ['trade'], kind: 'partner' },
  { firstName: 'Siobhan', lastName: "O'Neill", emails: [{ value: 'siobhan.oneill@example.net' }], phones: [{ value: '+353 85 123 4567' }], tags: ['wedding', 'quote sent'], kind: 'prospect' },
  { firstName: 'Tomasz', lastName: 'Nowak', jobTitle: 'Sales', company: 'Oakline Worktops', emails: [{ value: 't.nowak@oakline.example', label: 'work' }], phones: [{ value: '0117 496 0555', label: 'work' }], tags: ['supplier'], kind: 'supplier' },
  { firstName: 'Grace', lastName: 'Adeyemi', emails: [{ value: 'grace.adeyemi@example.org' }], phones: [{ value: '07700 900789' }], tags: ['kitchen'], kind: 'customer' },
  { firstName: 'Émile', lastName: 'Durand', emails: [{ value: 'emile.durand@example.fr' }], phones: [{ value: '+33 6 12 34 56 78' }], tags: ['wedding'], kind: 'customer' },
  { firstName: 'Hannah', lastName: 'Whitfield', jobTitle: 'Electrician', company: 'Bright Spark Electrical', emails: [{ value: 'hannah@brightspark.example' }], phones: [{ value: '020 7946 0321' }], tags: ['trade'], kind: 'partner' },
  { firstName: 'Mohammed', lastName: 'Rahman', emails: [{ value: 'm.rahman@example.com' }], phones: [{ value: '07700 900234' }], tags: ['bathroom', 'follow up'], kind: 'prospect' },
  { firstName: 'Lucy', lastName: 'Fenwick', emails: [{ value: 'lucy.fenwick@example.co.uk' }], phones: [{ value: '07700 900567' }], tags: ['kitchen', 'repeat'], kind: 'customer' },
  { firstName: 'Kenji', lastName: 'Sato', emails: [{ value: 'kenji.sato@example.jp' }], tags: ['wedding', 'venue'], kind: 'other' },
  { firstName: 'Olivia', lastName: 'Bennett', jobTitle: 'Office manager', company: 'Harrow & Sons Builders', emails: [{ value: 'olivia@harrowandsons.co.uk' }], phones: [{ value: '01632 960124' }], kind: 'partner' },
  { firstName: 'Priya', lastName: 'Shah', emails: [{ value: 'priya.shah@example.com' }], phones: [{ value: '07700 900318' }], addresses: [{ street: '14 Orchard Way', city: 'Bristol', postcode: 'BS6 5AB', country: 'United Kingdom' }], tags: ['kitchen'], kind: 'customer' },
  { firstName: 'David', lastName: 'Okafor', emails: [{ value: 'david.okafor@example.org' }], phones: [{ value: '07700 900642' }], tags: ['bathroom'], kind: 'customer' },
  { firstName: 'Megan', lastName: 'Llewellyn', emails: [{ value: 'megan.llewellyn@example.co.uk' }], phones: [{ value: '07700 900951' }], tags: ['kitchen', 'quote sent'], kind: 'prospect' },
  { firstName: 'Callum', lastName: 'Fraser', jobTitle: 'Property manager', company: 'Millbrook Lettings', emails: [{ value: 'callum@millbrook-lettings.example', label: 'work' }], phones: [{ value: '01632 960778', label: 'work' }], tags: ['landlord'], kind: 'customer' },
  { firstName: 'Sophie', lastName: 'Turner', emails: [{ value: 'sophie.turner@example.com' }], phones: [{ value: '07700 900415' }], tags: ['kitchen', 'repeat'], kind: 'customer' },
  { firstName: 'Aleksandra', lastName: 'Kowalczyk', emails: [{ value: 'ola.kowalczyk@example.pl' }], phones: [{ value: '07700 900862' }], tags: ['bathroom'], kind: 'prospect' },
  { firstName: 'James', lastName: 'Whitaker', emails: [{ value: 'j.whitaker@example.net' }], phones: [{ value: '07700 900273' }], tags: ['utility room'], kind: 'customer' },
  { firstName: 'Fatima', lastName: 'Begum', emails: [{ value: 'fatima.begum@example.com' }], phones: [{ value: '07700 900534' }], tags: ['kitchen'], kind: 'prospect' },
  { firstName: 'Ben', lastName: 'Harper', jobTitle: 'Plumber', emails: [{ value: 'ben@harperplumbing.example' }], phones: [{ value: '07700 900690' }], tags: ['trade'], kind: 'partner' },
];

/** Where a sample job sits, by the default pipeline's stage position (clamped to a customised pipeline's length). */
export interface SampleJob {
  title: string;
  contact: string;
  stage: number;
  amountMinor: number;
  /** Days from today; negative is past. */
  dueInDays?: number;
  probability?: number;
  lostReason?: string;
}

export const SAMPLE_JOBS: SampleJob[] = [
  { title: 'Shaker kitchen, full refit', contact: 'Amelia Clarke', stage: 3, amountMinor: 1_450_000, dueInDays: 12 },
  { title: 'Bathroom refit with walk-in shower', contact: 'Mohammed Rahman', stage: 1, amountMinor: 780_000, dueInDays: 30, probability: 60 },
  { title: 'Oak worktops and island', contact: 'Megan Llewellyn', stage: 1, amountMinor: 520_000, probability: 40 },
  { title: 'Utility room units', contact: 'James Whitaker', stage: 0, amountMinor: 240_000 },
  { title: 'Galley kitchen makeover', contact: 'Priya Shah', stage: 2, amountMinor: 960_000, dueInDays: 21 },
  { title: 'Kitchen for flat 3, Millbrook Road', contact: 'Callum Fraser', stage: 4, amountMinor: 610_000, dueInDays: -5 },
  { title: 'Replacement cabinet doors', contact: 'Lucy Fenwick', stage: 5, amountMinor: 185_000, dueInDays: -20 },
  { title: 'En-suite tiling', contact: 'David Okafor', stage: 6, amountMinor: 320_000, lostReason: 'Went with a cheaper quote' },
  { title: 'Open-plan kitchen extension', contact: 'Fatima Begum', stage: 0, amountMinor: 2_200_000, probability: 20 },
];

export interface SampleActivity {
  contact: string;
  type: 'call' | 'email' | 'meeting' | 'note';
  daysAgo: number;
  subject: string;
  notes?: string;
  outcome?: 'connected' | 'no_answer' | 'left_voicemail';
  durationSeconds?: number;
}

export const SAMPLE_ACTIVITIES: SampleActivity[] = [
  { contact: 'Amelia Clarke', type: 'meeting', daysAgo: 20, subject: 'Measured up the kitchen', notes: 'Wants sage green doors and a larder unit.' },
  { contact: 'Amelia Clarke', type: 'call', daysAgo: 3, subject: 'Confirmed fitting dates', outcome: 'connected', durationSeconds: 420 },
  { contact: 'Mohammed Rahman', type: 'email', daysAgo: 6, subject: 'Sent bathroom quote' },
  { contact: 'Mohammed Rahman', type: 'call', daysAgo: 1, subject: 'Chased the quote', outcome: 'left_voicemail', durationSeconds: 40 },
  { contact: 'Megan Llewellyn', type: 'meeting', daysAgo: 9, subject: 'Showroom visit at Oakline', notes: 'Liked the solid oak, worried about upkeep.' },
  { contact: 'Priya Shah', type: 'call', daysAgo: 2, subject: 'Deposit received', outcome: 'connected', durationSeconds: 300 },
  { contact: 'Callum Fraser', type: 'note', daysAgo: 4, subject: 'Snagging list for flat 3', notes: 'Two hinges to adjust, one kickboard missing.' },
  { contact: 'Lucy Fenwick', type: 'email', daysAgo: 18, subject: 'Invoice paid, thank you' },
  { contact: 'Tomasz Nowak', type: 'call', daysAgo: 5, subject: 'Ordered worktops for the Clarke job', outcome: 'connected', durationSeconds: 600 },
  { contact: 'Fatima Begum', type: 'call', daysAgo: 0, subject: 'First enquiry', notes: 'Found us through Sophie Turner.', outcome: 'connected', durationSeconds: 900 },
  { contact: 'David Okafor', type: 'call', daysAgo: 12, subject: 'Decided not to go ahead', outcome: 'connected', durationSeconds: 180 },
  { contact: 'Siobhan O\'Neill', type: 'email', daysAgo: 7, subject: 'Sent venue kitchen quote' },
];

export interface SampleFollowUp {
  contact: string;
  title: string;
  /** Days from today, at 10:00 local; negative is overdue. */
  dueInDays: number;
  priority?: 'low' | 'normal' | 'high';
}

export const SAMPLE_FOLLOW_UPS: SampleFollowUp[] = [
  { contact: 'Mohammed Rahman', title: 'Call back about the bathroom quote', dueInDays: -1, priority: 'high' },
  { contact: 'Megan Llewellyn', title: 'Send oak care guide and revised quote', dueInDays: 0 },
  { contact: 'Callum Fraser', title: 'Fix the snagging items in flat 3', dueInDays: 2 },
  { contact: 'Fatima Begum', title: 'Book a home visit to measure up', dueInDays: 1 },
  { contact: "Siobhan O'Neill", title: 'Ask whether the quote works for the venue', dueInDays: 5, priority: 'low' },
];

export interface SampleAppointment {
  contact: string;
  title: string;
  /** Days from today and the local hour it starts; lasts `hours`. */
  inDays: number;
  hour: number;
  hours: number;
  location?: string;
}

export const SAMPLE_APPOINTMENTS: SampleAppointment[] = [
  { contact: 'Fatima Begum', title: 'Measure up: kitchen extension', inDays: 1, hour: 9, hours: 1, location: 'Begum house' },
  { contact: 'Amelia Clarke', title: 'Kitchen fitting starts', inDays: 3, hour: 8, hours: 8 },
  { contact: 'Priya Shah', title: 'Choose door colours', inDays: 6, hour: 14, hours: 1, location: 'Oakline showroom' },
];
