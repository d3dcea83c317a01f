// vCards as fields for the sync merge (issue #24): what the engine relies on from vcardFormat — split/join round
// trip, Apple's grouped labels kept with their value, the frame, folding, and a same() that ignores what does not
// change a contact (reorder, parameter case, TEL punctuation) but sees a changed number.
import { readFileSync, readdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vcardFormat as f } from '../../electron/core/sync/vcard-format';

const REAL = joinPath(__dirname, '../fixtures/real/vcard');
const real = (name: string) => readFileSync(joinPath(REAL, name), 'utf8');

const APPLE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 17.1//EN',
  'N:Okafor;Ada;;;',
  'FN:Ada Okafor',
  'item1.TEL;type=pref:07700 900123',
  'item1.X-ABLabel:_$!<Mobile>!$_',
  'TEL;type=WORK;type=VOICE:020 7946 0000',
  'item2.X-ABRELATEDNAMES:Ben',
  'item2.X-ABLabel:_$!<Spouse>!$_',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/',
  'REV:2026-11-01T10:00:00Z',
  'UID:ada-1',
  'END:VCARD',
  '',
].join('\r\n');

describe('vcardFormat.split', () => {
  it('gives one field per property, keeps Apple groups with their main property and leaves the frame out', () => {
    const fields = f.split(APPLE);
    expect([...fields.keys()]).toEqual(['N', 'TEL', 'X-ABRELATEDNAMES', 'PHOTO']);
    expect(fields.get('N')).toEqual(['N:Okafor;Ada;;;', 'FN:Ada Okafor']);
    expect(fields.get('TEL')).toEqual(['item1.TEL;type=pref:07700 900123', 'item1.X-ABLabel:_$!<Mobile>!$_', 'TEL;type=WORK;type=VOICE:020 7946 0000']);
    expect(fields.get('X-ABRELATEDNAMES')).toEqual(['item2.X-ABRELATEDNAMES:Ben', 'item2.X-ABLabel:_$!<Spouse>!$_']);
    expect(fields.get('PHOTO')![0]).toMatch(/^PHOTO;ENCODING=b;TYPE=JPEG:\/9j\/.*QEBD\/$/); // unfolded, whole
  });

  it('says which fields Rapport maps: a phone\'s photo, nickname and related names are kept from its text', () => {
    for (const key of ['N', 'EMAIL', 'TEL', 'ADR', 'ORG', 'TITLE', 'BDAY', 'NOTE', 'URL', 'CATEGORIES', 'X-RAPPORT-KIND', 'X-RAPPORT-GATECODE']) expect(f.owns(key), key).toBe(true);
    for (const key of ['PHOTO', 'IMPP', 'X-ABRELATEDNAMES', 'ANNIVERSARY', 'NICKNAME', 'X-SOCIALPROFILE', 'GEO']) expect(f.owns(key), key).toBe(false);
  });
});

describe('vcardFormat.join', () => {
  it('frames the fields with the frame\'s VERSION, UID and PRODID, folds at 75 octets and ends lines with CRLF', () => {
    const fields = f.split(APPLE);
    const text = f.join(fields, APPLE);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['BEGIN:VCARD', 'VERSION:3.0', 'UID:ada-1', 'PRODID:-//Apple Inc.//iPhone OS 17.1//EN']);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text).not.toContain('REV:');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(f.split(text)).toEqual(fields);
  });

  it('writes VERSION:4.0 when the frame has none, and never splits a UTF-8 character when folding', () => {
    const note = `NOTE:${'Grüße aus München, '.repeat(8)}`;
    const text = f.join(new Map([['NOTE', [note]]]), 'BEGIN:VCARD\r\nEND:VCARD\r\n');
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:')).toBe(true);
    expect(f.split(text).get('NOTE')).toEqual([note]);
  });

  it('renumbers a group two texts both use, so each label stays with its own value', () => {
    const mine = f.split('BEGIN:VCARD\r\nitem1.EMAIL:ada@example.com\r\nitem1.X-ABLabel:Invoices\r\nEND:VCARD\r\n');
    const phone = f.split('BEGIN:VCARD\r\nitem1.X-ABRELATEDNAMES:Ben\r\nitem1.X-ABLabel:_$!<Spouse>!$_\r\nEND:VCARD\r\n');
    const joined = f.split(f.join(new Map([...mine, ...phone]), APPLE));
    expect(joined.get('EMAIL')).toEqual(['item1.EMAIL:ada@example.com', 'item1.X-ABLabel:Invoices']);
    expect(joined.get('X-ABRELATEDNAMES')).toEqual(['item2.X-ABRELATEDNAMES:Ben', 'item2.X-ABLabel:_$!<Spouse>!$_']);
  });

  it('keeps every real card\'s fields through split and join (2.1 quoted-printable soft breaks too)', () => {
    let checked = 0;
    for (const name of readdirSync(REAL)) {
      const text = real(name);
      const fields = f.split(text);
      const again = f.split(f.join(fields, text));
      expect([...again.keys()], name).toEqual([...fields.keys()]);
      for (const [key, lines] of fields) expect(f.same(again.get(key), lines), `${name} ${key}`).toBe(true);
      expect(again, name).toEqual(fields);
      checked++;
    }
    expect(checked).toBe(readdirSync(REAL).length);
  });
});

describe('vcardFormat.same', () => {
  it('ignores line order, parameter order and case, TYPE order and phone punctuation', () => {
    const a = ['TEL;TYPE=CELL:07700 900123', 'TEL;TYPE=WORK,VOICE:020 7946 0000'];
    expect(f.same(a, ['tel;type=voice,work:(020) 7946-0000', 'TEL;type=cell:07700900123'])).toBe(true);
    expect(f.same(['EMAIL;TYPE=HOME;PREF=1:ada@example.com'], ['EMAIL;PREF=1;type=home:ADA@example.com'])).toBe(true);
    expect(f.same(['X-SOCIALPROFILE;TYPE=twitter;X-USER=ada:x'], ['x-socialprofile;x-user=ada;type=TWITTER:x'])).toBe(true);
    expect(f.same(undefined, [])).toBe(true);
  });

  it('sees a changed number, label, address or photo', () => {
    expect(f.same(['TEL;TYPE=CELL:07700 900123'], ['TEL;TYPE=CELL:07700 900124'])).toBe(false);
    expect(f.same(['TEL;TYPE=CELL:07700 900123'], ['TEL;TYPE=HOME:07700 900123'])).toBe(false);
    expect(f.same(['ADR:;;1 High St;Leeds;;LS1 1AA;UK'], ['ADR:;;2 High St;Leeds;;LS1 1AA;UK'])).toBe(false);
    expect(f.same(['PHOTO;ENCODING=b:AAAA'], ['PHOTO;ENCODING=b:AAAB'])).toBe(false);
    expect(f.same(['NOTE:Gate code 1234'], undefined)).toBe(false);
  });

  it('compares an owned field by what Rapport keeps of it: a name prefix or PREF alone is no change for the merge', () => {
    expect(f.same(['N:Doe;John;;Mr.;', 'FN:Mr. John Doe'], ['N:Doe;John;;;', 'FN:John Doe'])).toBe(true);
    expect(f.same(['N:Doe;John;;;', 'FN:John Doe'], ['N:Doe;Jon;;;', 'FN:Jon Doe'])).toBe(false);
    expect(f.same(['item1.EMAIL:a@example.com', 'item1.X-ABLabel:_$!<Other>!$_'], ['EMAIL;TYPE=other:a@example.com'])).toBe(true);
  });
});

describe('vcardFormat.label and show', () => {
  it('names fields and shows their values as a person reads them', () => {
    expect(['TEL', 'EMAIL', 'N', 'ADR', 'ORG', 'TITLE', 'BDAY', 'NOTE', 'URL', 'CATEGORIES'].map(f.label)).toEqual([
      'Phone numbers', 'Email addresses', 'Name', 'Address', 'Company', 'Job title', 'Birthday', 'Notes', 'Website', 'Tags',
    ]);
    expect(f.label('X-RAPPORT-GATECODE')).toBe('gatecode');
    const fields = f.split(APPLE);
    expect(f.show(fields.get('TEL'))).toBe('07700 900123 (mobile), 020 7946 0000 (work)');
    expect(f.show(fields.get('N'))).toBe('Ada Okafor');
    expect(f.show(['ADR;TYPE=HOME:;;1 High St;Leeds;;LS1 1AA;UK'])).toBe('1 High St, Leeds, LS1 1AA, UK (home)');
    expect(f.show(fields.get('PHOTO'))).toBe('a photo');
    expect(f.show(undefined)).toBeNull();
  });
});
