// The lines of a draft quote: add from the catalogue, a free-text line or a heading; per line the description,
// quantity, unit, unit price, discount (% or amount), tax rate, optional, move up/down and remove. Each line is a
// labelled group ("Line 2"), so its fields are found by their own labels; after Add line, focus goes to the new
// line's description. Errors from the live pricing and from main show on the offending field.
import { Button, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconHeading, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { currencyDigits } from '../../../../shared/domain/money';
import { formatUnitPrice } from '../../../../shared/domain/quote-money';
import { formatRate } from '../../../../shared/domain/tax-rates';
import { useQuoteTaxRates } from '../../api/quotes';
import { ProductPicker, type PickedProduct } from '../products/panels';
import { LineRow, type LineActions, type LineField } from './LineRow';
import { blankHeading, blankItem, newKey, priceInMode, type DraftLine, type LineTax, type QuoteFormValues } from './quote-draft';

interface Props {
  form: UseFormReturnType<QuoteFormValues>;
  currency: string;
  /** The default tax rate as a line tax, for new lines (none when the settings name none). */
  defaultTaxes: LineTax[];
  /** Issue messages by on-screen path (`lines.2.quantityMilli`). */
  errors: Record<string, string>;
  amounts: Map<number, number>;
}

/** Which issue paths a typed field answers for. */
const ISSUE_FIELDS: Partial<Record<LineField, string[]>> = {
  text: ['text', 'description'],
  quantity: ['quantityMilli'],
  unit: ['unit'],
  unitPrice: ['unitPriceE4'],
  discountKind: ['discount.milliPct', 'discount.minor'],
  discount: ['discount.milliPct', 'discount.minor'],
};

/** The line's issues by field, as one string (the row is memoised on plain values). */
function lineErrors(errors: Record<string, string>, i: number): string {
  const prefix = `lines.${i}.`;
  const mine: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!path.startsWith(prefix) || !message) continue;
    const field = path.slice(prefix.length).split('.')[0]!;
    mine[field === 'description' ? 'text' : field] ??= message;
  }
  const keys = Object.keys(mine).sort();
  return keys.length ? JSON.stringify(Object.fromEntries(keys.map((k) => [k, mine[k]]))) : '';
}

export function LinesEditor({ form, currency, defaultTaxes, errors, amounts }: Props) {
  const focusKey = useRef<string | null>(null);
  const rates = useQuoteTaxRates();
  const lines = form.values.lines;

  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`line-${focusKey.current}-text`)?.focus();
    focusKey.current = null;
  }, [lines.length]);

  const add = (line: DraftLine) => {
    focusKey.current = line.key;
    form.insertListItem('lines', line);
  };

  const addProduct = (p: PickedProduct) => {
    const rate = rates.data?.items.find((r) => r.id === p.taxRateId);
    const taxes = rate ? [{ taxRateId: rate.id, rateMilli: rate.rateMilli, label: rate.name }] : defaultTaxes;
    const rateMilli = taxes[0]?.rateMilli ?? 0;
    const price = priceInMode(p.unitPriceE4, p.priceIncludesTax, rateMilli, form.values.pricesIncludeTax);
    if (price !== p.unitPriceE4) {
      notifications.show({ title: 'Price converted', message: `${p.name}: the catalogue price ${p.priceIncludesTax ? 'includes' : 'excludes'} VAT, so it was converted at ${formatRate(rateMilli)} to match this quote.` });
    }
    add({ ...blankItem(taxes), key: newKey(), productId: p.id, text: p.description?.trim() ? `${p.name}\n${p.description}` : p.name, unit: p.unit ?? '', unitPrice: formatUnitPrice(price, currencyDigits(currency)) });
  };

  const { setFieldValue, removeListItem, reorderListItem, clearFieldError } = form;
  const actions = useMemo<LineActions>(
    () => ({
      set(i, field, value) {
        setFieldValue(`lines.${i}.${field}`, value);
        // Issues are kept under the contract's names (main's too): typing in the field clears its own.
        for (const issue of ISSUE_FIELDS[field] ?? []) clearFieldError(`lines.${i}.${issue}`);
      },
      setTax(i, r) {
        setFieldValue(`lines.${i}.taxes`, [{ taxRateId: r.id, rateMilli: r.rateMilli, label: r.name }]);
        clearFieldError(`lines.${i}.taxes`);
      },
      remove: (i) => removeListItem('lines', i),
      move: (from, to) => reorderListItem('lines', { from, to }),
    }),
    [setFieldValue, removeListItem, reorderListItem, clearFieldError],
  );

  return (
    <Stack gap="sm" component="section" aria-label="Lines">
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          No lines yet. Add one from the catalogue, a free-text line, or a heading to group lines.
        </Text>
      )}
      {errors.lines && (
        <Text size="sm" c="red">
          {errors.lines}
        </Text>
      )}
      {lines.map((line, i) => (
        <LineRow
          key={line.key}
          lineKey={line.key}
          index={i}
          last={i === lines.length - 1}
          kind={line.kind}
          text={line.text}
          quantity={line.quantity}
          unit={line.unit}
          unitPrice={line.unitPrice}
          discountKind={line.discountKind}
          discount={line.discount}
          optional={line.optional}
          taxRateId={line.taxes[0]?.taxRateId ?? null}
          currency={currency}
          amount={amounts.get(i)}
          errorText={lineErrors(errors, i)}
          actions={actions}
        />
      ))}
      {lines.length > 0 && !lines.some((l) => l.kind === 'item') && (
        <Text size="xs" c="dimmed">
          Headings group lines; add a line to price something.
        </Text>
      )}
      <Group gap="xs" align="flex-end">
        <div style={{ width: 340 }}>
          <ProductPicker currency={currency} onPick={addProduct} label="Add from catalogue" />
        </div>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => add(blankItem(defaultTaxes))}>
          Add line
        </Button>
        <Button variant="default" leftSection={<IconHeading size={16} />} onClick={() => add(blankHeading())}>
          Add heading
        </Button>
      </Group>
    </Stack>
  );
}
