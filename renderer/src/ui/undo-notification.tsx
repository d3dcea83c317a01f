// A notification with an Undo button: deleting moves things to Trash, and a slip should cost one click.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

export function showUndoNotification(options: { id: string; message: string; onUndo: () => void }): void {
  notifications.show({
    id: options.id,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{options.message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(options.id);
            options.onUndo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}
