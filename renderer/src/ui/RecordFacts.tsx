// Key facts that need a list of their own (next follow-up, open jobs). Each asks with exactly the filter the page's
// Follow-ups and Jobs panels use, so the page shares one cached query with them instead of asking twice.
import { Anchor, Text } from '@mantine/core';
import { format, formatDistanceToNow, isToday } from 'date-fns';
import { Link } from 'wouter';
import { formatMoney } from '../../../shared/domain/money';
import { useTaskList } from '../api/activities';
import { useJobList } from '../api/jobs';
import { formatCount } from './format';
import { FactLines, NoValue } from './KeyFacts';

type Scope = { contactId: string; jobId?: undefined } | { jobId: string; contactId?: undefined };

/** The earliest open follow-up: what to do and when. */
export function NextStep({ scope }: { scope: Scope }) {
  const open = useTaskList({ ...scope, status: 'open', limit: 50 });
  const next = open.data?.items[0];
  if (!next) return <NoValue>{open.isPending ? 'Loading…' : 'None'}</NoValue>;
  const due = next.dueAt ? new Date(next.dueAt) : null;
  let when = 'No due date';
  if (due) {
    if (next.overdue) when = `Overdue, due ${formatDistanceToNow(due, { addSuffix: true })}`;
    else if (next.allDay) when = isToday(due) ? 'Today' : format(due, 'EEE d MMM');
    else when = isToday(due) ? `Today ${format(due, 'HH:mm')}` : format(due, 'EEE d MMM, HH:mm');
  }
  return (
    <>
      <div>{next.title}</div>
      <Text span size="xs" c={next.overdue ? 'red' : 'dimmed'} title={next.dueAt ?? undefined}>
        {when}
      </Text>
    </>
  );
}

/** Jobs that are neither paid nor lost (as the "has open jobs" filter counts them), the two most recently changed shown by name. */
export function OpenJobs({ owner }: { owner: { contactId: string } | { companyId: string } }) {
  const list = useJobList({ ...owner, sort: 'updatedAt', limit: 20 });
  const jobs = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((j) => j.category === 'open' || j.category === 'won');
  if (jobs.length === 0) return <NoValue>{list.isPending ? 'Loading…' : 'None'}</NoValue>;
  const more = jobs.length - 2;
  return (
    <FactLines>
      {jobs.slice(0, 2).map((job) => (
        <li key={job.id}>
          <Anchor component={Link} href={`/jobs/${job.id}`} size="sm">
            {job.title}
          </Anchor>
          {job.amountMinor !== null && (
            <Text span size="xs" c="dimmed" ml={6}>
              {formatMoney(job.amountMinor, job.currency)}
            </Text>
          )}
        </li>
      ))}
      {more > 0 && (
        <li>
          <Text span size="xs" c="dimmed">
            and {formatCount(more)}
            {list.hasNextPage ? '+' : ''} more
          </Text>
        </li>
      )}
    </FactLines>
  );
}
