// Recipients as tags: type a name to pick a contact (shown "Name <address>"), or type any address and
// press Enter. Picked contacts are sent as contact ids so the email is filed on their timeline.
import { TagsInput, type TagsInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Recipient } from '../../../../shared/domain/email';
import { useContactOptions } from '../../api/contacts';

/** label -> contact id, shared by the To, Cc and Bcc fields of one form. */
export type ContactLabels = Map<string, string>;

export const labelFor = (name: string, address: string) => `${name} <${address}>`;

/** "Siobhan O'Neill <siobhan@example.com>": the name (anything, quotes included) and the address in angle brackets. */
const NAMED = /^[^<>]*<([^<>\s]+)>$/;

export function toRecipients(values: readonly string[], labels: ContactLabels): Recipient[] {
  return values.map((v) => {
    const contactId = labels.get(v);
    if (contactId) return { contactId };
    // A "Name <address>" whose contact this window has not looked up (a draft restored after leaving the page, a
    // pasted recipient) goes by its address alone; main finds the contact by it again and files the email there.
    const named = NAMED.exec(v.trim());
    return { address: named ? named[1]! : v.trim() };
  });
}

interface Props extends Omit<TagsInputProps, 'data' | 'value' | 'onChange'> {
  value: string[];
  onChange: (value: string[]) => void;
  labels: ContactLabels;
}

export function RecipientsInput({ value, onChange, labels, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const { data } = useContactOptions(debounced.includes('@') ? '' : debounced);
  const options = (data?.items ?? [])
    .filter((c) => c.emails[0])
    .map((c) => {
      const label = labelFor(c.displayName, c.emails[0]!.value);
      labels.set(label, c.id);
      return label;
    });
  return (
    <TagsInput
      data={debounced.trim() ? options : []}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      splitChars={[',', ';']}
      acceptValueOnBlur
      clearable
      {...rest}
    />
  );
}
