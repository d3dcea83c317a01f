// The reminder toast when a case's response or resolution target reaches 75 % ("C-0042 response due in 1 h") or
// 100 % ("C-0042 response overdue") of its business time. Mounted once beside the other reminders.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLocation } from 'wouter';
import { useEvent } from '../../api/events';
import { caseDueTitle } from './case-text';

export function useCaseReminders(): void {
  const [, navigate] = useLocation();
  useEvent('cases.due', (due) => {
    const id = `case-due-${due.id}-${due.target}-${due.percent}`;
    notifications.show({
      id,
      title: caseDueTitle(due),
      color: due.percent === 100 ? 'red' : 'orange',
      autoClose: false,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm" lineClamp={2}>
            {due.subject}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              navigate(`/cases/${due.id}`);
            }}
          >
            Open {due.label}
          </Button>
        </Group>
      ),
    });
  });
}
