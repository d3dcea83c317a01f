// The case's timeline, oldest first as a conversation reads: messages in and out, replies, calls, notes, status and
// priority changes, ratings, reopenings and merges, each with the time spent on it; the total at the top.
import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowBackUp, IconFlag, IconGitMerge, IconMail, IconNote, IconPhone, IconPlus, IconRefresh, IconStar, IconTransfer } from '@tabler/icons-react';
import { format } from 'date-fns';
import type { CaseDetail } from '../../api/cases';
import { CATEGORY_COLORS, PRIORITY_LABELS } from './case-text';

type Entry = CaseDetail['entries'][number];

const ICONS = {
  created: IconPlus,
  message: IconMail,
  reply: IconArrowBackUp,
  call: IconPhone,
  note: IconNote,
  status: IconTransfer,
  priority: IconFlag,
  rating: IconStar,
  reopened: IconRefresh,
  merged: IconGitMerge,
} as const;

function headline(e: Entry): string {
  switch (e.kind) {
    case 'created':
      return 'Case opened';
    case 'message':
      return e.direction === 'outbound' ? 'Email sent' : 'Email received';
    case 'reply':
      return 'Reply sent';
    case 'call':
      return e.direction === 'inbound' ? 'They called' : 'Called them';
    case 'note':
      return 'Note';
    case 'status':
      return `Status: ${e.statusName ?? ''}`;
    case 'priority':
      return `Priority: ${e.priority ? PRIORITY_LABELS[e.priority] : ''}`;
    case 'rating':
      return `Rated ${e.score ?? '?'} of 5`;
    case 'reopened':
      return 'Reopened by a reply';
    case 'merged':
      return 'Merged from another case';
  }
}

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  // Oldest first, as a conversation reads (a stable sort keeps main's order within the same moment).
  const entries = [...detail.entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const minutes = detail.case.timeSpentMinutes;
  return (
    <section aria-label="Case timeline">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Timeline
        </Title>
        <Text size="sm" c="dimmed">
          {minutes > 0 ? `${minutes} min spent in all` : ''}
        </Text>
      </Group>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((e) => {
          const Icon = ICONS[e.kind];
          return (
            <Paper key={e.id} component="li" withBorder p="sm" aria-label={headline(e)}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" radius="xl" color={e.category ? CATEGORY_COLORS[e.category] : e.kind === 'rating' ? 'yellow' : 'gray'}>
                  <Icon size={16} />
                </ThemeIcon>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {headline(e)}
                    </Text>
                    {e.minutesSpent !== null && e.minutesSpent > 0 && (
                      <Badge size="xs" variant="light" color="gray">
                        {e.minutesSpent} min
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed" ml="auto">
                      {format(new Date(e.at), 'd MMM yyyy, HH:mm')}
                    </Text>
                  </Group>
                  {e.subject && (
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {e.subject}
                    </Text>
                  )}
                  {e.body && (
                    <Text size="sm" mt={4} lineClamp={12} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {e.body}
                    </Text>
                  )}
                </div>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </section>
  );
}
