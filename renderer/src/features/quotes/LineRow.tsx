// One line of the builder: a heading, or an item's description, quantity, unit, unit price, amount, discount, tax
// rate and Optional, with move up/down and remove. Memoised on plain values: the form clones every value on each
// keystroke, so a row re-renders only when its own fields, errors or amount change, and typing stays quick on a
// quote of many lines.
import { ActionIcon, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import type { TaxRate } from '../../../../shared/domain/product';
import { formatMoney } from '../../../../shared/domain/money';
import { TaxRatePicker } from '../products/panels';
import type { DiscountKind, DraftLine } from './quote-draft';
import { DISCOUNT_KINDS } from './quote-text';

export type LineField = 'text' | 'quantity' | 'unit' | 'unitPrice' | 'discountKind' | 'discount' | 'optional';

export interface LineActions {
  set(index: number, field: LineField, value: string | boolean): void;
  setTax(index: number, rate: TaxRate): void;
  remove(index: number): void;
  move(from: number, to: number): void;
}

type Props = Pick<DraftLine, 'kind' | 'text' | 'quantity' | 'unit' | 'unitPrice' | 'discountKind' | 'discount' | 'optional'> & {
  /** The line's stable key (React's own `key` prop cannot be read): the description's id for focus. */
  lineKey: string;
  index: number;
  last: boolean;
  taxRateId: string | null;
  currency: string;
  amount: number | undefined;
  /** Messages by the field (`quantityMilli`, `unitPriceE4`, `text`, `discount`, `taxes`), joined for memo. */
  errorText: string;
  actions: LineActions;
};

const errorsOf = (text: string): Record<string, string> => (text ? (JSON.parse(text) as Record<string, string>) : {});

export const LineRow = memo(function LineRow(p: Props) {
  const { index: i, actions } = p;
  const err = errorsOf(p.errorText);
  const name = p.kind === 'heading' ? `Heading ${i + 1}` : `Line ${i + 1}`;
  const input = (field: LineField) => (event: { currentTarget: { value: string } }) => actions.set(i, field, event.currentTarget.value);
  const tools = (
    <Group gap={4} wrap="nowrap">
      <Tooltip label="Move up">
        <ActionIcon variant="subtle" aria-label={`Move ${name.toLowerCase()} up`} disabled={i === 0} onClick={() => actions.move(i, i - 1)}>
          <IconArrowUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down">
        <ActionIcon variant="subtle" aria-label={`Move ${name.toLowerCase()} down`} disabled={p.last} onClick={() => actions.move(i, i + 1)}>
          <IconArrowDown size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove">
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name.toLowerCase()}`} onClick={() => actions.remove(i)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
  if (p.kind === 'heading') {
    return (
      <Paper withBorder p="xs" bg="var(--mantine-color-gray-light)" role="group" aria-label={name}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput id={`line-${p.lineKey}-text`} label="Heading" style={{ flex: 1 }} value={p.text} onChange={input('text')} error={err.text} />
          {tools}
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xs" role="group" aria-label={name}>
      <Stack gap="xs">
        <Group align="flex-start" wrap="nowrap" gap="xs">
          <Textarea id={`line-${p.lineKey}-text`} label="Description" autosize minRows={1} maxRows={6} style={{ flex: 1 }} value={p.text} onChange={input('text')} error={err.text} />
          <TextInput label="Quantity" inputMode="decimal" w={90} value={p.quantity} onChange={input('quantity')} error={err.quantityMilli} />
          <TextInput label="Unit" placeholder="hour" w={90} value={p.unit} onChange={input('unit')} error={err.unit} />
          <TextInput label="Unit price" inputMode="decimal" w={120} value={p.unitPrice} onChange={input('unitPrice')} error={err.unitPriceE4} />
          <Stack gap={4} w={110} align="flex-end">
            <Text size="sm" fw={500}>
              Amount
            </Text>
            <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={`Amount of line ${i + 1}`} pt={6}>
              {p.amount === undefined ? '—' : formatMoney(p.amount, p.currency)}
            </Text>
          </Stack>
        </Group>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select label="Discount" data={DISCOUNT_KINDS} allowDeselect={false} w={130} value={p.discountKind} onChange={(v) => actions.set(i, 'discountKind', (v ?? 'none') as DiscountKind)} />
          {p.discountKind !== 'none' && (
            <TextInput label={p.discountKind === 'percent' ? 'Discount %' : 'Discount amount'} inputMode="decimal" w={120} value={p.discount} onChange={input('discount')} error={err.discount} />
          )}
          <div style={{ width: 220 }}>
            <TaxRatePicker label="Tax rate" value={p.taxRateId} onChange={(r) => actions.setTax(i, r)} {...(err.taxes ? { error: err.taxes } : {})} />
          </div>
          <Checkbox label="Optional (the client may choose it)" mb={8} checked={p.optional} onChange={(e) => actions.set(i, 'optional', e.currentTarget.checked)} />
          <div style={{ marginLeft: 'auto' }}>{tools}</div>
        </Group>
      </Stack>
    </Paper>
  );
});
