// The request log on the Privacy page (issue #21): who asked, for what, when it came in and when the answer is due
// (overdue ones stand out), its state, and "Update…" to extend it or mark it answered. "New request" adds one.
import { Badge, Button, Group, Loader, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'wouter';
import type { RequestListItem } from '../../../../shared/domain/privacy';
import { usePrivacyRequests } from '../../api/privacy';
import { Empty } from '../../ui/Empty';
import { NewRequestModal } from './NewRequestModal';
import { day, KIND_SHORT, STATUS_LABELS, today } from './privacy-text';
import { UpdateRequestModal } from './UpdateRequestModal';

type Show = 'open' | 'all';

const who = (r: RequestListItem) => r.contactName ?? r.requester ?? 'Someone no longer in Rapport';

export function RequestsSection() {
  const [show, setShow] = useState<Show>('open');
  const list = usePrivacyRequests(show === 'open' ? { status: 'open' } : {});
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<RequestListItem | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const now = today();

  return (
    <section aria-labelledby="privacy-requests-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="privacy-requests-title">
          Requests
        </Title>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label="Which requests"
            data={[
              { value: 'open', label: 'Open' },
              { value: 'all', label: 'All' },
            ]}
            value={show}
            onChange={(s) => setShow(s as Show)}
          />
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            New request
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        When someone asks what you hold about them, to correct it or to be forgotten, you have one month to answer (up to two more with a reason).
      </Text>
      {list.isPending && <Loader size="sm" aria-label="Loading the requests" />}
      {list.isError && <Text size="sm">The requests could not be loaded.</Text>}
      {list.data && items.length === 0 && (
        <Empty title={show === 'open' ? 'No open requests' : 'No requests yet'} description="Record one with “New request” when someone asks about their data." />
      )}
      {items.length > 0 && (
        <Table aria-label="Requests" striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Who</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Received</Table.Th>
              <Table.Th>Answer by</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th w={1} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => {
              const overdue = r.status === 'open' && r.dueOn < now;
              const name = who(r);
              return (
                <Table.Tr key={r.id} data-focus-row={r.id}>
                  <Table.Td>{r.contactId ? <Link href={`/contacts/${r.contactId}`}>{name}</Link> : name}</Table.Td>
                  <Table.Td>{KIND_SHORT[r.kind]}</Table.Td>
                  <Table.Td>{day(r.receivedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 700 : undefined}>
                      {day(r.dueOn)}
                      {overdue && ' (overdue)'}
                      {r.extendedTo && !overdue && ' (extended)'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={overdue ? 'red' : r.status === 'open' ? 'blue' : 'gray'}>
                      {overdue ? 'Overdue' : STATUS_LABELS[r.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" aria-label={`Update the ${KIND_SHORT[r.kind].toLowerCase()} request from ${name}`} onClick={() => setEditing(r)}>
                      Update…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button mt="sm" variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show more
        </Button>
      )}
      <NewRequestModal opened={adding} onClose={() => setAdding(false)} />
      <UpdateRequestModal request={editing} who={editing ? who(editing) : ''} onClose={() => setEditing(null)} />
    </section>
  );
}
