// The two pictures: pipeline value per stage, and won / paid revenue per month against the year before.
// Charts show one currency (the dashboard's); the tables beside them keep every currency and link to records.
import '@mantine/charts/styles.css';
import { BarChart, type BarChartProps } from '@mantine/charts';
import { Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../api/reports';
import { currencyDigits, formatMoney } from '../../../../shared/domain/money';
import { FigureLink } from './Figure';
import { moneyText } from './report-format';
import { recordsHref } from './report-period';
import classes from './Reports.module.css';
import { formatCount } from '../../ui/format';

/** For drawing only: bar heights in major units. Sums and figures stay integer minor units from main. */
const major = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);
const amountOf = (list: { currency: string; amountMinor: number }[], currency: string) => list.find((m) => m.currency === currency)?.amountMinor ?? 0;

/** Bars in major units of one currency; hidden from screen readers, which read the table beside it. */
function MoneyBars({ currency, ...props }: Pick<BarChartProps, 'data' | 'dataKey' | 'series'> & { currency: string }) {
  return <BarChart h={220} {...props} valueFormatter={(v) => formatMoney(Math.round(v * 10 ** currencyDigits(currency)), currency)} withLegend aria-hidden />;
}

export function PipelineChart({ d }: { d: Dashboard }) {
  const c = d.currency;
  const data = d.pipeline.map((s) => ({ stage: s.stageName, Total: major(amountOf(s.totals, c), c), Weighted: major(amountOf(s.weighted, c), c) }));
  const range = { from: d.from, to: d.to };
  return (
    <section className={classes.section} aria-label="Pipeline">
      <Title order={2} size="h4" mb="xs">
        Pipeline by stage
      </Title>
      <MoneyBars
        data={data}
        dataKey="stage"
        currency={c}
        series={[
          { name: 'Total', color: 'indigo.6' },
          { name: 'Weighted', color: 'teal.5' },
        ]}
      />
      <Table mt="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Jobs</Table.Th>
            <Table.Th>Total</Table.Th>
            <Table.Th>Weighted by probability</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.pipeline.map((s) => (
            <Table.Tr key={s.stageId}>
              <Table.Td>{s.stageName}</Table.Td>
              <Table.Td>
                <FigureLink href={recordsHref({ metric: 'pipeline', stageId: s.stageId, ...range })} label={`Jobs in ${s.stageName}: show records`}>
                  {formatCount(s.count)}
                </FigureLink>
              </Table.Td>
              <Table.Td>{moneyText(s.totals)}</Table.Td>
              <Table.Td>{moneyText(s.weighted)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function RevenueChart({ d }: { d: Dashboard }) {
  const c = d.currency;
  const rows = d.revenueByMonth.filter((r) => r.currency === c);
  const data = rows.map((r) => ({
    month: r.month,
    Won: major(r.wonMinor, c),
    Paid: major(r.paidMinor, c),
    'Won a year earlier': major(r.previousWonMinor, c),
    'Paid a year earlier': major(r.previousPaidMinor, c),
  }));
  const range = { from: d.from, to: d.to };
  const others = [...new Set(d.revenueByMonth.map((r) => r.currency))].filter((x) => x !== c);
  return (
    <section className={classes.section} aria-label="Revenue">
      <Title order={2} size="h4" mb="xs">
        Revenue per month ({c})
      </Title>
      <MoneyBars
        data={data}
        dataKey="month"
        currency={c}
        series={[
          { name: 'Won', color: 'indigo.6' },
          { name: 'Paid', color: 'teal.6' },
          { name: 'Won a year earlier', color: 'indigo.2' },
          { name: 'Paid a year earlier', color: 'teal.2' },
        ]}
      />
      <Table mt="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th>Won</Table.Th>
            <Table.Th>Paid</Table.Th>
            <Table.Th>Paid a year earlier</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.month}>
              <Table.Td>{r.month}</Table.Td>
              <Table.Td>
                <FigureLink href={recordsHref({ metric: 'wonJobs', month: r.month, currency: c, ...range })} label={`Won in ${r.month}: show records`}>
                  {formatMoney(r.wonMinor, c)}
                </FigureLink>
              </Table.Td>
              <Table.Td>
                <FigureLink href={recordsHref({ metric: 'paidJobs', month: r.month, currency: c, ...range })} label={`Paid in ${r.month}: show records`}>
                  {formatMoney(r.paidMinor, c)}
                </FigureLink>
              </Table.Td>
              <Table.Td>
                <FigureLink href={recordsHref({ metric: 'paidJobs', month: r.month, currency: c, previousYear: true, ...range })} label={`Paid a year before ${r.month}: show records`}>
                  {formatMoney(r.previousPaidMinor, c)}
                </FigureLink>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {others.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Also revenue in {others.join(', ')}: choose the currency above to see it. Currencies are never added together.
        </Text>
      )}
    </section>
  );
}
