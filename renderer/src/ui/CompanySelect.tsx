// The one company picker, beside the contact picker: type part of a name and main searches, so it works with any
// number of companies (contact and job forms). Imports api/ only, never a feature.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCompanyOptions } from '../api/companies';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The current company's name, so the field shows it before any search has run. */
  currentName?: string | null;
}

export function CompanySelect({ value, onChange, currentName, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const { data, isFetching } = useCompanyOptions(debounced);
  const options = (data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });

  return (
    <Select
      searchable
      clearable
      data={options}
      value={value}
      onChange={(id) => onChange(id)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={isFetching ? 'Searching…' : 'No company by that name'}
      {...rest}
    />
  );
}
