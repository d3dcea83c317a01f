// The totals of a quote: lines total, discounts, net, the VAT summary per rate, VAT total, grand total and the
// rounding rule in small type. The builder passes what priceDocument made of the form as typed (live); a sent quote
// passes its stored totals. Both come from the same function, so the screen and the PDF agree to the penny.
import { Paper, Stack, Table, Text } from '@mantine/core';
import type { StoredTotals } from '../../../../shared/domain/quote';
import { formatMoney } from '../../../../shared/domain/money';
import { formatRate } from '../../../../shared/domain/tax-rates';

interface Props {
  totals: StoredTotals | null;
  currency: string;
  pricesIncludeTax: boolean;
  /** Lines left out until what was typed on them is fixed (the builder only). */
  skipped?: number;
}

/** A row of a table, so a screen reader reads "Net, £1,024.50" together. */
function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Table.Tr style={strong ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
      <Table.Th scope="row" fw={strong ? 700 : 400} px={0}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={strong ? 700 : undefined} fz={strong ? 'md' : 'sm'} px={0} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}

export function TotalsPanel({ totals, currency, pricesIncludeTax, skipped = 0 }: Props) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Paper withBorder p="md" component="section" aria-label="Totals">
      <Stack gap={6}>
        <Text fw={600}>Totals</Text>
        {!totals ? (
          <Text size="sm" c="red">
            The totals cannot be worked out until the lines marked in red are fixed.
          </Text>
        ) : (
          <>
            <Table verticalSpacing={4} fz="sm" withRowBorders={false} aria-label="Totals of the quote">
              <Table.Tbody>
                <Row label={pricesIncludeTax ? 'Lines total (incl. VAT)' : 'Lines total'} value={money(totals.linesTotalMinor)} />
                {totals.discountTotalMinor !== 0 && <Row label="Discounts" value={`−${money(totals.discountTotalMinor)}`} />}
                <Row label="Net" value={money(totals.netTotalMinor)} />
                {totals.taxSummary.map((t) => (
                  <Row key={t.key} label={`${t.label || `VAT ${formatRate(t.rateMilli)}`} on ${money(t.netMinor)}`} value={money(t.taxMinor)} />
                ))}
                <Row label="VAT total" value={money(totals.taxTotalMinor)} />
                <Row label="Total" value={money(totals.grandTotalMinor)} strong />
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {totals.roundingNote}
            </Text>
          </>
        )}
        {skipped > 0 && (
          <Text size="xs" c="red">
            {skipped === 1 ? 'One line is' : `${skipped} lines are`} left out until fixed.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
