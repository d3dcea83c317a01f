// Choose the tax rate of a line or a product: the active rates ("VAT 20%", "QST 9.975%"), plus the one already
// chosen if it has since been hidden or ended, so an old line still shows what it used. onChange gives the whole rate.
import { Select } from '@mantine/core';
import type { TaxRate } from '../../../../shared/domain/product';
import { useTaxRates } from '../../api/products';
import { rateLabel } from './catalogue-text';

interface Props {
  value: string | null;
  onChange: (rate: TaxRate) => void;
  label?: string;
  error?: string;
  /** Offers "no rate": the picker's clear button calls this (a product may have no rate of its own). */
  onClear?: () => void;
}

export function TaxRatePicker({ value, onChange, label = 'Tax rate', error, onClear }: Props) {
  const rates = useTaxRates(true);
  const items = (rates.data?.items ?? []).filter((r) => r.active || r.id === value);
  return (
    <Select
      label={label}
      placeholder={onClear ? 'No tax rate' : 'Choose a tax rate'}
      data={items.map((r) => ({ value: r.id, label: r.active ? rateLabel(r) : `${rateLabel(r)} (no longer offered)` }))}
      value={value}
      clearable={!!onClear}
      allowDeselect={false}
      searchable
      nothingFoundMessage="No such rate: add it under Catalogue → Tax rates"
      onChange={(id) => {
        const rate = items.find((r) => r.id === id);
        if (rate) onChange(rate);
        else if (id === null) onClear?.();
      }}
      error={error}
    />
  );
}
