// The banner a record's page shows while the record is in the Trash: when it went, and Restore. One copy for
// contacts, companies and jobs so they read alike. Imports no feature.
import { Alert, Button, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';

interface Props {
  /** The record's kind in words: "This contact is in the Trash". */
  what: string;
  deletedAt: string;
  restoring: boolean;
  onRestore: () => void;
}

export function TrashedBanner({ what, deletedAt, restoring, onRestore }: Props) {
  return (
    <Alert color="orange" icon={<IconTrash />} title={`This ${what} is in the Trash`} mt="md" role="status">
      <Text size="sm" mb="sm">
        Deleted {formatDistanceToNow(new Date(deletedAt), { addSuffix: true })}. Restore it to edit it again.
      </Text>
      <Button size="xs" color="orange" leftSection={<IconArrowBackUp size={14} />} loading={restoring} onClick={onRestore}>
        Restore
      </Button>
    </Alert>
  );
}
