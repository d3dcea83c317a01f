// What each kind of pick offers in the open dialog's file-type list. No `electron` import.
import type { z } from 'zod';
import type { FilePurpose } from '../../../shared/ipc/files.contract';
import type { FileFilter } from '../platform';

export const PICK_FILTERS: Record<z.output<typeof FilePurpose>, FileFilter[] | undefined> = {
  import: [{ name: 'Contacts (CSV, vCard)', extensions: ['csv', 'txt', 'vcf', 'vcard'] }],
  eml: [{ name: 'Email messages', extensions: ['eml'] }],
  calendar: [{ name: 'Calendars (iCalendar)', extensions: ['ics', 'ical', 'ifb', 'icalendar'] }],
  attachment: undefined,
  document: undefined,
  logo: [{ name: 'Pictures (PNG, JPEG)', extensions: ['png', 'jpg', 'jpeg'] }],
};
