// Asked when a repeating appointment's occurrence is dragged: move just this one (it leaves the series as a
// one-off) or every occurrence. Escape or Cancel puts it back.
import { Button, Group, Modal, Text } from '@mantine/core';

export type SeriesScope = 'one' | 'all' | null;

export function SeriesChoice({ title, onChoose }: { title: string | null; onChoose: (scope: SeriesScope) => void }) {
  return (
    <Modal opened={title !== null} onClose={() => onChoose(null)} title={`Move “${title ?? ''}”`} size="sm">
      <Text size="sm" mb="md">
        This appointment repeats. Move only this occurrence, or every occurrence?
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={() => onChoose(null)}>
          Cancel
        </Button>
        <Button variant="light" onClick={() => onChoose('all')}>
          All occurrences
        </Button>
        <Button data-autofocus onClick={() => onChoose('one')}>
          This occurrence
        </Button>
      </Group>
    </Modal>
  );
}
