// One group of likely duplicates (issue #20): its records (each opening its page), why they look alike pair by
// pair, how alike, and the two answers: Merge… and Not a duplicate. The card is a focus row, so when it goes the
// keyboard moves on to the next group.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconX } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { Link } from 'wouter';
import type { DuplicateGroup } from '../../../../shared/domain/duplicates';
import { andList, percent } from './duplicates-text';

interface Props {
  group: DuplicateGroup;
  dismissing: boolean;
  onMerge: () => void;
  onDismiss: (event: MouseEvent<HTMLButtonElement>) => void;
}

export const groupKey = (group: DuplicateGroup) => group.members.map((m) => m.id).join('+');

export function DuplicateGroupCard({ group, dismissing, onMerge, onDismiss }: Props) {
  const base = group.kind === 'contact' ? '/contacts' : '/companies';
  const names = new Map(group.members.map((m) => [m.id, m.displayName]));
  const title = andList(group.members.map((m) => m.displayName));
  const alike = percent(group.score);
  return (
    <Paper withBorder p="md" component="article" data-focus-row={groupKey(group)} aria-label={`${title}, ${alike} alike`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} miw={0}>
          {group.members.map((m) => (
            <li key={m.id}>
              <Anchor component={Link} href={`${base}/${m.id}`} fw={600}>
                {m.displayName}
              </Anchor>
              {m.detail && (
                <Text span size="sm" c="dimmed">
                  {' · '}
                  {m.detail}
                </Text>
              )}
            </li>
          ))}
        </Stack>
        <Badge variant="light" size="lg" tt="none" style={{ flexShrink: 0 }} title="How alike the closest two are">
          {alike} alike
        </Badge>
      </Group>
      <Stack gap={6} mt="sm" aria-label="Why they look alike">
        {group.pairs.map((pair) => (
          <Group key={`${pair.a}+${pair.b}`} gap={6} wrap="wrap">
            {group.members.length > 2 && (
              <Text size="sm" c="dimmed">
                {names.get(pair.a)} and {names.get(pair.b)} ({percent(pair.score)}):
              </Text>
            )}
            {pair.reasons.map((reason) => (
              <Badge key={`${reason.code}:${reason.text}`} variant="outline" color="gray" tt="none" fw={500} size="md">
                {reason.text}
              </Badge>
            ))}
          </Group>
        ))}
      </Stack>
      <Group gap="xs" mt="md">
        <Button size="xs" leftSection={<IconArrowMerge size={14} />} onClick={onMerge} aria-label={`Merge ${title}…`}>
          Merge…
        </Button>
        <Button size="xs" variant="default" leftSection={<IconX size={14} />} loading={dismissing} onClick={onDismiss} aria-label={`${title}: not a duplicate`}>
          Not a duplicate
        </Button>
      </Group>
    </Paper>
  );
}
