// A table of documents: name, type, size, date added and note, sortable by clicking a column heading (the
// list is sorted by the backend, so paging stays right), with each row's actions in a menu.
import { ActionIcon, Badge, Group, Menu, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots, IconExternalLink, IconEye, IconFolderOpen, IconLink, IconPencil, IconTrash } from '@tabler/icons-react';
import type { DocumentRow } from '../../api/documents';
import { canPreview, formatSize, typeLabel } from './format';

export type SortKey = 'createdAt' | 'name' | 'size' | 'type';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}
/** The direction a column sorts in first: newest and largest first, names and types A to Z. */
export const NATURAL: Record<SortKey, 'asc' | 'desc'> = { createdAt: 'desc', name: 'asc', size: 'desc', type: 'asc' };

interface Props {
  items: readonly DocumentRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  onShow: (doc: DocumentRow) => void;
  onOpen: (doc: DocumentRow) => void;
  onReveal: (doc: DocumentRow) => void;
  onRename: (doc: DocumentRow) => void;
  onTrash: (doc: DocumentRow) => void;
  /** The global page shows which records each document belongs to. */
  showLinks?: boolean;
  readOnly?: boolean;
  label: string;
}

export function DocumentTable({ items, sort, onSort, onShow, onOpen, onReveal, onRename, onTrash, showLinks, readOnly, label }: Props) {
  const heading = (key: SortKey, text: string) => {
    const active = sort.key === key;
    return (
      <Table.Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton
          onClick={() => onSort({ key, direction: active ? (sort.direction === 'asc' ? 'desc' : 'asc') : NATURAL[key] })}
          aria-label={`Sort by ${text.toLowerCase()}`}
        >
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={600}>
              {text}
            </Text>
            {active && (sort.direction === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />)}
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {heading('name', 'Name')}
            {heading('type', 'Type')}
            {heading('size', 'Size')}
            {heading('createdAt', 'Added')}
            <Table.Th>Note</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((doc) => (
            <Table.Tr key={doc.id} data-focus-row={doc.id}>
              <Table.Td maw={320}>
                <UnstyledButton onClick={() => onShow(doc)} aria-label={`Show ${doc.name}`}>
                  <Text size="sm" fw={500} c="blue" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                    {doc.name}
                  </Text>
                </UnstyledButton>
                <LinkBadge doc={doc} />
                {showLinks && doc.links.length > 0 && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {doc.links.map((l) => l.title).join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{typeLabel(doc.type, doc.name)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{doc.isFolder ? '—' : formatSize(doc.size)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{new Date(doc.createdAt).toLocaleDateString()}</Text>
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {doc.note}
                </Text>
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${doc.name}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {canPreview(doc.type) && (
                      <Menu.Item leftSection={<IconEye size={14} />} onClick={() => onShow(doc)}>
                        Preview
                      </Menu.Item>
                    )}
                    <Menu.Item leftSection={<IconExternalLink size={14} />} onClick={() => onOpen(doc)}>
                      Open
                    </Menu.Item>
                    <Menu.Item leftSection={<IconFolderOpen size={14} />} onClick={() => onReveal(doc)}>
                      Show in folder
                    </Menu.Item>
                    {!readOnly && (
                      <>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onRename(doc)}>
                          Rename or edit note
                        </Menu.Item>
                        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => onTrash(doc)}>
                          Move to Trash
                        </Menu.Item>
                      </>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Links say so, and say loudly when their file has moved or vanished. */
export function LinkBadge({ doc }: { doc: DocumentRow }) {
  if (doc.mode !== 'link') return null;
  if (doc.linkState === 'missing') {
    return (
      <Badge color="red" variant="light" size="sm" leftSection={<IconLink size={12} />} title={doc.linkPath ?? undefined}>
        Moved or deleted
      </Badge>
    );
  }
  return (
    <Badge color={doc.linkState === 'changed' ? 'yellow' : 'gray'} variant="light" size="sm" leftSection={<IconLink size={12} />} title={doc.linkPath ?? undefined}>
      {doc.linkState === 'changed' ? 'Linked · changed since' : 'Linked'}
    </Badge>
  );
}
