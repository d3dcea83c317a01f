// The body of a reminder notification: one line of context and one button that goes there.
import { Button, Group, Text } from '@mantine/core';

export function reminderMessage({ text, actionLabel, onAction }: { text: string; actionLabel: string; onAction: () => void }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm">{text}</Text>
      <Button size="compact-sm" variant="light" onClick={onAction}>
        {actionLabel}
      </Button>
    </Group>
  );
}
