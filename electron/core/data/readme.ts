// The README.txt inside an "Export everything" zip: what each file is and how to open it, so the archive makes
// sense years later without Rapport. No `electron` import.

export interface ReadmeFacts {
  now: Date;
  /** Custom field definitions in fields.json (issue #19). */
  fields?: number;
  tables: number;
  rows: number;
  contacts: number;
  events: number;
  documents: number;
  /** Names of documents whose stored file was missing. */
  missing: string[];
  /** Files in the documents folder that belong to no document (email attachments). */
  others: number;
}

export function readmeText(facts: ReadmeFacts): string {
  const lines = [
    'Everything from Rapport',
    '=======================',
    '',
    `Exported ${facts.now.toISOString()} (UTC). Every part below was read from one copy of the data, taken at that moment.`,
    '',
    'rapport.sqlite',
    '  The whole data file, as Rapport keeps it (an SQLite 3 database). Any SQLite tool opens it, for example',
    '  "DB Browser for SQLite". To go back to this state, put it in a Rapport data folder as rapport.sqlite',
    '  (with the documents folder beside it, see below) while Rapport is closed.',
    '',
    `tables/<table>.csv  (${facts.tables} tables, ${facts.rows} rows in all)`,
    '  Each table of the data file as a spreadsheet: one row per record, the first row names the columns. The',
    '  files are UTF-8 with a byte order mark. Text that a spreadsheet would run as a formula (starting with =, +,',
    "  -, @) starts with an apostrophe. Lists (emails, phones, addresses, tags) are JSON text; times are UTC.",
    '  Rows in the Trash are included: their deleted_at column is filled in.',
    '  contacts.csv, companies.csv and jobs.csv end with one column per custom field of their kind (archived ones',
    '  too), headed by the field\'s label ("<label> [<key>]" when a column already has that name), the value as',
    '  you see it in Rapport (money as a decimal in the field\'s currency, yes/no as Yes/No, choices by their',
    '  names, links by the record\'s id). custom_values.csv holds the same values as stored.',
    '',
    `fields.json  (${facts.fields ?? 0} custom fields)`,
    '  Your own fields, per kind of record (contact, company, job): key, label, type, currency, required, default,',
    '  help, section, order, choices (id and name), archived, and deletedAt for those in the Trash.',
    '',
    `contacts.vcf  (${facts.contacts} contacts)`,
    '  Your contacts (not those in the Trash) as vCard 3.0, for phones, Google Contacts, Outlook and Apple Contacts.',
    '  Custom field values are lines named X-RAPPORT-<KEY> (the field\'s key in capitals), which Rapport reads back.',
    '',
    `schedule.ics  (${facts.events} appointments)`,
    '  Your appointments as iCalendar, for Google Calendar, Outlook, Apple Calendar and Thunderbird.',
    '',
    `documents/  (${facts.documents} files)`,
    '  The files kept in Rapport, under their own names (made safe for every system; a name used twice gets a',
    '  number). documents/Trash holds those in the Trash. documents/index.csv says which file is which document.',
    "  Documents that were only linked (left where they were on your computer) are not copied: they are listed",
    '  in tables/documents.csv with their path.',
  ];
  if (facts.others > 0) lines.push(`  documents/other holds ${facts.others} more files kept with email (attachments), named by their SHA-256.`);
  if (facts.missing.length > 0) {
    lines.push('', `Missing: ${facts.missing.length} documents had no stored file when this export was made:`);
    for (const name of facts.missing) lines.push(`  - ${name.replace(/[\r\n]+/g, ' ')}`);
  }
  lines.push('');
  return lines.join('\r\n');
}
