// The running call in the header: who, how long so far, and End call (which opens the quick log filled in).
import { ActionIcon, Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconPhoneCall, IconPhoneOff, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatClock } from './activity-labels';
import { callTimer, useQuickLogState } from './quick-log-store';

export function CallTimer() {
  const { call } = useQuickLogState();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!call) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [call]);

  if (!call) return null;
  const elapsed = Math.max(0, Math.floor((now - call.startedAt) / 1000));
  return (
    <Paper withBorder px="xs" py={4} radius="xl" role="timer" aria-label={`Call with ${call.contactName}`}>
      <Group gap="xs" wrap="nowrap">
        <IconPhoneCall size={16} color="var(--mantine-color-teal-6)" aria-hidden />
        <Text size="sm" fw={600} truncate maw={160}>
          {call.contactName}
        </Text>
        <Text size="sm" ff="monospace" aria-live="off">
          {formatClock(elapsed)}
        </Text>
        <Button size="compact-sm" color="red" leftSection={<IconPhoneOff size={14} />} onClick={callTimer.end}>
          End call
        </Button>
        <Tooltip label="Discard this call">
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Discard call" onClick={callTimer.cancel}>
            <IconX size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Paper>
  );
}
