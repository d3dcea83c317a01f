// One deleted item: its name (opens it read-only), when it was deleted, and Restore.
import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';
import { Link } from 'wouter';

interface Props {
  href: string;
  name: string;
  detail: string | null;
  deletedAt: string | null;
  onRestore: () => void;
}

export function TrashRow({ href, name, detail, deletedAt, onRestore }: Props) {
  return (
    <Paper withBorder px="md" py="xs" role="listitem">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Anchor component={Link} href={href} fw={600} size="sm">
            {name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[detail, deletedAt && `deleted ${formatDistanceToNow(new Date(deletedAt), { addSuffix: true })}`].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={onRestore} aria-label={`Restore ${name}`}>
          Restore
        </Button>
      </Group>
    </Paper>
  );
}

interface Pageable {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export function TrashMore({ list }: { list: Pageable }) {
  if (!list.hasNextPage) return null;
  return (
    <Button variant="subtle" w="fit-content" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
      Show more
    </Button>
  );
}
