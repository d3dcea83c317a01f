// What filing a received .eml did to a support case, said in a notification with a way to open the case:
// "Filed on case C-0042", "Reopened C-0042", "Started C-0043 (follows C-0041)", a rating recorded, or, when the
// email only looks like it belongs to a recent case, "Maybe C-0042?" with Attach (cases.attachEmail: it then counts as
// the customer's answer, as a threaded one would) and Open.
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { caseFilingText } from './case-filing-text';

type Filed = ChannelOutput<'emails.importEml'>;
/** Shows the case outcome of one filed email, if any; `open` goes to a case's page. */
export function notifyCaseFiling(filed: Filed, open: (caseId: string) => void): void {
  const outcome = filed.case;
  if (outcome) {
    const id = `case-filed-${filed.activity.id}`;
    notifications.show({
      id,
      color: outcome.how === 'reopened' ? 'orange' : 'teal',
      autoClose: 8000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{caseFilingText(outcome)}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              open(outcome.id);
            }}
          >
            Open {outcome.label}
          </Button>
        </Group>
      ),
    });
    return;
  }
  const suggestions = filed.suggestedCases ?? [];
  if (suggestions.length === 0) return;
  const id = `case-maybe-${filed.activity.id}`;
  notifications.show({
    id,
    color: 'blue',
    autoClose: 15_000,
    title: 'Is this about an open case?',
    message: (
      <Stack gap={4}>
        {suggestions.map((s) => (
          <Group key={s.id} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" lineClamp={1}>
              Maybe {s.label}? {s.subject}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-sm"
                onClick={() => {
                  notifications.hide(id);
                  invoke('cases.attachEmail', { id: s.id, activityId: filed.activity.id }).then((detail) => open(detail.case.id), notifyError);
                }}
              >
                Attach to {s.label}
              </Button>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  notifications.hide(id);
                  open(s.id);
                }}
              >
                Open
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    ),
  });
}
