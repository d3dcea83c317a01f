// The quick log's contact field: required, labelled, and focused first when no contact is prefilled.
import type { ReactNode } from 'react';
import { ContactSelect } from '../../ui/ContactSelect';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The prefilled contact's name, so it shows before any search has run. */
  initialName?: string;
  error?: ReactNode;
  autoFocus?: boolean;
  /** Editing a logged activity: it stays with its contact. */
  disabled?: boolean;
}

export function ContactPicker({ value, onChange, initialName, error, autoFocus, disabled }: Props) {
  return (
    <ContactSelect
      label="Contact"
      placeholder="Type a name…"
      required
      value={value}
      onChange={onChange}
      currentName={initialName ?? null}
      error={error}
      data-autofocus={autoFocus || undefined}
      autoSelectOnBlur
      disabled={disabled}
    />
  );
}
