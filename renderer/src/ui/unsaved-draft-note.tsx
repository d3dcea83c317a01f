// Says that a form shows a draft from an earlier visit, not what is saved, with the way back to the saved values.
import { Alert, Button, Group, Text } from '@mantine/core';

export function DraftRestoredNote({ onDiscard }: { onDiscard: () => void }) {
  return (
    <Alert color="blue" title="Draft restored" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">Your unsaved changes from last time are back. Save them, or discard the draft.</Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard draft
        </Button>
      </Group>
    </Alert>
  );
}
