// The timeline of a client: activities and job stage changes merged newest first, paged by one keyset
// cursor (at, id) that both sources honour. A job's own timeline and the global Activity page show
// activities only: the job page has its own stage history, and the Jobs board shows the pipeline.
// No SQL (the repos answer), no `electron` import.
import type { TimelineEntry } from '../../../shared/domain/activity';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { listActivities, toActivity } from '../../db/activities.repo';
import { listStageChanges } from '../../db/jobs.repo';
import { decodeCursor, encodeCursor } from '../../db/keyset';
import type { ServiceDeps } from '../deps';

const newestFirst = (a: TimelineEntry, b: TimelineEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function createTimelineService({ db }: ServiceDeps) {
  return {
    async list(input: ChannelParsedInput<'timeline.list'>): Promise<ChannelOutput<'timeline.list'>> {
      const { contactId, companyId, jobId, kind, limit, cursor } = input;
      const client = jobId === undefined && (contactId !== undefined || companyId !== undefined);
      const after = cursor ? decodeCursor(cursor) : undefined;
      const entries: TimelineEntry[] = [];
      let moreActivities = false;
      if (kind !== 'stage') {
        const page = await listActivities(db, { contactId, companyId, jobId, type: kind, trashed: false, limit, cursor });
        moreActivities = page.nextCursor !== null;
        for (const activity of page.items.map(toActivity)) entries.push({ kind: 'activity', id: activity.id, at: activity.occurredAt, activity });
      }
      if (client && (kind === undefined || kind === 'stage')) {
        entries.push(...(await listStageChanges(db, { contactId, companyId, limit: limit + 1, after: after && { at: String(after.value), id: after.id } })));
      }
      entries.sort(newestFirst);
      const items = entries.slice(0, limit);
      const last = items.at(-1);
      const more = entries.length > limit || moreActivities;
      return { items, nextCursor: more && last ? encodeCursor(last.at, last.id) : null };
    },
  };
}
