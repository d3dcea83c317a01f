// The contacts list's filter as a saved segment stores it and back, and which segment the list is (or was
// opened from) after a change: the state behind "Contacts: <segment>", Save as segment and Update "<segment>".
import { describe, expect, it } from 'vitest';
import { type ContactFilter, NO_CONTACT_FILTER, fromSegmentFilter, segmentAfter, toSegmentFilter } from '../../renderer/src/features/contacts/use-contact-filter';

const leeds = { id: 's1', name: 'Leeds clients' };

describe('segment filters', () => {
  it('saves only what is set, with the search trimmed', () => {
    expect(toSegmentFilter(NO_CONTACT_FILTER)).toEqual({});
    const filter: ContactFilter = { query: ' tiles ', tag: 'vip', kind: null, sort: 'name', notContactedForDays: 30, hasOverdueTask: false, more: { city: 'Leeds' } };
    expect(toSegmentFilter(filter)).toEqual({ query: 'tiles', tag: 'vip', notContactedForDays: 30, city: 'Leeds' });
  });

  it('opens a saved filter as the list’s filter, keeping the list’s sort', () => {
    const filter = fromSegmentFilter({ tag: 'vip', hasOverdueTask: true, city: 'Leeds', revenueAboveMinor: 100 }, 'lastContacted', leeds);
    expect(filter).toEqual({ query: '', tag: 'vip', kind: null, sort: 'lastContacted', notContactedForDays: null, hasOverdueTask: true, more: { city: 'Leeds', revenueAboveMinor: 100 }, segment: leeds });
    expect(toSegmentFilter(filter)).toEqual({ tag: 'vip', hasOverdueTask: true, city: 'Leeds', revenueAboveMinor: 100 });
  });
});

describe('segmentAfter', () => {
  const open: ContactFilter = { ...NO_CONTACT_FILTER, more: { city: 'Leeds' }, segment: leeds };

  it('keeps the segment when only the sort changes', () => {
    expect(segmentAfter(open, { sort: 'createdAt' })).toEqual({});
  });

  it('leaves the segment on a filter change, remembering it as the one to update', () => {
    expect(segmentAfter(open, { tag: 'vip' })).toEqual({ segment: null, editedFrom: leeds });
    const edited: ContactFilter = { ...open, segment: null, editedFrom: leeds };
    expect(segmentAfter(edited, { kind: 'prospect' })).toEqual({ segment: null, editedFrom: leeds });
    expect(segmentAfter(NO_CONTACT_FILTER, { tag: 'vip' })).toEqual({ segment: null, editedFrom: null });
  });

  it('lets an explicit segment win: opening, saving or deleting one forgets the edit', () => {
    const edited: ContactFilter = { ...open, segment: null, editedFrom: leeds };
    expect(segmentAfter(edited, { segment: leeds })).toEqual({ editedFrom: null });
    expect(segmentAfter(edited, { segment: null })).toEqual({ editedFrom: null });
    expect(segmentAfter(open, { segment: null, editedFrom: leeds })).toEqual({ editedFrom: leeds });
  });
});
