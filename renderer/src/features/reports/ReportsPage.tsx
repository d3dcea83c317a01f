// The dashboard: pick a period (this month, quarter, year or custom) and a currency; every figure links to the
// records behind it, charts show what reads better as a picture, and the whole page exports as a PDF.
import { Button, Center, Group, Loader, Select, SegmentedControl, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { type Dashboard, useDashboard, useExportDashboard } from '../../api/reports';
import { notifyError, notifySuccess } from '../../ui/notify';
import { Empty } from '../../ui/Empty';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { BreakdownSection } from './BreakdownSection';
import { Figure, FigureLink } from './Figure';
import { ClientsSection, DriftingSection } from './ClientsSection';
import { PipelineChart, RevenueChart } from './Charts';
import { moneyText, percent } from './report-format';
import { type PeriodPreset, presetRange, recordsHref } from './report-period';
import classes from './Reports.module.css';
import { useDashboardPeriod } from './use-dashboard-period';
import { formatCount } from '../../ui/format';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function ReportsPage() {
  const { period, setPeriod } = useDashboardPeriod();
  const [draft, setDraft] = useState({ from: period.from, to: period.to });
  const input = useMemo(() => ({ from: period.from, to: period.to, ...(period.currency ? { currency: period.currency } : {}) }), [period]);
  const dashboard = useDashboard(input);
  const exporter = useExportDashboard();
  const d = dashboard.data;
  const currencies = useMemo(() => [...new Set([...(d?.revenueByMonth.map((r) => r.currency) ?? []), ...(period.currency ? [period.currency] : [])])], [d, period.currency]);

  const choose = (preset: PeriodPreset) => {
    if (preset === 'custom') return setPeriod({ ...period, preset });
    const range = presetRange(preset);
    setDraft(range);
    setPeriod({ ...period, preset, ...range });
  };
  const applyCustom = () => {
    if (DATE.test(draft.from) && DATE.test(draft.to) && draft.from <= draft.to) setPeriod({ ...period, ...draft });
  };
  const exportPdf = () =>
    exporter.mutate(input, {
      onSuccess: (result) => result.path && notifySuccess(`Dashboard saved as ${result.format.toUpperCase()}: ${result.path}`),
      onError: notifyError,
    });

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          title="Reports"
          subtitle={`${period.from} – ${period.to}`}
          actions={
            <>
              <Button component={Link} href="/reports/service" variant="default">
                Service report
              </Button>
              <Button component={Link} href="/sales/suggestions" variant="default">
                What to offer whom
              </Button>
              <Button variant="light" leftSection={<IconFileExport size={16} />} onClick={exportPdf} loading={exporter.isPending}>
                Export PDF
              </Button>
            </>
          }
        />
        <Group mt="md" gap="sm" align="end" role="group" aria-label="Period">
          <SegmentedControl
            aria-label="Period"
            value={period.preset}
            onChange={(v) => choose(v as PeriodPreset)}
            data={[
              { value: 'month', label: 'This month' },
              { value: 'quarter', label: 'This quarter' },
              { value: 'year', label: 'This year' },
              { value: 'custom', label: 'Custom' },
            ]}
          />
          {period.preset === 'custom' && (
            <>
              <TextInput type="date" label="From" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
              <TextInput type="date" label="To" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} error={draft.from > draft.to ? 'Ends before it starts' : undefined} />
              <Button variant="default" onClick={applyCustom}>
                Show
              </Button>
            </>
          )}
          <Select
            aria-label="Currency"
            placeholder="All currencies"
            data={currencies}
            value={period.currency}
            onChange={(currency) => setPeriod({ ...period, currency })}
            clearable
            w={160}
          />
        </Group>
        {dashboard.isPending ? (
          <Center p="xl">
            <Loader aria-label="Loading reports" />
          </Center>
        ) : !d ? null : (
          <DashboardBody d={d} currency={period.currency ?? undefined} />
        )}
      </div>
    </div>
  );
}

function DashboardBody({ d, currency }: { d: Dashboard; currency: string | undefined }) {
  const range = { from: d.from, to: d.to };
  const empty = d.pipeline.every((s) => s.count === 0) && d.activityCounts.every((a) => a.count === 0);
  if (empty)
    return (
      <Empty
        mt="xl"
        title="Nothing to report yet"
        description="Reports are worked out from your jobs and logged activities. Add a job on the Jobs board, move it to Won or Paid, and log calls with Ctrl+L: the figures appear here."
        actions={
          <Button component={Link} href="/jobs" variant="light">
            Go to jobs
          </Button>
        }
      />
    );
  return (
    <>
      <div className={classes.grid}>
        <Figure title="Win rate" value={percent(d.winRate.rate)} href={recordsHref({ metric: 'wonJobs', ...range })} hint={`${formatCount(d.winRate.won)} won, ${formatCount(d.winRate.lost)} lost`} />
        <Figure title="Average job value" value={moneyText(d.averageJobValueMinor)} href={recordsHref({ metric: 'wonJobs', ...range })} hint="Jobs won in the period" />
        <Figure title="Days from Lead to Won" value={d.averageDaysLeadToWon ?? '–'} href={recordsHref({ metric: 'wonJobs', ...range })} hint="Average over jobs won" />
        <Figure title="Repeat clients" value={`${d.repeatClients.repeat} of ${d.repeatClients.clients}`} href={recordsHref({ metric: 'repeatClients', ...range })} hint="More than one won job" />
        <Figure title="Churned" value={`${d.churn.churned} of ${d.churn.previousActive}`} href={recordsHref({ metric: 'churned', ...range })} hint={`${percent(d.churn.rate)} of clients active ${d.previousFrom} – ${d.previousTo}`} />
        <Figure title="Drifting clients" value={d.drifting.count} href={recordsHref({ metric: 'drifting', ...range })} hint="Paying clients gone quiet" />
        <Figure title="Overdue follow-ups" value={d.overdueFollowUps} href={recordsHref({ metric: 'overdueFollowUps', ...range })} />
        <Figure title="Lost jobs" value={d.winRate.lost} href={recordsHref({ metric: 'lostJobs', ...range })} />
      </div>
      <div className={classes.sections}>
        <PipelineChart d={d} />
        <RevenueChart d={d} />
      </div>
      <ClientsSection d={d} />
      <BreakdownSection from={d.from} to={d.to} currency={currency} />
      <DriftingSection d={d} />
      <div className={classes.sections}>
        <section className={classes.section} aria-label="Lead sources">
          <Title order={2} size="h4" mb="xs">
            Lead sources
          </Title>
          {d.leadSources.length === 0 ? (
            <Text size="sm" c="dimmed">
              No contacts were added in this period. Set a lead source on a contact to see where work comes from.
            </Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>New contacts</Table.Th>
                  <Table.Th>Won</Table.Th>
                  <Table.Th>Paid revenue</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.leadSources.map((s) => (
                  <Table.Tr key={s.source ?? ''}>
                    <Table.Td>{s.source ?? '(none)'}</Table.Td>
                    <Table.Td>
                      <FigureLink href={recordsHref({ metric: 'leadSource', leadSource: s.source ?? '', ...range })} label={`Contacts from ${s.source ?? 'no source'}`}>
                        {s.contacts}
                      </FigureLink>
                    </Table.Td>
                    <Table.Td>{s.contacts === 0 ? '–' : `${formatCount(s.won)} (${percent(s.won / s.contacts)})`}</Table.Td>
                    <Table.Td>{moneyText(s.revenue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <section className={classes.section} aria-label="Activities">
          <Title order={2} size="h4" mb="xs">
            Activities
          </Title>
          <Table>
            <Table.Tbody>
              {d.activityCounts.map((a) => (
                <Table.Tr key={a.type}>
                  <Table.Td tt="capitalize">{a.type}</Table.Td>
                  <Table.Td>
                    <FigureLink href={recordsHref({ metric: 'activities', type: a.type, ...range })} label={`${a.type} activities: show records`}>
                      {formatCount(a.count)}
                    </FigureLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      </div>
    </>
  );
}
