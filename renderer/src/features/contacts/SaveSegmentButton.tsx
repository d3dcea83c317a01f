// "Save as segment": names the list's current filter so it shows in the navigation with a live count.
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type SegmentFilter, useCreateSegment } from '../../api/reports';
import { notifySuccess } from '../../ui/notify';
import { SegmentNameModal } from './SegmentNameModal';
import { plural } from '../../ui/format';

export function SaveSegmentButton({ filter, onSaved }: { filter: SegmentFilter; onSaved: (segment: { id: string; name: string }) => void }) {
  const [opened, { open, close }] = useDisclosure();
  const create = useCreateSegment();
  const save = (name: string) =>
    create.mutateAsync({ name, filter }).then((segment) => {
      notifySuccess(`Segment “${segment.name}” saved: ${plural(segment.count, 'contact')}`);
      onSaved(segment);
      close();
    });
  return (
    <>
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={open}>
        Save as segment
      </Button>
      <SegmentNameModal opened={opened} title="Save as segment" initialName="" saving={create.isPending} onSubmit={save} onClose={close} />
    </>
  );
}
