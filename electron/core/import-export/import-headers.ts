// Header names other programs write that only the import needs to know (FORMATS.md and the real files in
// tests/fixtures/real/csv): localized Outlook headers, and the columns whose values have no contact field of
// their own but must not be dropped (they go to notes under a label). Data only.

/** German Outlook (2010-2016) headers -> the English Outlook header of the same column. */
export const OUTLOOK_GERMAN: Record<string, string> = {
  Anrede: 'Title', Vorname: 'First Name', 'Weitere Vornamen': 'Middle Name', Nachname: 'Last Name', Suffix: 'Suffix',
  Firma: 'Company', Abteilung: 'Department', Position: 'Job Title',
  'Straße geschäftlich': 'Business Street', 'Straße geschäftlich 2': 'Business Street 2', 'Straße geschäftlich 3': 'Business Street 3',
  'Ort geschäftlich': 'Business City', 'Region geschäftlich': 'Business State', 'Postleitzahl geschäftlich': 'Business Postal Code',
  'Land/Region geschäftlich': 'Business Country/Region',
  'Straße privat': 'Home Street', 'Straße privat 2': 'Home Street 2', 'Straße privat 3': 'Home Street 3', 'Ort privat': 'Home City',
  'Bundesland/Kanton privat': 'Home State', 'Postleitzahl privat': 'Home Postal Code', 'Land/Region privat': 'Home Country/Region',
  'Weitere Straße': 'Other Street', 'Weitere Straße 2': 'Other Street 2', 'Weitere Straße 3': 'Other Street 3', 'Weiterer Ort': 'Other City',
  'Weiteres/r Bundesland/Kanton': 'Other State', 'Weitere Postleitzahl': 'Other Postal Code', 'Weiteres/e Land/Region': 'Other Country/Region',
  'Telefon Assistent': "Assistant's Phone", 'Fax geschäftlich': 'Business Fax', 'Telefon geschäftlich': 'Business Phone',
  'Telefon geschäftlich 2': 'Business Phone 2', Rückmeldung: 'Callback', Autotelefon: 'Car Phone', 'Telefon Firma': 'Company Main Phone',
  'Fax privat': 'Home Fax', 'Telefon (privat)': 'Home Phone', 'Telefon (privat 2)': 'Home Phone 2', ISDN: 'ISDN', Mobiltelefon: 'Mobile Phone',
  'Weiteres Fax': 'Other Fax', 'Weiteres Telefon': 'Other Phone', Pager: 'Pager', Haupttelefon: 'Primary Phone', 'Mobiltelefon 2': 'Radio Phone',
  'Telefon für Hörbehinderte': 'TTY/TDD Phone', Telex: 'Telex', Abrechnungsinformation: 'Billing Information', 'Assistent(in)': "Assistant's Name",
  'Benutzer 1': 'User 1', 'Benutzer 2': 'User 2', 'Benutzer 3': 'User 3', 'Benutzer 4': 'User 4', Beruf: 'Profession', Büro: 'Office Location',
  'E-Mail-Adresse': 'E-mail Address', 'E-Mail-Typ': 'E-mail Type', 'E-Mail: Angezeigter Name': 'E-mail Display Name',
  'E-Mail 2: Adresse': 'E-mail 2 Address', 'E-Mail 2: Typ': 'E-mail 2 Type', 'E-Mail 2: Angezeigter Name': 'E-mail 2 Display Name',
  'E-Mail 3: Adresse': 'E-mail 3 Address', 'E-Mail 3: Typ': 'E-mail 3 Type', 'E-Mail 3: Angezeigter Name': 'E-mail 3 Display Name',
  'Empfohlen von': 'Referred By', Geburtstag: 'Birthday', Geschlecht: 'Gender', Hobby: 'Hobby', Initialen: 'Initials',
  'Internet Frei/Gebucht': 'Internet Free Busy', Jahrestag: 'Anniversary', Kategorien: 'Categories', Kinder: 'Children', Konto: 'Account',
  'Name des/r Vorgesetzten': "Manager's Name", Notizen: 'Notes', 'Organisationsnr.': 'Organizational ID Number', Ort: 'Location',
  Partner: 'Spouse', 'Postfach geschäftlich': 'Business Address PO Box', 'Postfach privat': 'Home Address PO Box', Priorität: 'Priority',
  Privat: 'Private', Reisekilometer: 'Mileage', 'Sozialversicherungsnr.': 'Government ID Number', Sprache: 'Language', Stichwörter: 'Keywords',
  Vertraulichkeit: 'Sensitivity', Verzeichnisserver: 'Directory Server', Webseite: 'Web Page', 'Weiteres Postfach': 'Other Address PO Box',
};

/** Columns (lower case) with no contact field: their values are kept in notes under the label given here. */
export const NOTE_COLUMNS: Record<string, string> = {
  nickname: 'Nickname', anrede: 'Salutation', salutation: 'Salutation', greeting: 'Salutation', customernumber: 'Customer number', 'screen name': 'Screen name', 'short name': 'Short name', 'maiden name': 'Maiden name', initials: '',
  'name prefix': 'Name prefix', prefix: 'Name prefix', 'name suffix': 'Name suffix', suffix: 'Name suffix',
  department: 'Department', 'organization department': 'Department', 'organization 1 - department': 'Department',
  'organization 1 - job description': 'Job description', 'organization 1 - location': 'Office', 'office location': 'Office',
  profession: 'Profession', occupation: 'Occupation', "assistant's name": 'Assistant', "manager's name": 'Manager', spouse: 'Spouse',
  children: 'Children', anniversary: 'Anniversary', gender: 'Gender', hobby: 'Hobby', location: 'Location', account: 'Account',
  'billing information': 'Billing information', 'referred by': 'Referred by', mileage: 'Mileage', keywords: 'Keywords', language: 'Language',
  'government id number': 'Government ID', 'organizational id number': 'Organizational ID', 'directory server': 'Directory server',
  'internet free busy': 'Free/busy', 'user 1': 'User 1', 'user 2': 'User 2', 'user 3': 'User 3', 'user 4': 'User 4',
  'custom 1': 'Custom 1', 'custom 2': 'Custom 2', 'custom 3': 'Custom 3', 'custom 4': 'Custom 4', 'connected on': 'Connected on',
  'given yomi': 'Given name (phonetic)', 'surname yomi': 'Surname (phonetic)', 'company yomi': 'Company (phonetic)', imaddress: 'IM',
  'messenger id': 'IM', schools: 'Schools',
  'phonetic first name': '', 'phonetic middle name': '', 'phonetic last name': '', 'file as': '',
};

/** Values Outlook writes into every row when a field is unset: not worth a line in notes. */
export const NOISE_VALUES = new Set(['normal', 'false', 'unspecified', '0/0/00', '0.0.00', '00.00.0000', 'smtp', 'ex', 'keine angabe']);

/** Phone columns of Thunderbird, Yahoo, Apple-style and groupware exports, and the label each implies. */
export const OTHER_PHONES: Record<string, string> = {
  'work phone': 'Work', 'home phone': 'Home', 'fax number': 'Fax', 'pager number': 'Pager', 'mobile number': 'Mobile',
  'home mobile': 'Mobile', 'phone video': 'Video', 'mobile phone': 'Mobile', 'iphone': 'iPhone', 'main phone': 'Main',
  home: 'Home', work: 'Work', fax: 'Fax', pager: 'Pager', 'yahoo phone': 'Yahoo', primary: 'Main', other: 'Other', cell: 'Mobile',
  'phone (mobile)': 'Mobile', 'phone (home)': 'Home', 'phone (work)': 'Work', 'phone : mobile': 'Mobile', 'phone : home': 'Home', 'phone : work': 'Work',
  tel_work: 'Work', tel_cell: 'Mobile', tel_home: 'Home', tel_fax: 'Work fax', tel_fax_home: 'Home fax', telefon: 'Phone', telefonzentrale: 'Main', telefondurchwahl: 'Direct',
};

/** Email columns (lower case) of the same programs, with the label each implies ('' = none). */
export const OTHER_EMAILS: Record<string, string> = {
  'primary email': '', 'secondary email': '', 'email home': 'Home', 'email work': 'Work', 'email other': 'Other',
  'alternate email 1': '', 'alternate email 2': '', 'home email': 'Home', 'work email': 'Work', 'other email': 'Other',
  'email (home)': 'Home', 'email (work)': 'Work', 'email : home': 'Home', 'email : work': 'Work', email_home: 'Home', 'e-mail-adresse': '',
};
