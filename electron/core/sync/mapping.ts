// What the sync engine needs from each kind of record it carries (issue #24): contacts as vCards, appointments as
// VEVENTs, follow-ups as VTODOs. The engine never reads a vCard or iCalendar itself: it asks the record's mapper to
// render, apply and split texts, and does the three-way merge on the fields those splits give (merge3.ts).
import type { SyncRecordKind } from '../../../shared/domain/sync';
import type { ServiceDeps } from '../deps';

/**
 * An item's text split into fields for the three-way merge: key -> that field's content lines, unfolded, in the
 * item's order ("TEL" -> ["TEL;TYPE=CELL:07700 900123", "TEL;TYPE=WORK:020 7946 0000"]). A field is what changes
 * together: two sides changing different fields both win; the same field changed differently is a clash.
 */
export type Fields = Map<string, string[]>;

export interface FieldFormat {
  /** The fields of one item's text (vCard: the VCARD's properties; iCalendar: the main component's, see the mapper). */
  split(text: string): Fields;
  /**
   * The item's text from fields. `frame` is the text whose frame (BEGIN/END, VERSION, UID, PRODID, VTIMEZONEs that the
   * fields' TZIDs need) is kept; lines are folded at 75 octets, CRLF line ends.
   */
  join(fields: Fields, frame: string): string;
  /** Whether Rapport maps this field (an unowned one, from a phone, is kept from the server's text unchanged). */
  owns(key: string): boolean;
  /** Equal for the merge, ignoring what does not change the meaning (parameter order and case, TEL punctuation...). */
  same(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean;
  /** The field's name for a person ("Phone numbers", "Start"), and its lines as a person reads them. */
  label(key: string): string;
  show(lines: readonly string[] | undefined): string | null;
}

/** A local record as the engine lists it: its id, and the UID it has (or would have) on the server. */
export interface LocalRecord {
  id: string;
  uid: string;
}

export interface RecordMapper {
  kind: SyncRecordKind;
  format: FieldFormat;
  /** Whether a server item's text is this kind (a calendar item with a VTODO is a follow-up, with a VEVENT an appointment). */
  accepts(text: string): boolean;
  /** The UID in the text; null when it has none (the engine then gives it one from its href and writes it back). */
  uidOf(text: string): string | null;
  /** The live local records this kind syncs (not in Trash; an appointment's moved occurrences ride with their series). */
  listLocal(): Promise<LocalRecord[]>;
  /** Live (not in Trash) records among these ids. */
  live(ids: readonly string[]): Promise<Set<string>>;
  /**
   * The records as texts with Rapport's fields only, `uid` as their UID: the same record always gives the same text
   * (no DTSTAMP or REV that change by themselves), so a changed text means the record changed here. Missing ids are
   * left out. `version` is the vCard version the server prefers (ignored by calendar mappers).
   */
  render(records: readonly LocalRecord[], options: { version: '3.0' | '4.0' }): Promise<Map<string, string>>;
  /**
   * Writes the text's owned fields into the record (a new record when id is null, or a record in Trash, which is
   * restored) and returns its id. Throws an AppError VALIDATION in the app's words, naming the field, when the text
   * cannot be a record (the engine keeps the item and shows the problem; nothing is dropped).
   */
  apply(text: string, id: string | null): Promise<string>;
  /** Moves the record to Trash (deleted on the server); undoable from the Trash like any deletion. */
  trash(id: string): Promise<void>;
  /** A name to recognise the record by on a conflict card: the contact's name, the appointment's title. */
  title(text: string): string;
}

export type MapperFactory = (deps: ServiceDeps) => RecordMapper;
