// The campaign's purpose (issue #21): a campaign sends only to people who consented to it, so it is chosen from the
// email purposes, the newsletter first and by default.
import { Select, type SelectProps } from '@mantine/core';
import { useEffect } from 'react';
import { NEWSLETTER_PURPOSE_KEY } from '../../../../shared/domain/consent';
import { usePurposes } from '../../api/consent';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (purposeId: string | null) => void;
}

export function PurposePicker({ value, onChange, ...rest }: Props) {
  const purposes = usePurposes();
  const email = (purposes.data?.items ?? []).filter((p) => !p.archived && (p.channel === 'email' || p.channel === 'any'));
  const fallback = email.find((p) => p.key === NEWSLETTER_PURPOSE_KEY)?.id ?? email[0]?.id ?? null;
  // Starts on the newsletter once the purposes are known.
  useEffect(() => {
    if (value === null && fallback !== null) onChange(fallback);
  }, [value, fallback, onChange]);
  return (
    <Select
      label="Purpose"
      allowDeselect={false}
      data={email.map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={onChange}
      {...rest}
    />
  );
}
