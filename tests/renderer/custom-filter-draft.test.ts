// The list filter form's conditions on custom fields (issue #19): what each type offers, the draft turned into the
// contract's condition (money in minor units, ranges, any-of by option id) and back, what is refused in the app's
// words, the pill's words, and a saved segment carrying the conditions and giving them back.
import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../shared/domain/custom-fields';
import { SegmentFilter } from '../../shared/domain/segment';
import { describeFilter, draftsOf, filtersOf, fromFilter, newDraft, opsFor, toFilter } from '../../renderer/src/ui/custom-filter-draft';
import { fromSegmentFilter, toSegmentFilter } from '../../renderer/src/features/contacts/use-contact-filter';

const field = (key: string, label: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id: `f-${key}`,
  recordType: 'contact',
  key,
  label,
  type,
  currency: null,
  required: false,
  defaultValue: null,
  help: null,
  section: null,
  position: 0,
  options: [],
  archived: false,
  deletedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  valueCount: 0,
  ...extra,
});

const gate = field('gateCode', 'Gate code', 'text');
const budget = field('budget', 'Budget', 'money', { currency: 'GBP' });
const wedding = field('weddingDate', 'Wedding date', 'date');
const vip = field('vip', 'VIP', 'boolean');
const rooms = field('rooms', 'Rooms', 'choices', {
  options: [
    { id: 'o1', label: 'Kitchen', archived: false },
    { id: 'o2', label: 'Bathroom', archived: false },
  ],
});
const defs = [gate, budget, wedding, vip, rooms];

describe('conditions on custom fields, as the filter form builds them', () => {
  it('offers words for text, ranges for money and dates, yes/no, and any-of for choices', () => {
    expect(opsFor('text')).toEqual(['contains', 'equals', 'empty', 'notEmpty']);
    expect(opsFor('money')[0]).toBe('between');
    expect(opsFor('date')).toContain('between');
    expect(opsFor('boolean')).toEqual(['equals']);
    expect(opsFor('choices')[0]).toBe('anyOf');
    expect(newDraft(vip).text).toBe('yes');
  });

  it('turns drafts into the contract’s conditions: money in minor units, one-sided ranges, option ids', () => {
    expect(toFilter(gate, { ...newDraft(gate), text: ' 4721 ' })).toEqual({ ok: true, filter: { key: 'gateCode', op: 'contains', value: '4721' } });
    expect(toFilter(budget, { ...newDraft(budget), min: '1,250.50' })).toEqual({ ok: true, filter: { key: 'budget', op: 'between', min: 125050 } });
    expect(toFilter(wedding, { ...newDraft(wedding), min: '2026-06-01', max: '2026-06-30' })).toEqual({
      ok: true,
      filter: { key: 'weddingDate', op: 'between', min: '2026-06-01', max: '2026-06-30' },
    });
    expect(toFilter(vip, { ...newDraft(vip), text: 'no' })).toEqual({ ok: true, filter: { key: 'vip', op: 'equals', value: false } });
    expect(toFilter(rooms, { ...newDraft(rooms), values: ['o2'] })).toEqual({ ok: true, filter: { key: 'rooms', op: 'anyOf', values: ['o2'] } });
    expect(toFilter(gate, { ...newDraft(gate), op: 'empty' })).toEqual({ ok: true, filter: { key: 'gateCode', op: 'empty' } });
  });

  it('says what is missing or wrong instead of sending it', () => {
    expect(toFilter(gate, newDraft(gate))).toEqual({ ok: false, error: 'Enter the words to look for' });
    expect(toFilter(budget, { ...newDraft(budget), min: 'lots' })).toEqual({ ok: false, error: '"lots" is not an amount' });
    expect(toFilter(wedding, { ...newDraft(wedding), min: '2026-07-01', max: '2026-06-01' })).toEqual({ ok: false, error: 'The range ends before it starts' });
    expect(toFilter(rooms, newDraft(rooms))).toEqual({ ok: false, error: 'Choose at least one' });
    expect(filtersOf(defs, [{ ...newDraft(gate), text: '1' }, newDraft(rooms)])).toBeNull();
  });

  it('reads applied conditions back into drafts, keeping one on a field no longer listed', () => {
    const applied = [
      { key: 'budget', op: 'between' as const, min: 125050, max: 200000 },
      { key: 'rooms', op: 'anyOf' as const, values: ['Kitchen'] },
      { key: 'gone', op: 'notEmpty' as const },
    ];
    const drafts = draftsOf(defs, applied);
    expect(drafts[0]).toMatchObject({ min: '1250.50', max: '2000.00' });
    expect(drafts[1]).toMatchObject({ values: ['o1'] });
    expect(fromFilter(undefined, applied[2]!).kept).toEqual(applied[2]);
    expect(filtersOf(defs, drafts)).toEqual([applied[0], { key: 'rooms', op: 'anyOf', values: ['o1'] }, applied[2]]);
  });

  it('words each pill', () => {
    expect(describeFilter(gate, { key: 'gateCode', op: 'contains', value: '4721' })).toBe('Gate code contains “4721”');
    expect(describeFilter(budget, { key: 'budget', op: 'between', min: 10000 })).toBe('Budget from £100.00');
    expect(describeFilter(rooms, { key: 'rooms', op: 'anyOf', values: ['o1', 'o2'] })).toBe('Rooms is Kitchen or Bathroom');
    expect(describeFilter(vip, { key: 'vip', op: 'equals', value: true })).toBe('VIP: yes');
    expect(describeFilter(undefined, { key: 'gone', op: 'empty' })).toBe('gone is empty');
  });

  it('travels in a saved segment and comes back when the segment is opened', () => {
    const custom = [{ key: 'gateCode', op: 'contains' as const, value: '4721' }];
    const saved = SegmentFilter.parse(toSegmentFilter({ query: '', tag: null, kind: null, sort: 'name', more: { city: 'Leeds', custom } }));
    expect(saved).toEqual({ city: 'Leeds', custom });
    const opened = fromSegmentFilter(saved, 'name', { id: 's1', name: 'Gate 4721' }, { key: 'gateCode', direction: 'desc' });
    expect(opened.more).toEqual({ city: 'Leeds', custom });
    expect(opened.sortCustom).toEqual({ key: 'gateCode', direction: 'desc' });
  });
});
