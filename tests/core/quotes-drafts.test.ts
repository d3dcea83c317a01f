// Issue #23 items 3 and 4: a quote made on a job takes the job's client and the business's defaults, is priced by
// the one totals function, changes only while a draft, is locked once sent (a change is a revision R2 that keeps
// the quoted prices), lists newest first with its derived "expired", and names the field of every bad line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { item, kitchenQuote, quoteWorld, VAT20, type QuoteWorld } from './quotes-seed';

let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld();
});
afterEach(() => w.t.destroy());

describe('quotes.create and quotes.update', () => {
  it('takes the client from the job and the defaults from the sales settings, and stores the priced totals', async () => {
    await w.t.call('quotes.settings.update', { quoteValidityDays: 14, quoteTerms: 'Half up front.', pricesIncludeTax: false });
    const q = await kitchenQuote(w);
    expect(q).toMatchObject({ status: 'draft', number: null, revision: 1, rootId: q.id, contactId: w.contactId, contactName: 'Megan Jones', jobTitle: 'Kitchen refit' });
    expect(q).toMatchObject({ currency: 'GBP', terms: 'Half up front.', validUntil: '2026-12-07', pageSize: 'A4', locale: 'en-GB', expired: false });
    expect(q.totals).toMatchObject({ netTotalMinor: 19_000, taxTotalMinor: 3_800, grandTotalMinor: 22_800 });
    expect(q.lines.map((l) => l.netMinor)).toEqual([7_000, 12_000]);
    expect(w.t.events).toContainEqual({ name: 'data.changed', payload: { entity: 'quote', action: 'created', ids: [q.id] } });

    const changed = await w.t.call('quotes.update', { id: q.id, lines: [...q.lines.map((l) => ({ ...item(l.description!, 1, 10) })), item('Tap', 1, 50)] });
    expect(changed.totals.grandTotalMinor).toBe((1_000 + 1_000 + 5_000) * 1.2);
  });

  it('names the line and the tax of a rate or a catalogue item that does not exist', async () => {
    const nope = '00000000-0000-4000-8000-000000000000';
    const bad = await w.t.fail('quotes.create', { title: 'x', jobId: w.jobId, lines: [item('ok', 1, 1), item('bad', 1, 1, { taxes: [{ taxRateId: VAT20, rateMilli: 20_000 }, { taxRateId: nope, rateMilli: 5_000 }] })] });
    expect(bad.issues?.[0]?.path).toBe('lines.1.taxes.1.taxRateId');
    const product = await w.t.fail('quotes.create', { title: 'x', jobId: w.jobId, lines: [item('bad', 1, 1, { productId: nope })] });
    expect(product.issues?.[0]?.path).toBe('lines.0.productId');
    const nobody = await w.t.fail('quotes.create', { title: 'x' });
    expect(nobody.issues?.[0]?.path).toBe('contactId');
  });

  it('locks a sent quote in words, and a revision copies it as a draft with the prices as quoted', async () => {
    const q = await kitchenQuote(w);
    const sent = await w.t.call('quotes.send', { id: q.id, markSentOnly: true });
    expect(sent.number).toBe('Q-2026-0001');
    const locked = await w.t.fail('quotes.update', { id: q.id, title: 'Cheaper' });
    expect(locked).toMatchObject({ code: 'CONFLICT', message: 'Quote Q-2026-0001 was sent and is locked: make a revision to change it' });
    expect((await w.t.fail('quotes.delete', { id: q.id })).code).toBe('CONFLICT');

    // The catalogue price rising later never changes what was quoted: the revision copies the stored lines.
    const r2 = await w.t.call('quotes.revise', { id: q.id });
    expect(r2).toMatchObject({ status: 'draft', revision: 2, rootId: q.id, number: null, title: 'Kitchen sink' });
    expect(r2.lines.map((l) => [l.description, l.unitPriceE4, l.netMinor])).toEqual(q.lines.map((l) => [l.description, l.unitPriceE4, l.netMinor]));
    expect(r2.lines.map((l) => l.id).some((id) => q.lines.some((l) => l.id === id))).toBe(false);
    expect((await w.t.fail('quotes.revise', { id: q.id })).message).toContain('revision 2 is already being drafted');

    // Deleting the revision draft leaves the sent quote as it was.
    await w.t.call('quotes.delete', { id: r2.id });
    expect(await w.t.call('quotes.get', { id: q.id })).toMatchObject({ status: 'sent', number: 'Q-2026-0001' });

    const r2again = await w.t.call('quotes.revise', { id: q.id });
    const updated = await w.t.call('quotes.update', { id: r2again.id, lines: [item('Labour', 3, 35)] });
    const resent = await w.t.call('quotes.send', { id: updated.id, markSentOnly: true });
    expect(resent.number).toBe('Q-2026-0001-R2');
    expect(await w.t.call('quotes.get', { id: q.id })).toMatchObject({ status: 'superseded' });
  });
});

describe('quotes.list', () => {
  it('lists the latest revision of each quote newest first, filters by derived status, and pages', async () => {
    const a = await kitchenQuote(w, { title: 'Bathroom' });
    w.t.clock.advance(1_000);
    const b = await kitchenQuote(w, { title: 'Garden wall', validUntil: '2026-11-30' });
    await w.t.call('quotes.send', { id: b.id, markSentOnly: true });
    w.t.clock.advance(1_000);
    const c = await kitchenQuote(w, { title: 'Shed' });
    await w.t.call('quotes.send', { id: c.id, markSentOnly: true });
    w.t.clock.advance(1_000);
    const cR2 = await w.t.call('quotes.revise', { id: c.id });

    const all = await w.t.call('quotes.list', { limit: 50 });
    expect(all.items.map((i) => i.title)).toEqual(['Shed', 'Garden wall', 'Bathroom']);
    expect(all.items[0]).toMatchObject({ id: cR2.id, revision: 2, grandTotalMinor: 22_800, netTotalMinor: 19_000 });
    expect((await w.t.call('quotes.list', { allRevisions: true, limit: 50 })).total).toBe(4);

    expect((await w.t.call('quotes.list', { status: 'open', limit: 50 })).items.map((i) => i.title)).toEqual(['Garden wall']);
    w.t.clock.set('2026-12-01T10:00:00.000Z');
    const expired = await w.t.call('quotes.list', { status: 'expired', limit: 50 });
    expect(expired.items.map((i) => [i.title, i.expired])).toEqual([['Garden wall', true]]);
    expect((await w.t.call('quotes.list', { status: 'open', limit: 50 })).total).toBe(0);
    expect((await w.t.call('quotes.get', { id: b.id })).expired).toBe(true);

    expect((await w.t.call('quotes.list', { query: 'Q-2026-0002', allRevisions: true, limit: 50 })).items.map((i) => i.title)).toEqual(['Shed']);
    expect((await w.t.call('quotes.list', { query: 'garden', limit: 50 })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await w.t.call('quotes.list', { jobId: w.jobId, status: 'draft', limit: 50 })).items.map((i) => i.title)).toEqual(['Shed', 'Bathroom']);

    const first = await w.t.call('quotes.list', { limit: 2 });
    const second = await w.t.call('quotes.list', { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([cR2.id, b.id, a.id]);
    expect(second.nextCursor).toBeNull();
  });
});
