// Mail merge and body formatting, pure functions. `{{firstName}}` takes the recipient's value;
// `{{firstName|there}}` falls back to "there" when the recipient has none; `{{custom.gateCode}}` takes the value of
// the contact's own field, as text. An unknown field, or a missing value without a fallback, is an error naming the
// field, never an email that says "Dear ,".
import type { Contact } from '../../../shared/domain/contact';
import type { CustomValues, FieldDefinition } from '../../../shared/domain/custom-fields';
import type { Job } from '../../../shared/domain/job';
import { MERGE_FIELDS, customMergeField, customMergeKey, type MergeField } from '../../../shared/domain/merge-fields';
import { formatMoney } from '../../../shared/domain/money';
import { valueAsText } from '../fields/convert';

export { MERGE_FIELDS, type MergeField };
/** A reply from a support case (issue #22) also knows its case; anywhere else these have no value. */
export const CASE_MERGE_FIELDS = ['case.number', 'case.subject', 'case.status', 'case.type', 'case.priority'] as const;
export type CaseMergeField = (typeof CASE_MERGE_FIELDS)[number];
/** A quote or invoice being sent (issue #23) knows its own; anywhere else these have no value. */
export const SALE_MERGE_FIELDS = ['quote.number', 'quote.title', 'quote.total', 'quote.validUntil', 'invoice.number', 'invoice.title', 'invoice.total', 'invoice.dueDate', 'invoice.balance'] as const;
export type SaleMergeField = (typeof SALE_MERGE_FIELDS)[number];
const KNOWN: ReadonlySet<string> = new Set([...MERGE_FIELDS, ...CASE_MERGE_FIELDS, ...SALE_MERGE_FIELDS]);

// A letter first, then letters, digits and dots: custom keys may hold digits ("vatNumber2"); "{{123}}" stays text.
const FIELD = /\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*(?:\|([^{}]*))?\}\}/g;

/** Built-in fields by name, and `custom.<key>` for every custom field the recipient's record type has. */
export type MergeValues = Partial<Record<MergeField | CaseMergeField | SaleMergeField, string | null>> & { [custom: `custom.${string}`]: string | null };

/** The contact's custom fields (definitions) and this recipient's values of them. */
export interface CustomMergeValues {
  definitions: readonly Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options' | 'currency' | 'required'>[];
  values: CustomValues;
}

export class MergeError extends Error {
  constructor(
    readonly field: string,
    readonly kind: 'unknown' | 'missing',
    message: string,
  ) {
    super(message);
  }
}

/** The merge fields a text uses, in order of first use. */
export function fieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1]!))];
}

/** Unknown fields in a text (checked when a template is saved): `customKeys` are the contact custom fields' keys. */
export function unknownFields(text: string, customKeys: ReadonlySet<string> = new Set()): string[] {
  return fieldsIn(text).filter((f) => !KNOWN.has(f) && !customKeys.has(customMergeKey(f) ?? ''));
}

/** Whether a text uses any custom field (only then are custom definitions and values read). */
export function usesCustomFields(text: string): boolean {
  return fieldsIn(text).some((f) => customMergeKey(f) !== null);
}

export function hasMergeFields(text: string): boolean {
  return fieldsIn(text).length > 0;
}

export function valuesFor(
  contact: Pick<Contact, 'firstName' | 'lastName' | 'displayName' | 'emails' | 'companyName' | 'jobTitle'> | null,
  job: Job | null,
  custom?: CustomMergeValues,
): MergeValues {
  // In the currency's own minor units (5000 JPY is ¥5,000, 1500 BHD is BHD 1.500), in one fixed locale so a
  // message reads the same whichever machine merged it; 'en' writes ¥ and $ where en-GB writes JP¥ and US$.
  const money = job && job.amountMinor !== null ? formatMoney(job.amountMinor, job.currency, 'en') : null;
  const values: MergeValues = {
    firstName: contact?.firstName ?? null,
    lastName: contact?.lastName ?? null,
    name: contact?.displayName ?? null,
    email: contact?.emails[0]?.value ?? null,
    company: contact?.companyName ?? null,
    jobTitle: contact?.jobTitle ?? null,
    'job.title': job?.title ?? null,
    'job.amount': money,
    'job.stage': job?.stageName ?? null,
    'job.dueDate': job?.dueDate ?? null,
  };
  // Every field gets an entry (null without a value), so a key the contact type lacks is "unknown", not "missing".
  for (const def of custom?.definitions ?? []) {
    const value = contact ? custom?.values[def.key] : undefined;
    values[customMergeField(def.key) as `custom.${string}`] = value === undefined || value === null ? null : valueAsText(def, value);
  }
  return values;
}

/** Fills the fields in; `who` names the recipient in the error ("Ann Smith has no company"). */
export function render(text: string, values: MergeValues, who: string): string {
  return text.replace(FIELD, (_whole, field: string, fallback: string | undefined) => {
    if (!KNOWN.has(field) && !(customMergeKey(field) !== null && Object.hasOwn(values, field))) {
      const known = [...MERGE_FIELDS, ...Object.keys(values).filter((f) => customMergeKey(f) !== null)];
      throw new MergeError(field, 'unknown', `Unknown merge field {{${field}}}; use one of ${known.map((f) => `{{${f}}}`).join(', ')}`);
    }
    const value = (values as Record<string, string | null | undefined>)[field];
    if (value !== null && value !== undefined && value.trim() !== '') return value;
    if (fallback !== undefined) return fallback.trim();
    throw new MergeError(field, 'missing', `${who} has no value for {{${field}}}: fill it in, or write {{${field}|fallback}}`);
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Inline formatting on already-escaped text: **bold**, *italic*, and http(s) and mailto links. */
function inline(escaped: string): string {
  return escaped
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<em>$2</em>')
    .replace(/\b(?:https?:\/\/|mailto:)[^\s<>"']+[^\s<>"'.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
}

/**
 * Plain text with simple formatting as safe HTML: everything is escaped first, then blank lines make
 * paragraphs, lines starting "- " make a list, **bold**, *italic* and links. No user HTML passes through.
 */
export function toHtml(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/).filter((b) => b.trim() !== '');
  const html = blocks.map((block) => {
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-*] /.test(l))) return `<ul>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*[-*] /, '')))}</li>`).join('')}</ul>`;
    return `<p>${lines.map((l) => inline(escapeHtml(l))).join('<br>')}</p>`;
  });
  return `<!doctype html><html><body style="font-family: sans-serif">${html.join('\n')}</body></html>`;
}

/** The body as sent: the signature follows the conventional "-- " separator line. */
export function withSignature(body: string, signature: string): string {
  return signature.trim() === '' ? body : `${body.replace(/\s+$/, '')}\n\n-- \n${signature.trim()}`;
}
