// Splits an address written as one block of text (Outlook's "Home Address" cell, Google's "Formatted") into
// street, city, region, postcode and country, as far as the text's shape allows; whatever is not recognised
// stays in the street, so nothing is ever dropped. Pure; no `electron` import.
import type { Address } from '../../../shared/domain/fields';

const US_LOCALITY = /^(.+?),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/; // Springfield, IL 62704
const CA_LOCALITY = /^(.+?),?\s+([A-Z]{2})\s+([A-Z]\d[A-Z]\s?\d[A-Z]\d)$/i; // Toronto ON M5V 2T6
const POSTCODE_FIRST = /^((?:[A-Z]{1,2}-)?\d{4,5})\s+(.+)$/; // 20457 Hamburg, D-20457 Hamburg, 1010 Wien
const POSTCODE_LAST = /^(.+?),?\s+(\d{4,6})$/; // Paris 75001, Madrid 28013
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;
const UK_LOCALITY = /^(.+?),?\s+([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$/i; // London SW1A 1AA

export function splitAddressText(text: string): Omit<Address, 'label'> {
  let lines = text.split(/\r\n|\n|\r/).map((l) => l.trim()).filter(Boolean);
  // One line with commas ("1 Main St, Springfield, IL 62704, USA") reads like several.
  if (lines.length === 1 && lines[0]!.includes(',')) lines = lines[0]!.split(/\s*,\s*/).filter(Boolean);
  if (lines.length === 0) return {};
  const out: Omit<Address, 'label'> = {};
  // A locality line: the last line (or the one before a country) that holds a postcode.
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 3); i--) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    const found =
      ((m = US_LOCALITY.exec(line)) && { city: m[1]!, region: m[2]!, postcode: m[3]! }) ||
      ((m = CA_LOCALITY.exec(line)) && { city: m[1]!, region: m[2]!, postcode: m[3]! }) ||
      ((m = UK_LOCALITY.exec(line)) && { city: m[1]!, postcode: m[2]! }) ||
      ((m = POSTCODE_FIRST.exec(line)) && { postcode: m[1]!, city: m[2]! }) ||
      ((m = POSTCODE_LAST.exec(line)) && { city: m[1]!, postcode: m[2]! }) ||
      (UK_POSTCODE.test(line) && i >= 2 && { city: lines[i - 1]!, postcode: line });
    if (!found) continue;
    const after = lines.slice(i + 1);
    // Only a country may follow the locality: anything else means the guess is wrong.
    if (after.length > 1 || after.some((l) => /\d/.test(l))) continue;
    const streetEnd = 'region' in found || !UK_POSTCODE.test(line) || found.city !== lines[i - 1] ? i : i - 1;
    Object.assign(out, found);
    if (after[0]) out.country = after[0];
    const street = lines.slice(0, streetEnd).join('\n');
    if (street) out.street = street;
    return out;
  }
  // No postcode found: a "City" line in the middle of three or more lines is a guess too far; keep it whole.
  out.street = lines.join('\n');
  return out;
}
