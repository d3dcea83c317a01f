// Alerts on the Today view: paying clients who have gone quiet, quotes with no answer and completed work not
// yet paid, each a short list with a way to act. Hidden when there is nothing to act on.
import { Badge, Group, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { useAlerts } from '../../api/reports';
import { formatMoney } from '../../../../shared/domain/money';
import { DriftingList } from './ClientsSection';
import classes from './Reports.module.css';
import { formatCount } from '../../ui/format';

type StaleJob = NonNullable<ReturnType<typeof useAlerts>['data']>['unpaid'][number];

export function AlertsSection() {
  const alerts = useAlerts();
  const a = alerts.data;
  if (!a) return null;
  const count = a.drifting.length + a.unansweredQuotes.length + a.unpaid.length;
  if (count === 0) return null;
  return (
    <section className={classes.section} aria-label="Alerts">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4">
          Alerts
        </Title>
        <Badge color="orange" variant="light" circle>
          {formatCount(count)}
        </Badge>
      </Group>
      {a.drifting.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            Clients gone quiet
          </Text>
          <DriftingList items={a.drifting} />
        </>
      )}
      <StaleJobs title={`Quotes with no answer for ${a.settings.quoteDays}+ days`} jobs={a.unansweredQuotes} />
      <StaleJobs title={`Completed, unpaid for ${a.settings.unpaidDays}+ days`} jobs={a.unpaid} />
    </section>
  );
}

function StaleJobs({ title, jobs }: { title: string; jobs: StaleJob[] }) {
  if (jobs.length === 0) return null;
  return (
    <>
      <Text size="sm" fw={600} mt="sm">
        {title}
      </Text>
      <Table aria-label={title}>
        <Table.Tbody>
          {jobs.map((j) => (
            <Table.Tr key={j.jobId}>
              <Table.Td>
                <Link href={`/jobs/${j.jobId}`}>{j.title}</Link>
              </Table.Td>
              <Table.Td>{j.contactName ?? '–'}</Table.Td>
              <Table.Td>{j.amountMinor === null ? '–' : formatMoney(j.amountMinor, j.currency)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {j.stageName} for {j.days} days
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
