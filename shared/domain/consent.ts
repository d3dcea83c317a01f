// Consent per purpose with its evidence (issue #21): purposes the user names, an append-only ledger of what each
// person gave or withdrew, and the state derived from it (the latest event per purpose; nothing else). The old
// "email opt-in" flag is the first purpose, "Newsletter". Imports zod only.
import { z } from 'zod';
import { Id, optionalText, text } from './fields';

/** How a purpose reaches people: a campaign sends only on a purpose whose channel is email. */
export const ConsentChannel = z.enum(['email', 'phone', 'post', 'any']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/** The lawful basis (UK/EU GDPR Art. 6(1)). */
export const LawfulBasis = z.enum(['consent', 'contract', 'legalObligation', 'legitimateInterest', 'vitalInterest', 'publicTask']);
export type LawfulBasis = z.infer<typeof LawfulBasis>;

/** How the consent reached Rapport; 'unsubscribe' is a filed reply carrying a campaign's token, 'migration' the old flag. */
export const ConsentSource = z.enum(['form', 'call', 'email', 'inPerson', 'paper', 'import', 'bulkEdit', 'unsubscribe', 'migration']);
export type ConsentSource = z.infer<typeof ConsentSource>;

export const ConsentAction = z.enum(['given', 'withdrawn']);
export type ConsentAction = z.infer<typeof ConsentAction>;

const Name = text().trim().min(1, { message: 'Enter a name' }).max(60, { message: 'Must be at most 60 characters' });

export const Purpose = z.object({
  id: z.string(),
  /** Stable key: 'newsletter' for the purpose the old opt-in flag became. */
  key: z.string(),
  name: z.string(),
  channel: ConsentChannel,
  description: z.string().nullable(),
  /** The basis a new record on this purpose starts with. */
  defaultBasis: LawfulBasis,
  archived: z.boolean(),
  position: z.number().int(),
});
export type Purpose = z.infer<typeof Purpose>;

export const PurposeList = z.object({ items: z.array(Purpose) });

/** The whole list as the settings page edits it: an item without id is new; one left out is archived (its history stays). */
export const PurposesUpdateInput = z.strictObject({
  purposes: z
    .array(
      z.strictObject({
        id: Id.optional(),
        name: Name,
        channel: ConsentChannel,
        description: optionalText(500),
        defaultBasis: LawfulBasis.default('consent'),
      }),
    )
    .min(1, { message: 'Keep at least one purpose' })
    .max(30, { message: 'At most 30 purposes' }),
});

export const ConsentRecordInput = z.strictObject({
  contactId: Id,
  purposeId: Id,
  action: ConsentAction,
  basis: LawfulBasis.default('consent'),
  source: ConsentSource.exclude(['migration', 'unsubscribe', 'import', 'bulkEdit']),
  /** The words they agreed to (or the wording of the form), kept as evidence. */
  wording: optionalText(2000),
  /** Where the evidence is: "signed form in the job folder", a Message-ID. */
  evidence: optionalText(500),
  /** When they said so (default: now); never in the future. */
  capturedAt: z.iso.datetime({ offset: true, message: 'Enter a date and time' }).optional(),
});

export const ConsentEvent = z.object({
  id: z.string(),
  contactId: z.string(),
  purposeId: z.string(),
  action: ConsentAction,
  basis: LawfulBasis,
  source: ConsentSource,
  wording: z.string().nullable(),
  evidence: z.string().nullable(),
  capturedAt: z.string(),
  recordedAt: z.string(),
});
export type ConsentEvent = z.infer<typeof ConsentEvent>;

/** A purpose's current state for one person: 'none' when the ledger holds nothing for it. */
export const ConsentState = z.object({
  purposeId: z.string(),
  status: z.enum(['given', 'withdrawn', 'none']),
  basis: LawfulBasis.nullable(),
  since: z.string().nullable(),
  source: ConsentSource.nullable(),
});
export type ConsentState = z.infer<typeof ConsentState>;

export const ConsentHistoryInput = z.strictObject({ contactId: Id });
/** Every purpose's state (archived purposes only when they have events), and the ledger newest first. */
export const ConsentHistory = z.object({ states: z.array(ConsentState), events: z.array(ConsentEvent) });

/** The purpose the old "email opt-in" flag became (migration 0022): contacts.email_opt_in mirrors its state. */
export const NEWSLETTER_PURPOSE_KEY = 'newsletter';
