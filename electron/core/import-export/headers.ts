// The exact CSV headers other apps write and read (see FORMATS.md): Google Contacts (current), Outlook desktop
// (92 columns) and Outlook.com (61 columns). Export presets reproduce them; import recognises them. Data only.

export const GOOGLE_FIXED = [
  'First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name',
  'Name Prefix', 'Name Suffix', 'Nickname', 'File As', 'Organization Name', 'Organization Title',
  'Organization Department', 'Birthday', 'Notes', 'Photo', 'Labels',
] as const;

export const GOOGLE_ADDRESS_PARTS = ['Label', 'Formatted', 'Street', 'City', 'PO Box', 'Region', 'Postal Code', 'Country', 'Extended Address'] as const;

export const OUTLOOK_DESKTOP = [
  'Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title',
  'Business Street', 'Business Street 2', 'Business Street 3', 'Business City', 'Business State', 'Business Postal Code', 'Business Country/Region',
  'Home Street', 'Home Street 2', 'Home Street 3', 'Home City', 'Home State', 'Home Postal Code', 'Home Country/Region',
  'Other Street', 'Other Street 2', 'Other Street 3', 'Other City', 'Other State', 'Other Postal Code', 'Other Country/Region',
  "Assistant's Phone", 'Business Fax', 'Business Phone', 'Business Phone 2', 'Callback', 'Car Phone', 'Company Main Phone',
  'Home Fax', 'Home Phone', 'Home Phone 2', 'ISDN', 'Mobile Phone', 'Other Fax', 'Other Phone', 'Pager', 'Primary Phone',
  'Radio Phone', 'TTY/TDD Phone', 'Telex', 'Account', 'Anniversary', "Assistant's Name", 'Billing Information', 'Birthday',
  'Business Address PO Box', 'Categories', 'Children', 'Directory Server', 'E-mail Address', 'E-mail Type', 'E-mail Display Name',
  'E-mail 2 Address', 'E-mail 2 Type', 'E-mail 2 Display Name', 'E-mail 3 Address', 'E-mail 3 Type', 'E-mail 3 Display Name',
  'Gender', 'Government ID Number', 'Hobby', 'Home Address PO Box', 'Initials', 'Internet Free Busy', 'Keywords', 'Language',
  'Location', "Manager's Name", 'Mileage', 'Notes', 'Office Location', 'Organizational ID Number', 'Other Address PO Box',
  'Priority', 'Private', 'Profession', 'Referred By', 'Sensitivity', 'Spouse', 'User 1', 'User 2', 'User 3', 'User 4', 'Web Page',
] as const;

export const OUTLOOK_COM = [
  'First Name', 'Middle Name', 'Last Name', 'Title', 'Suffix', 'Nickname', 'Given Yomi', 'Surname Yomi',
  'E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address', 'Home Phone', 'Home Phone 2', 'Business Phone', 'Business Phone 2',
  'Mobile Phone', 'Car Phone', 'Other Phone', 'Primary Phone', 'Pager', 'Business Fax', 'Home Fax', 'Other Fax',
  'Company Main Phone', 'Callback', 'Radio Phone', 'Telex', 'TTY/TDD Phone', 'IMAddress', 'Job Title', 'Department', 'Company',
  'Office Location', "Manager's Name", "Assistant's Name", "Assistant's Phone", 'Company Yomi', 'Business Street', 'Business City',
  'Business State', 'Business Postal Code', 'Business Country/Region', 'Home Street', 'Home City', 'Home State', 'Home Postal Code',
  'Home Country/Region', 'Other Street', 'Other City', 'Other State', 'Other Postal Code', 'Other Country/Region',
  'Personal Web Page', 'Spouse', 'Schools', 'Hobby', 'Location', 'Web Page', 'Birthday', 'Anniversary', 'Notes',
] as const;


/** Outlook's phone columns and the label each implies. */
export const OUTLOOK_PHONES: Record<string, string> = {
  "Assistant's Phone": 'Assistant',
  'Business Fax': 'Work fax',
  'Business Phone': 'Work',
  'Business Phone 2': 'Work',
  Callback: 'Callback',
  'Car Phone': 'Car',
  'Company Main Phone': 'Company main',
  'Home Fax': 'Home fax',
  'Home Phone': 'Home',
  'Home Phone 2': 'Home',
  ISDN: 'ISDN',
  'Mobile Phone': 'Mobile',
  'Other Fax': 'Other fax',
  'Other Phone': 'Other',
  Pager: 'Pager',
  'Primary Phone': 'Main',
  'Radio Phone': 'Radio',
  'TTY/TDD Phone': 'TTY/TDD',
  Telex: 'Telex',
};

/** Rapport's own, lossless layout: numbered groups like Google's, one column per other field. */
export const RAPPORT_FIXED_HEAD = ['First Name', 'Last Name', 'Company', 'Job Title'] as const;
export const RAPPORT_FIXED_TAIL = ['Website', 'Birthday', 'Tags', 'Notes', 'Kind', 'Lead Source', 'Email Opt-in'] as const;
export const RAPPORT_ADDRESS_PARTS = ['Label', 'Street', 'City', 'Region', 'Postcode', 'Country'] as const;

/** Several values in one cell (Google's convention, also Rapport's for tags). */
export const MULTI_SEPARATOR = ' ::: ';
