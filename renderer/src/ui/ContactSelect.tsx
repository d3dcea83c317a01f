// The one contact picker: type a fragment of a name and main searches, so it works with any number of
// contacts. Required or clearable, labelled or not, as the form using it says (quick log, jobs, appointments).
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useContactOptions } from '../api/contacts';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The current contact's name, so the field shows it before any search has run. */
  currentName?: string | null;
}

export function ContactSelect({ value, onChange, currentName, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(value && currentName ? { value, label: currentName } : null);
  // Once someone is picked the box shows their name; that is not a new search.
  const { data, isFetching } = useContactOptions(picked && debounced === picked.label ? '' : debounced);
  const options = (data?.items ?? []).map((c) => ({ value: c.id, label: c.companyName ? `${c.displayName} (${c.companyName})` : c.displayName }));
  if (value && picked?.value === value && !options.some((o) => o.value === value)) options.unshift(picked);

  return (
    <Select
      searchable
      clearable
      data={options}
      value={value}
      onChange={(id, option) => {
        setPicked(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={isFetching ? 'Searching…' : 'Nobody by that name'}
      {...rest}
    />
  );
}
