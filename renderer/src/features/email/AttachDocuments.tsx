// "Attach document" on the compose page: a dialog listing the documents kept with a recipient contact (or
// all documents), searchable by name, each attached with one click. Only the document's id is sent; main
// reads its bytes at Send time. Linked folders and links whose file has moved cannot be attached, and say so.
import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileText, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatBytes } from '../../../../shared/domain/text';
import { useDocumentList, type DocumentRow } from '../../api/documents';

/** A document chosen for this email, as kept in the draft. */
export interface ChosenDocument {
  id: string;
  name: string;
}

const ALL = 'all';

interface Props {
  /** The recipient contacts, "Name <address>" by id; the first one's documents are shown first. */
  contacts: { id: string; label: string }[];
  chosen: readonly ChosenDocument[];
  onAttach: (doc: ChosenDocument) => void;
}

export function AttachDocuments({ contacts, chosen, onAttach }: Props) {
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="default" leftSection={<IconFileText size={16} />} onClick={open}>
        Attach document
      </Button>
      <Modal opened={opened} onClose={close} title="Attach a document" size="lg">
        {opened && <DocumentChooser contacts={contacts} chosen={chosen} onAttach={onAttach} />}
      </Modal>
    </>
  );
}

function unavailable(doc: DocumentRow): string | null {
  if (doc.isFolder) return 'A folder: only files can be attached';
  if (doc.linkState === 'missing') return 'Moved or deleted since it was linked';
  return null;
}

function DocumentChooser({ contacts, chosen, onAttach }: Props) {
  const [owner, setOwner] = useState<string>(contacts[0]?.id ?? ALL);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const list = useDocumentList({ ...(owner === ALL ? {} : { contactId: owner }), ...(query ? { query } : {}), sort: 'name', trashed: false, limit: 50 });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const ownerLabel = contacts.find((c) => c.id === owner)?.label.replace(/ <.*>$/, '');

  return (
    <Stack gap="sm">
      <Group grow align="flex-end">
        <Select
          label="Documents of"
          allowDeselect={false}
          data={[...contacts.map((c) => ({ value: c.id, label: c.label })), { value: ALL, label: 'All documents' }]}
          value={owner}
          onChange={(v) => setOwner(v ?? ALL)}
        />
        <TextInput label="Search" placeholder="Name of the document" leftSection={<IconSearch size={14} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
      </Group>
      <Stack gap={4} aria-label="Documents" role="list">
        {items.length === 0 && !list.isPending && (
          <Text size="sm" c="dimmed">
            {query
              ? 'No document matches that name.'
              : owner === ALL
                ? 'No documents yet. Add them on a contact’s page under Documents, then attach them here.'
                : `${ownerLabel ?? 'This contact'} has no documents yet. Add them on their page under Documents, or choose “All documents”.`}
          </Text>
        )}
        {items.map((doc) => {
          const reason = unavailable(doc);
          const attached = chosen.some((c) => c.id === doc.id);
          return (
            <Group key={doc.id} justify="space-between" wrap="nowrap" role="listitem" p={4}>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {doc.name}
                </Text>
                <Text size="xs" c={reason ? 'orange' : 'dimmed'}>
                  {reason ?? [formatBytes(doc.size), doc.mode === 'link' ? 'linked file' : null].filter(Boolean).join(' · ')}
                </Text>
              </div>
              {attached ? (
                <Badge variant="light">Attached</Badge>
              ) : (
                <Button size="xs" variant="light" disabled={reason !== null} aria-label={`Attach ${doc.name}`} onClick={() => onAttach({ id: doc.id, name: doc.name })}>
                  Attach
                </Button>
              )}
            </Group>
          );
        })}
        {list.hasNextPage && (
          <Button variant="subtle" size="xs" w="fit-content" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show more
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
