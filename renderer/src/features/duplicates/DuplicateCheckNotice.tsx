// "Looks like Robert Smith (same mobile)" under a contact or company form's title while the user types (issue #20):
// a hint with a link to the record and "Not the same person". It never blocks saving; a failed check shows nothing.
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { DuplicateKind } from '../../../../shared/domain/duplicates';
import { type DuplicateCheckRequest, useDismissDuplicates, useDuplicateCheck } from '../../api/duplicates';
import { type CheckFields, checkInput, sameCheck } from './check-input';

interface Props {
  kind: DuplicateKind;
  /** What the form holds now. */
  fields: CheckFields;
  /** The record being edited: never matched with itself, and "Not the same person" is remembered for the pair. */
  id?: string | undefined;
}

/** Waits this long after the last keystroke, so typing a name asks once, not once per letter. */
const DEBOUNCE_MS = 300;
/** More than a few hints is noise: the duplicates view lists everything. */
const MAX_SHOWN = 3;

export function DuplicateCheckNotice({ kind, fields, id }: Props) {
  const current = checkInput(kind, fields, id);
  // An edited record is asked about only once what identifies it changes: its known duplicates are the view's job.
  const [loaded] = useState<DuplicateCheckRequest | null>(() => (id ? current : null));
  const asked = id && sameCheck(current, loaded) ? null : current;
  const [debounced] = useDebouncedValue(JSON.stringify(asked), DEBOUNCE_MS);
  const request = useMemo(() => JSON.parse(debounced) as DuplicateCheckRequest | null, [debounced]);
  const check = useDuplicateCheck(request);
  const dismiss = useDismissDuplicates();
  const [notSame, setNotSame] = useState<ReadonlySet<string>>(new Set());
  const href = (matchId: string) => `/${kind === 'contact' ? 'contacts' : 'companies'}/${matchId}`;

  const matches = request ? (check.data ?? []).filter((m) => !notSame.has(m.id)).slice(0, MAX_SHOWN) : [];
  if (matches.length === 0) return null;

  const markNotSame = (matchId: string) => {
    setNotSame((s) => new Set([...s, matchId]));
    // For a record that exists the answer is kept: the pair is never suggested again, here or in the view.
    if (id) dismiss.mutate({ kind, ids: [id, matchId] });
  };

  return (
    <Alert color="yellow" variant="light" icon={<IconCopy size={18} />} role="status" aria-label="Possible duplicate" p="sm">
      <Stack gap={6}>
        {matches.map((m) => (
          <Group key={m.id} justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              Looks like{' '}
              <Anchor component={Link} href={href(m.id)} size="sm" fw={600}>
                {m.displayName}
              </Anchor>
              {m.reasons.length > 0 && ` (${m.reasons.map((r) => r.text).join(', ')})`}
              {' — open '}
              {kind === 'contact' ? 'their record' : 'it'}?
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button size="compact-sm" variant="light" component={Link} href={href(m.id)} aria-label={`Open ${m.displayName}`}>
                Open
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => markNotSame(m.id)} aria-label={`Not the same as ${m.displayName}`}>
                {kind === 'contact' ? 'Not the same person' : 'Not the same company'}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
