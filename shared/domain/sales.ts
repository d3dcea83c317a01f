// What to offer whom (issue #23, cross-selling and up-selling): from accepted quotes only, "clients who bought X
// usually also bought Y", the clients who bought X but never Y, and clients due for a repeat of a recurring item.
// Imports zod and shared/ only.
import { z } from 'zod';
import { Id } from './fields';

export const SuggestionsInput = z.strictObject({
  /** Pairs for this product only; all products when omitted. */
  productId: Id.optional(),
  /** One client's suggestions (their contact page): pairs where they bought X but not Y, and their repeats. */
  contactId: Id.optional(),
  /** A pair counts when at least this many clients bought both. */
  minClients: z.number().int().min(1).max(1000).default(2),
  /** Clients whose repeat falls due within this many days (or is overdue). */
  dueWithinDays: z.number().int().min(0).max(366).default(30),
  limit: z.number().int().min(1).max(200).default(20),
});
export type SuggestionsInput = z.infer<typeof SuggestionsInput>;

const ClientRef = z.object({ contactId: z.string(), name: z.string() });

export const Suggestions = z.object({
  /** "Clients who bought X usually also bought Y": share = clients who bought both / clients who bought X. */
  pairs: z.array(
    z.object({
      productId: z.string(),
      productName: z.string(),
      alsoProductId: z.string(),
      alsoProductName: z.string(),
      bothClients: z.number().int(),
      boughtClients: z.number().int(),
      /** Thousandths: 750 = 75 % of the clients who bought X also bought Y. */
      shareMilli: z.number().int(),
      /** Clients who bought X but never Y: whom to offer Y. */
      offerTo: z.array(ClientRef),
      offerToTotal: z.number().int(),
    }),
  ),
  /** A recurring item (a yearly boiler service) whose next time is due: the last accepted purchase plus its period. */
  repeats: z.array(
    ClientRef.extend({
      productId: z.string(),
      productName: z.string(),
      lastBoughtOn: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type Suggestions = z.infer<typeof Suggestions>;
