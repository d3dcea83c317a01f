// The "Consent" section of a contact's page (issue #21): for each purpose, whether they gave or withdrew consent (or
// were never asked), on which basis, since when and how; "Record consent…" appends to the ledger, and "History"
// shows the ledger newest first with the words they agreed to and the evidence. The state is derived from the
// ledger by main; nothing here edits it.
import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconShieldCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ConsentAction, ConsentState } from '../../../../shared/domain/consent';
import { useConsentHistory, usePurposes } from '../../api/consent';
import { NoValue } from '../../ui/KeyFacts';
import { ConsentHistoryTable } from './ConsentHistoryTable';
import { BASIS_LABELS, SOURCE_LABELS, STATUS_LABELS, when } from './consent-text';
import { RecordConsentModal } from './RecordConsentModal';

interface Props {
  contactId: string;
  name: string;
  readOnly?: boolean;
  /** Other privacy actions for this person (export, erase), shown in the section's heading row. */
  actions?: ReactNode;
}

const STATUS_COLORS: Record<ConsentState['status'], string> = { given: 'teal', withdrawn: 'red', none: 'gray' };

export function ConsentPanel({ contactId, name, readOnly = false, actions }: Props) {
  const history = useConsentHistory(contactId);
  const purposes = usePurposes();
  const [recording, setRecording] = useState<{ purposeId: string | null; action: ConsentAction } | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const all = purposes.data?.items ?? [];
  const active = all.filter((p) => !p.archived);
  const purposeName = (id: string) => all.find((p) => p.id === id)?.name ?? 'A removed purpose';
  const states = history.data?.states ?? [];
  const events = history.data?.events ?? [];

  return (
    <section aria-labelledby="consent-title">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="consent-title">
          Consent and privacy
        </Title>
        <Group gap="xs">
          {!readOnly && (
            <Button size="xs" variant="light" leftSection={<IconShieldCheck size={16} />} disabled={active.length === 0} onClick={() => setRecording({ purposeId: null, action: 'given' })}>
              Record consent…
            </Button>
          )}
          {actions}
        </Group>
      </Group>
      {history.isError && (
        <Text size="sm" c="dimmed" mt="sm">
          Consent could not be loaded.
        </Text>
      )}
      {states.length > 0 && (
        <Table mt="sm" aria-label={`Consent of ${name}`} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>Consent</Table.Th>
              <Table.Th>Basis</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th>How</Table.Th>
              {!readOnly && <Table.Th w={1} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {states.map((s) => {
              const purpose = purposeName(s.purposeId);
              const archived = all.find((p) => p.id === s.purposeId)?.archived ?? true;
              return (
                <Table.Tr key={s.purposeId}>
                  <Table.Td>{purpose}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[s.status]}>
                      {STATUS_LABELS[s.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.basis ? BASIS_LABELS[s.basis] : <NoValue>—</NoValue>}</Table.Td>
                  <Table.Td>{s.since ? when(s.since) : <NoValue>—</NoValue>}</Table.Td>
                  <Table.Td>{s.source ? SOURCE_LABELS[s.source] : <NoValue>—</NoValue>}</Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      {!archived && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color={s.status === 'given' ? 'red' : 'teal'}
                          aria-label={s.status === 'given' ? `Withdraw ${purpose}` : `Record consent to ${purpose}`}
                          onClick={() => setRecording({ purposeId: s.purposeId, action: s.status === 'given' ? 'withdrawn' : 'given' })}
                        >
                          {s.status === 'given' ? 'Withdraw…' : 'Record…'}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="xs" gap="xs">
        <Button
          size="compact-sm"
          variant="subtle"
          aria-expanded={showHistory}
          leftSection={showHistory ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          onClick={() => setShowHistory((s) => !s)}
        >
          History ({events.length})
        </Button>
      </Group>
      {showHistory && (events.length === 0 ? <Text size="sm" c="dimmed">Nothing recorded for {name} yet.</Text> : <ConsentHistoryTable events={events} purposeName={purposeName} name={name} />)}
      {!readOnly && <RecordConsentModal contactId={contactId} contactName={name} purposes={active} start={recording} onClose={() => setRecording(null)} />}
    </section>
  );
}
