// Clients: top clients by paid revenue with their tier, lifetime value, and the drifting ones, each with a
// one-click follow-up (a task due tomorrow on their page).
import { Badge, Button, Table, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'wouter';
import { useCreateTask } from '../../api/activities';
import type { Dashboard } from '../../api/reports';
import { notifyError, notifySuccess } from '../../ui/notify';
import { formatMoney } from '../../../../shared/domain/money';
import { Figure, FigureLink } from './Figure';
import { recordsHref } from './report-period';
import classes from './Reports.module.css';
import { formatCount, plural } from '../../ui/format';

const TIER_COLOR = { top: 'teal', middle: 'indigo', tail: 'gray' } as const;

export function ClientsSection({ d }: { d: Dashboard }) {
  const range = { from: d.from, to: d.to, currency: d.currency };
  const ltv = d.lifetimeValue;
  return (
    <section className={classes.section} aria-label="Clients">
      <Title order={2} size="h4">
        Clients ({d.currency})
      </Title>
      <div className={classes.grid}>
        <Figure title="Lifetime value, all clients" value={formatMoney(ltv.totalMinor, d.currency)} href={recordsHref({ metric: 'lifetimeValue', ...range })} hint={`${plural(ltv.payingClients, 'paying client')} to date`} />
        <Figure
          title="Average per active client"
          value={ltv.averagePerActiveMinor === null ? '–' : formatMoney(ltv.averagePerActiveMinor, d.currency)}
          href={recordsHref({ metric: 'activeClients', ...range })}
          hint={`${plural(ltv.activeClients, 'client')} active in the period`}
        />
        {(['top', 'middle', 'tail'] as const).map((tier) => (
          <Figure key={tier} title={`${tier} tier`} value={d.topClients.tiers[tier]} href={recordsHref({ metric: 'topClients', tier, ...range })} hint="Clients paying in the period" />
        ))}
      </div>
      {d.topClients.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No client paid in {d.currency} in this period. Move a job to Paid on the Jobs board and it counts here.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Top clients</Table.Th>
              <Table.Th>Paid in period</Table.Th>
              <Table.Th>Jobs</Table.Th>
              <Table.Th>Tier</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.topClients.items.slice(0, 10).map((c) => (
              <Table.Tr key={c.contactId}>
                <Table.Td>
                  <Link href={`/contacts/${c.contactId}`}>{c.name}</Link>
                </Table.Td>
                <Table.Td>{formatMoney(c.amountMinor, d.currency)}</Table.Td>
                <Table.Td>{formatCount(c.jobs)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={TIER_COLOR[c.tier]}>
                    {c.tier}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

export function DriftingSection({ d }: { d: Dashboard }) {
  const range = { from: d.from, to: d.to };
  return (
    <section className={classes.section} aria-label="Drifting clients">
      <Title order={2} size="h4" mb="xs">
        Drifting clients{' '}
        <FigureLink href={recordsHref({ metric: 'drifting', ...range })} label="Drifting clients: show all">
          ({formatCount(d.drifting.count)})
        </FigureLink>
      </Title>
      {d.drifting.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody who pays you has gone quiet. A paying client drifts when their last contact is older than their usual gap.
        </Text>
      ) : (
        <DriftingList items={d.drifting.items.slice(0, 10)} />
      )}
    </section>
  );
}

export function DriftingList({ items }: { items: Dashboard['drifting']['items'] }) {
  const createTask = useCreateTask();
  const followUp = (contactId: string, name: string) => {
    const due = new Date();
    due.setDate(due.getDate() + 1);
    due.setHours(9, 0, 0, 0);
    // The promise, not mutate's callbacks: the new follow-up takes this client off the alerts, which unmounts
    // this list before mutate's onSuccess could run, and the confirmation would never show.
    createTask
      .mutateAsync({ title: `Get back in touch with ${name}`, contactId, dueAt: due.toISOString() })
      .then(() => notifySuccess(`Follow-up for ${name} added for tomorrow`), notifyError);
  };
  return (
    <Table>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.contactId}>
            <Table.Td>
              <Link href={`/contacts/${c.contactId}`}>{c.name}</Link>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {c.daysSince === null ? 'Never contacted' : `${plural(c.daysSince, 'day')} since last contact`}
                {c.usualGapDays !== null ? ` (usually every ${plural(c.usualGapDays, 'day')})` : ''}
                {c.serviceReason ? ` · ${c.serviceReason}` : ''}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button size="xs" variant="light" leftSection={<IconCalendarPlus size={14} />} onClick={() => followUp(c.contactId, c.name)} aria-label={`Follow up ${c.name}`}>
                Follow up
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
