// What can be done to a saved segment from the contacts list: rename it or delete it while it is open (the
// confirmation says that only the saved filter goes), and save changed filters back into the segment they were
// opened from, with Undo. Imports api/ and ui/ only.
import { Button, Group, Menu, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDeviceFloppy, IconPencil, IconTrash } from '@tabler/icons-react';
import { type SegmentFilter, useDeleteSegment, useSegments, useUpdateSegment } from '../../api/reports';
import { notifySuccess } from '../../ui/notify';
import { showUndoNotification } from '../../ui/undo-notification';
import { SegmentNameModal } from './SegmentNameModal';
import { formatCount, plural } from '../../ui/format';

type SegmentRef = { id: string; name: string };

/** "Segment" menu for the open segment: Rename…, Delete…. */
export function SegmentMenu({ segment, onChanged }: { segment: SegmentRef; onChanged: (segment: SegmentRef | null) => void }) {
  const [renaming, rename] = useDisclosure();
  const [deleting, confirmDelete] = useDisclosure();
  const update = useUpdateSegment();
  const remove = useDeleteSegment();
  const count = useSegments().data?.items.find((s) => s.id === segment.id)?.count;

  const saveName = (name: string) =>
    update.mutateAsync({ id: segment.id, name }).then((saved) => {
      notifySuccess(`Segment renamed to “${saved.name}”`);
      onChanged({ id: saved.id, name: saved.name });
      rename.close();
    });
  const deleteSegment = () =>
    remove
      .mutateAsync({ id: segment.id })
      .then(() => {
        notifySuccess(`Segment “${segment.name}” deleted`);
        confirmDelete.close();
        onChanged(null);
      })
      .catch(() => undefined);

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />} aria-label={`Segment “${segment.name}”`}>
            Segment
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={rename.open}>
            Rename…
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmDelete.open}>
            Delete…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SegmentNameModal opened={renaming} title="Rename segment" initialName={segment.name} saving={update.isPending} onSubmit={saveName} onClose={rename.close} />
      <Modal opened={deleting} onClose={confirmDelete.close} title={`Delete segment “${segment.name}”?`}>
        <Text size="sm">
          Only the saved filter goes: it leaves the navigation and cannot be brought back.
          {count === undefined ? ' The contacts in it stay.' : count === 1 ? ' The 1 contact in it stays.' : ` The ${formatCount(count)} contacts in it stay.`}
        </Text>
        <Group justify="end" mt="md">
          <Button variant="default" data-autofocus onClick={confirmDelete.close}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => void deleteSegment()}>
            Delete segment
          </Button>
        </Group>
      </Modal>
    </>
  );
}

interface UpdateProps {
  /** The segment the list's filters were opened from. */
  from: SegmentRef;
  filter: SegmentFilter;
  /** The segment now holds the list's filters. */
  onUpdated: (segment: SegmentRef) => void;
  /** Undo put the segment's old filters back: the list's filters are again a change to it. */
  onUndone: (segment: SegmentRef) => void;
}

/** After the filters of an opened segment were changed: save them into it. Undo puts its old filters back. */
export function UpdateSegmentButton({ from, filter, onUpdated, onUndone }: UpdateProps) {
  const segments = useSegments();
  const update = useUpdateSegment();
  const current = segments.data?.items.find((s) => s.id === from.id);
  // Deleted meanwhile: there is nothing to update.
  if (!current) return null;
  const save = () =>
    update
      .mutateAsync({ id: current.id, filter })
      .then((saved) => {
        onUpdated({ id: saved.id, name: saved.name });
        showUndoNotification({
          id: `segment-updated-${saved.id}`,
          message: `Segment “${saved.name}” now has these filters: ${plural(saved.count, 'contact')}`,
          onUndo: () =>
            void update
              .mutateAsync({ id: saved.id, filter: current.filter })
              .then((restored) => onUndone({ id: restored.id, name: restored.name }))
              .catch(() => undefined),
        });
      })
      .catch(() => undefined);
  return (
    <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={update.isPending} onClick={() => void save()}>
      Update “{current.name}”
    </Button>
  );
}
