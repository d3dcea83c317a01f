// What a contact or company form asks duplicates.check while the user types (issue #20): only what is complete
// enough to mean something (a half-typed email or phone is left out rather than refused), nothing at all before
// there is a name, an email or a phone, and for a record being edited nothing until its identity was changed.
import type { DuplicateKind } from '../../../../shared/domain/duplicates';
import { DuplicateCheckInput } from '../../../../shared/domain/duplicates';
import { EmailEntry, Id, PhoneValue, Website } from '../../../../shared/domain/fields';
import { phoneDigits } from '../../../../shared/domain/text';
import type { DuplicateCheckRequest } from '../../api/duplicates';

/** What a form holds, loosely: the contact form's rows and the company form's single phone both fit. */
export interface CheckFields {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  emails?: readonly { value: string }[];
  phones?: readonly { value: string }[];
  phone?: string | null;
  companyId?: string | null;
  website?: string | null;
}

const words = (s: string | null | undefined, max: number) => (s ?? '').trim().replace(/\s+/g, ' ').slice(0, max);

function emails(rows: readonly { value: string }[] | undefined): { value: string }[] {
  return (rows ?? []).map((r) => ({ value: r.value.trim() })).filter((r) => EmailEntry.safeParse(r).success);
}

/** A number with fewer than 6 digits is still being typed (and could never tell one person from another). */
function phones(values: readonly (string | null | undefined)[]): { value: string }[] {
  return values
    .map((v) => (v ?? '').trim())
    .filter((v) => PhoneValue.safeParse(v).success && phoneDigits(v).replace('+', '').length >= 6)
    .map((value) => ({ value }));
}

/** The check's input, or null when there is nothing worth asking about yet. */
export function checkInput(kind: DuplicateKind, fields: CheckFields, id?: string): DuplicateCheckRequest | null {
  const website = Website.safeParse(fields.website ?? '').success ? words(fields.website, 2048) : '';
  const request: DuplicateCheckRequest =
    kind === 'contact'
      ? (() => {
          const firstName = words(fields.firstName, 100);
          const lastName = words(fields.lastName, 100);
          return {
            kind,
            fields: {
              ...(firstName ? { firstName } : {}),
              ...(lastName ? { lastName } : {}),
              ...(emails(fields.emails).length ? { emails: emails(fields.emails) } : {}),
              ...(phones((fields.phones ?? []).map((p) => p.value)).length ? { phones: phones((fields.phones ?? []).map((p) => p.value)) } : {}),
              ...(fields.companyId && Id.safeParse(fields.companyId).success ? { companyId: fields.companyId } : {}),
              ...(website ? { website } : {}),
            },
          };
        })()
      : (() => {
          const name = words(fields.name, 200);
          const phone = phones([fields.phone]);
          return { kind, fields: { ...(name ? { name } : {}), ...(phone.length ? { phones: phone } : {}), ...(website ? { website } : {}) } };
        })();
  const f = request.fields;
  const name = `${f.firstName ?? ''}${f.lastName ?? ''}${f.name ?? ''}`;
  // Two letters of a name, an email or a phone: less than that matches half the address book.
  if (name.length < 2 && !f.emails?.length && !f.phones?.length) return null;
  if (id && Id.safeParse(id).success) request.id = id;
  return DuplicateCheckInput.safeParse(request).success ? request : null;
}

/** Whether two inputs ask the same (an edited record is only checked once its name, emails or phones change). */
export function sameCheck(a: DuplicateCheckRequest | null, b: DuplicateCheckRequest | null): boolean {
  return JSON.stringify(a?.fields ?? null) === JSON.stringify(b?.fields ?? null);
}
