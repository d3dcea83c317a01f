// The service report (#/reports/service): for a period (the last 12 months by default), cases opened, open cases by
// age, business time to first response and to resolution (median and 90th percentile, in hours), targets met,
// reopen rate, satisfaction, cases per client and by priority; Export CSV writes the same through a save dialog.
import { Alert, Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconFileTypeCsv } from '@tabler/icons-react';
import { format, subMonths } from 'date-fns';
import { useState } from 'react';
import { Link } from 'wouter';
import type { ServiceReport } from '../../../../shared/domain/service';
import { useExportServiceCsv, useServiceReport } from '../../api/service';
import { plural } from '../../ui/format';
import pageClasses from '../../ui/ListPage.module.css';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { businessHours } from '../cases/panels';

const day = (d: Date) => format(d, 'yyyy-MM-dd');
const AGE_LABELS = { under1d: 'Under a day', '1to3d': '1–3 days', '3to7d': '3–7 days', '7to30d': '7–30 days', over30d: 'Over 30 days' } as const;
const PRIORITY = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;
const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

export function ServiceReportPage() {
  const [from, setFrom] = useState(() => day(subMonths(new Date(), 12)));
  const [to, setTo] = useState(() => day(new Date()));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const report = useServiceReport({ from, to }, valid);
  const exporter = useExportServiceCsv();
  const r = report.data;
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          leading={
            <Button component={Link} href="/reports" variant="subtle" leftSection={<IconArrowLeft size={16} />} aria-label="Back to reports">
              Reports
            </Button>
          }
          title="Service report"
          subtitle={r ? `${plural(r.opened, 'case')} opened` : undefined}
          actions={
            <Button
              variant="light"
              leftSection={<IconFileTypeCsv size={16} />}
              loading={exporter.isPending}
              disabled={!valid}
              onClick={() =>
                exporter.mutate({ from, to }, { onSuccess: (res) => res.path && notifySuccess(`${plural(res.rows, 'row')} saved to ${res.path}`), onError: notifyError })
              }
            >
              Export CSV
            </Button>
          }
        />
        <Group mt="md" gap="sm">
          <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
          <TextInput type="date" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} error={valid ? undefined : 'The end date must be on or after the start date'} />
        </Group>
        {report.isError ? (
          <Alert color="red" mt="md" title="The report could not be made">
            Try again in a moment.
          </Alert>
        ) : !r ? (
          <Center p="xl">{valid && <Loader aria-label="Loading the service report" />}</Center>
        ) : (
          <ReportBody r={r} />
        )}
      </div>
    </div>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function ReportBody({ r }: { r: ServiceReport }) {
  const t = r.targetsMet;
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} mt="lg">
        <Figure label="Cases opened" value={String(r.opened)} />
        <Figure label="First response (median)" value={businessHours(r.firstResponse.medianMs)} note={`90 % within ${businessHours(r.firstResponse.p90Ms)} · ${r.firstResponse.count} cases`} />
        <Figure label="Resolution (median)" value={businessHours(r.resolution.medianMs)} note={`90 % within ${businessHours(r.resolution.p90Ms)} · ${r.resolution.count} cases`} />
        <Figure label="Satisfaction" value={r.satisfaction.average === null ? '–' : `${r.satisfaction.average.toFixed(1)} of 5`} note={plural(r.satisfaction.count, 'rating')} />
        <Figure label="Response target met" value={pct(t.response.share)} note={`${t.response.met} of ${t.response.total}`} />
        <Figure label="Resolution target met" value={pct(t.resolution.share)} note={`${t.resolution.met} of ${t.resolution.total}`} />
        <Figure label="Reopened" value={pct(r.reopen.share)} note={`${r.reopen.reopened} of ${r.reopen.resolved} resolved`} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        Times are business hours, counted on the service calendar.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} mt="lg" spacing="lg">
        <SmallTable title="Open cases by age" head={['Age', 'Cases']} rows={r.openByAge.map((b) => [AGE_LABELS[b.bucket], String(b.count)])} />
        <SmallTable title="Opened by priority" head={['Priority', 'Cases']} rows={r.byPriority.map((p) => [PRIORITY[p.priority], String(p.opened)])} />
        <SmallTable title="Ratings" head={['Score', 'Ratings']} rows={r.satisfaction.byScore.map((n, i) => [`${'★'.repeat(i + 1)}`, String(n)])} />
      </SimpleGrid>
      <Title order={2} size="h4" mt="lg" mb="xs">
        Cases per client
      </Title>
      {r.perClient.length === 0 ? (
        <Text size="sm" c="dimmed">
          No cases in this period.
        </Text>
      ) : (
        <Table striped aria-label="Cases per client">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Client</Table.Th>
              <Table.Th ta="right">Cases</Table.Th>
              <Table.Th ta="right">Open now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.perClient.map((c) => (
              <Table.Tr key={c.contactId}>
                <Table.Td>
                  <Anchor component={Link} href={`/contacts/${c.contactId}`} size="sm">
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{c.cases}</Table.Td>
                <Table.Td ta="right">{c.open}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function SmallTable({ title, head, rows }: { title: string; head: [string, string]; rows: string[][] }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Table aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{head[0]}</Table.Th>
            <Table.Th ta="right">{head[1]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row[0]}>
              <Table.Td>{row[0]}</Table.Td>
              <Table.Td ta="right">{row[1]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
