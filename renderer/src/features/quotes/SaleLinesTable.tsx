// A quote's or invoice's stored lines, read-only: headings, then each line's description (optional lines marked,
// and whether the client chose them once accepted), quantity and unit, unit price, discount, tax and amount as main
// priced them. Uncounted lines are dimmed: they are listed but add nothing.
import { Badge, Table } from '@mantine/core';
import type { Line } from '../../../../shared/domain/quote';
import { currencyDigits, formatMoney, minorToDecimal } from '../../../../shared/domain/money';
import { formatUnitPrice } from '../../../../shared/domain/quote-money';
import { formatRate } from '../../../../shared/domain/tax-rates';
import { milliText } from './quote-draft';

export function SaleLinesTable({ lines, currency, accepted }: { lines: readonly Line[]; currency: string; accepted: boolean }) {
  const money = (minor: number | null) => (minor === null ? '' : formatMoney(minor, currency));
  return (
    <Table striped withTableBorder aria-label="Lines" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Description</Table.Th>
          <Table.Th w={90} ta="right">Quantity</Table.Th>
          <Table.Th w={120} ta="right">Unit price</Table.Th>
          <Table.Th w={100} ta="right">Discount</Table.Th>
          <Table.Th w={90} ta="right">VAT</Table.Th>
          <Table.Th w={120} ta="right">Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) =>
          l.kind === 'heading' ? (
            <Table.Tr key={l.id}>
              <Table.Td colSpan={6} fw={700}>
                {l.text}
              </Table.Td>
            </Table.Tr>
          ) : (
            <Table.Tr key={l.id} c={l.counted ? undefined : 'dimmed'}>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                {l.description}
                {l.optional && (
                  <Badge ml="xs" size="sm" variant="light" color={l.chosen ? 'green' : 'gray'}>
                    {accepted ? (l.chosen ? 'Optional: chosen' : 'Optional: not chosen') : 'Optional'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {l.quantityMilli === null ? '' : milliText(l.quantityMilli)} {l.unit ?? ''}
              </Table.Td>
              <Table.Td ta="right">{l.unitPriceE4 === null ? '' : formatUnitPrice(l.unitPriceE4, currencyDigits(currency))}</Table.Td>
              <Table.Td ta="right">{!l.discount ? '' : l.discount.kind === 'percent' ? `${milliText(l.discount.milliPct)}%` : minorToDecimal(l.discount.minor, currency)}</Table.Td>
              <Table.Td ta="right">{l.taxes.map((t) => formatRate(t.rateMilli)).join(' + ')}</Table.Td>
              <Table.Td ta="right">{money(l.amountMinor)}</Table.Td>
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}
