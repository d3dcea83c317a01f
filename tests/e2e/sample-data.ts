// A small, believable address book for a kitchen fitter, used to seed screenshots and list tests.
import type { ChannelInput } from '../../shared/ipc/contract';

export const SAMPLE_COMPANIES: ChannelInput<'companies.create'>[] = [
  { name: 'Harrow & Sons Builders', website: 'harrowandsons.co.uk', phone: '01632 960123', tags: ['trade'] },
  { name: 'Oakline Worktops', website: 'oakline.example', phone: '0117 496 0555', tags: ['supplier'] },
  { name: 'Bright Spark Electrical', phone: '020 7946 0321' },
];

type SampleContact = Omit<ChannelInput<'contacts.create'>, 'companyId'> & { company?: string };

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
];
