// Opens the contacts list on a saved segment: `#/contacts?segment=<id>` (the sidebar's links) loads the
// segment's filter into the list, then drops the parameter so the list's own filters take over from there.
import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useSegments } from '../../api/reports';
import { notifyError } from '../../ui/notify';
import { type ContactFilter, fromSegmentFilter } from './use-contact-filter';

export function useSegmentParam(sort: ContactFilter['sort'], sortCustom: ContactFilter['sortCustom'], replace: (filter: ContactFilter) => void): void {
  const search = useSearch();
  const [, navigate] = useLocation();
  const segments = useSegments();
  const id = new URLSearchParams(search).get('segment');
  useEffect(() => {
    if (!id || !segments.data) return;
    const segment = segments.data.items.find((s) => s.id === id);
    if (segment) replace(fromSegmentFilter(segment.filter, sort, { id: segment.id, name: segment.name }, sortCustom));
    else notifyError(new Error('That segment no longer exists.'));
    navigate('/contacts?', { replace: true });
  }, [id, segments.data, sort, sortCustom, replace, navigate]);
}
