// "Are you sure?" for the invoice screens' destructive steps (delete a draft, delete a payment): what will happen,
// with the safe choice focused first.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmModal({ title, children, confirmLabel, loading, onConfirm, onClose }: Props) {
  return (
    // The page moves focus itself afterwards (the button that opened this may be gone).
    <Modal opened onClose={onClose} title={title} returnFocus={false}>
      <Stack>
        <Text size="sm">{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button color="red" loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
