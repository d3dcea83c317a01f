// The job board's model without React or a browser: where a dropped card lands, when a move asks for a lost
// reason, Alt+←/→'s neighbour stage, and the board as the cache shows it right after a move (moveOnBoard).
import { describe, expect, it } from 'vitest';
import type { Board, BoardColumn, JobRow } from '../../renderer/src/api/jobs';
import { moveOnBoard } from '../../renderer/src/api/jobs';
import { dropBeforeId, moveIntent, neighbourStage } from '../../renderer/src/features/jobs/board-model';

const stage = (id: string, category: 'open' | 'won' | 'paid' | 'lost' = 'open', position = 0) => ({ id, name: id.toUpperCase(), position, category });

function job(id: string, stageId: string, amountMinor: number | null = null, currency = 'GBP'): JobRow {
  return {
    id,
    title: `Job ${id}`,
    contactId: null,
    contactName: null,
    companyId: null,
    companyName: null,
    stageId,
    stageName: stageId.toUpperCase(),
    category: 'open',
    amountMinor,
    currency,
    dueDate: null,
    probability: null,
    notes: null,
    lostReason: null,
    stageChangedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    custom: {},
    deletedAt: null,
  };
}

function column(id: string, jobs: JobRow[], category: 'open' | 'won' | 'paid' | 'lost' = 'open'): BoardColumn {
  const gbp = jobs.filter((j) => j.currency === 'GBP').reduce((n, j) => n + (j.amountMinor ?? 0), 0);
  const byCurrency = new Map<string, number>();
  for (const j of jobs) byCurrency.set(j.currency, (byCurrency.get(j.currency) ?? 0) + (j.amountMinor ?? 0));
  return {
    stage: stage(id, category),
    jobs,
    count: jobs.length,
    totalMinor: gbp,
    totals: [...byCurrency].filter(([, n]) => n !== 0).map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}

describe('moveIntent', () => {
  const a = job('a', 'lead');
  it('does nothing when the card stays where it is', () => {
    expect(moveIntent(a, stage('lead'), null)).toBe('none');
    expect(moveIntent(a, stage('lead'), 'a')).toBe('none');
  });
  it('moves within a column when it goes before another card', () => {
    expect(moveIntent(a, stage('lead'), 'b')).toBe('move');
  });
  it('asks for a lost reason only when the card enters a lost stage', () => {
    expect(moveIntent(a, stage('lost', 'lost'), null)).toBe('ask-lost-reason');
    expect(moveIntent(job('c', 'lost'), stage('lost', 'lost'), 'd')).toBe('move');
    expect(moveIntent(a, stage('won', 'won'), null)).toBe('move');
  });
});

describe('dropBeforeId', () => {
  const col = column('lead', [job('a', 'lead'), job('b', 'lead'), job('c', 'lead')]);
  it('puts a card dropped on empty column space last', () => {
    expect(dropBeforeId(col, 'x', null)).toBeNull();
  });
  it('puts it before a card when dropped on that card’s top half', () => {
    expect(dropBeforeId(col, 'x', { id: 'b', upperHalf: true })).toBe('b');
  });
  it('puts it before the next card when dropped on a card’s lower half, skipping itself', () => {
    expect(dropBeforeId(col, 'x', { id: 'a', upperHalf: false })).toBe('b');
    expect(dropBeforeId(col, 'b', { id: 'a', upperHalf: false })).toBe('c');
    expect(dropBeforeId(col, 'x', { id: 'c', upperHalf: false })).toBeNull();
  });
  it('does not move a card dropped on itself', () => {
    expect(dropBeforeId(col, 'b', { id: 'b', upperHalf: true })).toBeUndefined();
  });
});

describe('neighbourStage', () => {
  const stages = [stage('lead'), stage('quoted'), stage('won', 'won')];
  it('steps left and right, and stops at either end', () => {
    expect(neighbourStage(stages, 'quoted', -1)?.id).toBe('lead');
    expect(neighbourStage(stages, 'quoted', 1)?.id).toBe('won');
    expect(neighbourStage(stages, 'lead', -1)).toBeUndefined();
    expect(neighbourStage(stages, 'won', 1)).toBeUndefined();
    expect(neighbourStage(stages, 'gone', 1)).toBeUndefined();
  });
});

describe('moveOnBoard', () => {
  const board = (): Board => ({
    defaultCurrency: 'GBP',
    stages: [column('lead', [job('a', 'lead', 10_000), job('b', 'lead', 500, 'JPY'), job('c', 'lead')]), column('won', [job('d', 'won', 2_000)], 'won')],
  });

  it('moves the card to the end of the other column and moves its value with it', () => {
    const next = moveOnBoard(board(), { id: 'a', stage: 'won' });
    const [lead, won] = next.stages;
    expect(lead!.jobs.map((j) => j.id)).toEqual(['b', 'c']);
    expect(won!.jobs.map((j) => j.id)).toEqual(['d', 'a']);
    expect([lead!.count, won!.count]).toEqual([2, 2]);
    expect([lead!.totalMinor, won!.totalMinor]).toEqual([0, 12_000]);
    expect(lead!.totals).toEqual([{ currency: 'JPY', amountMinor: 500 }]);
    expect(won!.jobs[1]).toMatchObject({ stageId: 'won', stageName: 'WON', category: 'won' });
  });

  it('keeps other currencies out of the default-currency total', () => {
    const next = moveOnBoard(board(), { id: 'b', stage: 'won', beforeId: 'd' });
    const [lead, won] = next.stages;
    expect(won!.jobs.map((j) => j.id)).toEqual(['b', 'd']);
    expect([lead!.totalMinor, won!.totalMinor]).toEqual([10_000, 2_000]);
    expect(won!.totals).toEqual([
      { currency: 'GBP', amountMinor: 2_000 },
      { currency: 'JPY', amountMinor: 500 },
    ]);
    expect(lead!.totals).toEqual([{ currency: 'GBP', amountMinor: 10_000 }]);
  });

  it('reorders within a column without changing its count or totals', () => {
    const next = moveOnBoard(board(), { id: 'c', stage: 'lead', beforeId: 'a' });
    expect(next.stages[0]!.jobs.map((j) => j.id)).toEqual(['c', 'a', 'b']);
    expect(next.stages[0]!.count).toBe(3);
    expect(next.stages[0]!.totalMinor).toBe(10_000);
  });

  it('leaves the board alone for an unknown card or stage', () => {
    const before = board();
    expect(moveOnBoard(before, { id: 'zz', stage: 'won' })).toBe(before);
    expect(moveOnBoard(before, { id: 'a', stage: 'gone' })).toBe(before);
  });
});
