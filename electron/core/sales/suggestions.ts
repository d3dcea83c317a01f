// What to offer whom (issue #23), worked out from db/sales.repo.ts's one read of who bought what on accepted quotes:
// - pairs: "clients who bought X usually also bought Y", share = clients with both / clients with X, kept when at
//   least minClients bought both, best share first (then the larger count), with the clients who bought X but never Y;
// - repeats: a recurring product (weekly, monthly, quarterly, yearly) whose next time — the client's last accepted
//   purchase plus the period — falls within dueWithinDays of today, or has passed.
// Counting happens here over that (client, product) set rather than in a pair self-join in SQL: the set is small
// (clients × products they bought) and the offer-to lists need it in memory anyway.
import { addDays, addMonths, addWeeks, addYears, format, parseISO } from 'date-fns';
import type { Suggestions, SuggestionsInput } from '../../../shared/domain/sales';
import { readPurchases, type PurchaseRow } from '../../db/sales.repo';
import type { ServiceDeps } from '../deps';

type Pair = Suggestions['pairs'][number];
type Repeat = Suggestions['repeats'][number];

/** How many clients an offer-to list names; offerToTotal says how many there are. */
export const OFFER_TO_SHOWN = 20;
/** Repeats are few per day for a sole trader; this bounds the answer if a catalogue item is very popular. */
export const MAX_REPEATS = 500;

const PERIODS: Record<string, (day: Date) => Date> = {
  weekly: (d) => addWeeks(d, 1),
  monthly: (d) => addMonths(d, 1),
  quarterly: (d) => addMonths(d, 3),
  yearly: (d) => addYears(d, 1),
};

/** A calendar day plus whole weeks, months or years, done on local midnights so a month's end clamps (31 Jan → 28 Feb). */
function shiftDay(day: string, shift: (d: Date) => Date): string {
  return format(shift(parseISO(day)), 'yyyy-MM-dd');
}

export function createSuggestions(deps: ServiceDeps) {
  return async function suggestions(input: SuggestionsInput): Promise<Suggestions> {
    const rows = await readPurchases(deps.db);
    // The store keeps days as UTC days (day-words.ts); "today" is the same.
    const today = deps.clock.now().toISOString().slice(0, 10);
    return { pairs: pairsOf(rows, input), repeats: repeatsOf(rows, input, today) };
  };
}

export function pairsOf(rows: readonly PurchaseRow[], input: SuggestionsInput): Pair[] {
  const buyers = new Map<string, { name: string; clients: Set<string> }>();
  const names = new Map<string, string>();
  const basket = new Map<string, string[]>();
  for (const r of rows) {
    const product = buyers.get(r.product_id) ?? { name: r.product_name, clients: new Set<string>() };
    product.clients.add(r.contact_id);
    buyers.set(r.product_id, product);
    names.set(r.contact_id, r.contact_name);
    basket.set(r.contact_id, [...(basket.get(r.contact_id) ?? []), r.product_id]);
  }
  const both = new Map<string, number>();
  for (const products of basket.values()) {
    for (const x of products) {
      if (input.productId && x !== input.productId) continue;
      for (const y of products) if (x !== y) both.set(`${x} ${y}`, (both.get(`${x} ${y}`) ?? 0) + 1);
    }
  }
  const pairs: Pair[] = [];
  for (const [key, count] of both) {
    if (count < input.minClients) continue;
    const [x, y] = key.split(' ') as [string, string];
    const bought = buyers.get(x)!;
    const also = buyers.get(y)!;
    if (input.contactId && (!bought.clients.has(input.contactId) || also.clients.has(input.contactId))) continue;
    // Rows come sorted by client name, so the set's order is already the list's.
    const offerTo = [...bought.clients].filter((c) => !also.clients.has(c)).map((contactId) => ({ contactId, name: names.get(contactId) ?? '' }));
    pairs.push({
      productId: x,
      productName: bought.name,
      alsoProductId: y,
      alsoProductName: also.name,
      bothClients: count,
      boughtClients: bought.clients.size,
      shareMilli: Math.round((count * 1000) / bought.clients.size),
      offerTo: offerTo.slice(0, OFFER_TO_SHOWN),
      offerToTotal: offerTo.length,
    });
  }
  const byName = (a: Pair, b: Pair) => a.productName.localeCompare(b.productName) || a.alsoProductName.localeCompare(b.alsoProductName);
  pairs.sort((a, b) => b.shareMilli - a.shareMilli || b.bothClients - a.bothClients || byName(a, b));
  return pairs.slice(0, input.limit);
}

export function repeatsOf(rows: readonly PurchaseRow[], input: SuggestionsInput, today: string): Repeat[] {
  const horizon = shiftDay(today, (d) => addDays(d, input.dueWithinDays));
  const repeats: Repeat[] = [];
  for (const r of rows) {
    const period = PERIODS[r.recurrence];
    if (!period) continue;
    if (input.contactId && r.contact_id !== input.contactId) continue;
    if (input.productId && r.product_id !== input.productId) continue;
    const lastBoughtOn = r.last_accepted_at.slice(0, 10);
    const dueOn = shiftDay(lastBoughtOn, period);
    if (dueOn > horizon) continue;
    repeats.push({ contactId: r.contact_id, name: r.contact_name, productId: r.product_id, productName: r.product_name, lastBoughtOn, dueOn, overdue: dueOn < today });
  }
  repeats.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name) || a.productName.localeCompare(b.productName));
  return repeats.slice(0, MAX_REPEATS);
}
