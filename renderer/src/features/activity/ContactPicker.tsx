// Picks a contact by typing a fragment of the name: main searches, so it works with any number of contacts.
import { Select } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useContactOptions } from '../../api/activities';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The prefilled contact's name, so it shows before any search has run. */
  initialName?: string;
  error?: ReactNode;
  autoFocus?: boolean;
}

export function ContactPicker({ value, onChange, initialName, error, autoFocus }: Props) {
  const [selected, setSelected] = useState(value && initialName ? { value, label: initialName } : null);
  const [search, setSearch] = useState(selected?.label ?? '');
  // Once someone is picked the box shows their name; that is not a new search.
  const options = useContactOptions(selected && search === selected.label ? '' : search);
  const data = (options.data?.items ?? []).map((c) => ({ value: c.id, label: c.companyName ? `${c.displayName} (${c.companyName})` : c.displayName }));
  if (selected && !data.some((d) => d.value === selected.value)) data.unshift(selected);

  return (
    <Select
      label="Contact"
      placeholder="Type a name…"
      required
      searchable
      data={data}
      value={value}
      onChange={(id, option) => {
        setSelected(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isFetching ? 'Searching…' : 'Nobody by that name'}
      error={error}
      data-autofocus={autoFocus || undefined}
      autoSelectOnBlur
    />
  );
}
