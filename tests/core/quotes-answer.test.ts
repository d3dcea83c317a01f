// Issue #23 item 6: accepting a sent quote records how, when, which optional lines and the evidence, moves the job to
// Won with the accepted NET total (made when the quote had no job), offers the "start work" / "send invoice"
// follow-ups and closes the expiry one; the dashboard counts the job once, even when a later revision is accepted;
// an expired quote needs a confirmation; declining moves the job to Lost with the reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { item, quoteWorld, type QuoteWorld } from './quotes-seed';

let w: QuoteWorld;
beforeEach(async () => {
  w = await quoteWorld();
});
afterEach(() => w.t.destroy());

const db = () => w.t.core.store.db;
const tasksOf = (quoteIds: string[]) => db().selectFrom('tasks').select(['title', 'due_at', 'completed_at', 'job_id']).where('quote_id', 'in', quoteIds).orderBy('seq').execute();
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

async function sentQuote(extra: Record<string, unknown> = {}) {
  const q = await w.t.call('quotes.create', {
    title: 'Kitchen sink',
    jobId: w.jobId,
    lines: [item('Labour', 2, 35), item('Sink', 1, 120), item('Extra tap', 1, 50, { optional: true })],
    ...extra,
  });
  await w.t.call('quotes.send', { id: q.id, markSentOnly: true });
  return q;
}

describe('quotes.accept', () => {
  it('moves the job to Won with the accepted net total, counting the chosen optional line, and makes the follow-ups', async () => {
    const q = await sentQuote();
    expect(q.totals.netTotalMinor).toBe(19_000); // the optional tap is not counted until chosen
    const draft = await w.t.call('quotes.create', { title: 'Draft', jobId: w.jobId, lines: [item('x', 1, 1)] });
    expect((await w.t.fail('quotes.accept', { id: draft.id, method: 'call' })).message).toMatch(/^Send the quote first, or mark it sent/);
    expect((await w.t.fail('quotes.accept', { id: q.id, method: 'call', chosenLineIds: [q.lines[0]!.id] })).issues?.[0]?.path).toBe('chosenLineIds.0');
    expect((await w.t.fail('quotes.accept', { id: q.id, method: 'call', evidenceDocumentId: '00000000-0000-4000-8000-000000000000' })).issues?.[0]?.path).toBe('evidenceDocumentId');

    const accepted = await w.t.call('quotes.accept', { id: q.id, method: 'call', chosenLineIds: [q.lines[2]!.id], followUps: ['startWork', 'sendInvoice'] });
    expect(accepted).toMatchObject({ status: 'accepted', acceptMethod: 'call', acceptedAt: '2026-11-23T09:00:00.000Z' });
    expect(accepted.totals).toMatchObject({ netTotalMinor: 24_000, grandTotalMinor: 28_800 });
    expect(accepted.lines[2]).toMatchObject({ chosen: true, counted: true });

    const job = await w.t.call('jobs.get', { id: w.jobId });
    expect(job).toMatchObject({ category: 'won', amountMinor: 24_000, currency: 'GBP' });
    // Monday 23 November: start work the next working day, send the invoice today; the expiry reminder is closed.
    expect(await tasksOf([q.id])).toEqual([
      { title: 'Quote Q-2026-0001 expires on 23 December 2026', due_at: '2026-12-20T00:00:00.000Z', completed_at: '2026-11-23T09:00:00.000Z', job_id: w.jobId },
      { title: 'Start work: Kitchen sink', due_at: '2026-11-24T00:00:00.000Z', completed_at: null, job_id: w.jobId },
      { title: 'Send invoice: Kitchen sink', due_at: '2026-11-23T00:00:00.000Z', completed_at: null, job_id: w.jobId },
    ]);
    expect((await w.t.fail('quotes.accept', { id: q.id, method: 'call' })).code).toBe('CONFLICT');
  });

  it('counts the job once on the dashboard, at the accepted value, after a revision of an accepted quote is accepted', async () => {
    const q = await sentQuote();
    await w.t.call('quotes.accept', { id: q.id, method: 'email' });
    const before = await w.t.call('reports.dashboard', NOVEMBER);
    expect(before.winRate.won).toBe(1);
    expect(before.revenueByMonth.find((m) => m.month === '2026-11')?.wonMinor).toBe(19_000);

    // The client asks for more work: R2 supersedes the accepted R1 and is accepted in turn.
    const r2 = await w.t.call('quotes.revise', { id: q.id });
    await w.t.call('quotes.update', { id: r2.id, lines: [item('Labour', 4, 35), item('Sink', 1, 120)] });
    await w.t.call('quotes.send', { id: r2.id, markSentOnly: true });
    expect((await w.t.call('quotes.get', { id: q.id })).status).toBe('superseded');
    expect((await w.t.fail('quotes.accept', { id: q.id, method: 'email' })).message).toContain('replaced by revision 2');
    await w.t.call('quotes.accept', { id: r2.id, method: 'signed' });

    const after = await w.t.call('reports.dashboard', NOVEMBER);
    expect(after.winRate.won).toBe(1);
    expect(after.revenueByMonth.find((m) => m.month === '2026-11')?.wonMinor).toBe(26_000);
    expect((await w.t.call('jobs.get', { id: w.jobId })).amountMinor).toBe(26_000);
  });

  it('makes a job for a quote on a contact alone, and asks before accepting an expired quote', async () => {
    const q = await w.t.call('quotes.create', { title: 'Garden wall', contactId: w.contactId, lines: [item('Wall', 1, 500)], validUntil: '2027-01-12' });
    await w.t.call('quotes.send', { id: q.id, markSentOnly: true });
    w.t.clock.set('2027-01-13T10:00:00.000Z');
    const asked = await w.t.fail('quotes.accept', { id: q.id, method: 'inPerson' });
    expect(asked.issues).toEqual([{ path: 'acceptExpired', message: 'This quote expired on 12 January 2027: accept it anyway?' }]);
    const accepted = await w.t.call('quotes.accept', { id: q.id, method: 'inPerson', acceptExpired: true });
    expect(accepted.jobId).not.toBeNull();
    expect(await w.t.call('jobs.get', { id: accepted.jobId! })).toMatchObject({ title: 'Garden wall', contactId: w.contactId, category: 'won', amountMinor: 50_000 });
  });
});

describe('quotes.decline', () => {
  it('moves the job to Lost with the reason and closes the expiry follow-up', async () => {
    const q = await sentQuote();
    const declined = await w.t.call('quotes.decline', { id: q.id, reason: 'Went with a cheaper fitter' });
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Went with a cheaper fitter', declinedAt: '2026-11-23T09:00:00.000Z' });
    expect(await w.t.call('jobs.get', { id: w.jobId })).toMatchObject({ category: 'lost', lostReason: 'Went with a cheaper fitter' });
    expect((await tasksOf([q.id])).every((t) => t.completed_at !== null)).toBe(true);
    expect((await w.t.fail('quotes.accept', { id: q.id, method: 'call' })).message).toContain('make a revision to offer it again');
  });

  it('keeps the job Won when a revision of an accepted quote is declined', async () => {
    const q = await sentQuote();
    await w.t.call('quotes.accept', { id: q.id, method: 'call' });
    const r2 = await w.t.call('quotes.revise', { id: q.id });
    await w.t.call('quotes.send', { id: r2.id, markSentOnly: true });
    await w.t.call('quotes.decline', { id: r2.id, reason: 'No extras after all' });
    expect(await w.t.call('jobs.get', { id: w.jobId })).toMatchObject({ category: 'won', amountMinor: 19_000 });
  });
});
