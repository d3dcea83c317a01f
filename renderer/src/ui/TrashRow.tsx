// One deleted item in a Trash list: its name (opens it read-only), when it was deleted, Restore and (where it can)
// Delete for good; and the
// list's Show more, loader and empty state. Shared by the Trash page and each feature's own trashed list; imports
// no feature.
import { Anchor, Button, Center, Group, Loader, Paper, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash, IconTrashX } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';
import { Link } from 'wouter';
import { Empty } from './Empty';

interface Props {
  /** Where the name leads; without one (a follow-up has no page) the name is plain text. */
  href?: string | undefined;
  name: string;
  detail: string | null;
  deletedAt: string | null;
  onRestore: () => void;
  /** Asks to delete it for good (the caller confirms); without one the row only restores. */
  onPurge?: (() => void) | undefined;
}

export function TrashRow({ href, name, detail, deletedAt, onRestore, onPurge }: Props) {
  return (
    <Paper withBorder px="md" py="xs" role="listitem">
      <Group justify="space-between" wrap="nowrap">
        <div>
          {href ? (
            <Anchor component={Link} href={href} fw={600} size="sm">
              {name}
            </Anchor>
          ) : (
            <Text fw={600} size="sm">
              {name}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {[detail, deletedAt && `deleted ${formatDistanceToNow(new Date(deletedAt), { addSuffix: true })}`].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={onRestore} aria-label={`Restore ${name}`}>
            Restore
          </Button>
          {onPurge && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onPurge} aria-label={`Delete ${name} for good`}>
              Delete for good
            </Button>
          )}
        </Group>
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

export function TrashLoading() {
  return (
    <Center p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** `what` in the plural: "No deleted contacts". */
export function TrashEmpty({ what, description = 'Anything you delete shows up here, ready to restore.' }: { what: string; description?: string }) {
  return <Empty icon={<IconTrashX size={32} />} withIndicatorBackground title={`No deleted ${what}`} description={description} py="xl" />;
}
