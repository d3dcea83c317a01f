// Choose a catalogue item for a quote line: a searchable list of the active products and services, each with its
// price. A product priced in another currency than the quote's is shown but cannot be picked (its price would be
// wrong). onPick gives the whole product; the box empties again for the next one.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Product } from '../../../../shared/domain/product';
import { useProductList } from '../../api/products';
import { formatPrice } from './catalogue-text';

export type PickedProduct = Product;

interface Props {
  currency: string;
  onPick: (product: PickedProduct) => void;
  label?: string;
}

export function ProductPicker({ currency, onPick, label = 'Add from catalogue' }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const list = useProductList({ ...(debounced.trim() ? { query: debounced.trim() } : {}), includeInactive: false, limit: 100 });
  const products = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Select
      label={label}
      placeholder="Search products and services"
      searchable
      clearable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      // Main searches (name, code, description, category); the box shows what it found.
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? 'Searching…' : 'Nothing in the catalogue matches: add it under Catalogue'}
      data={products.map((p) => ({
        value: p.id,
        label: `${p.name}${p.code ? ` (${p.code})` : ''} — ${formatPrice(p.unitPriceE4, p.currency)}${p.unit ? ` / ${p.unit}` : ''}`,
        disabled: p.currency !== currency,
      }))}
      onChange={(id) => {
        const product = products.find((p) => p.id === id);
        if (!product) return;
        onPick(product);
        // After the Select has put the picked label in the box: empty it for the next pick.
        setTimeout(() => setSearch(''), 0);
      }}
    />
  );
}
