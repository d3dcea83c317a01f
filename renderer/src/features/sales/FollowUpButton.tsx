// One-click "Add follow-up" for a suggestion: a follow-up for the client ("Offer Magnetic filter", "Book Boiler
// service again") due all day on the given day. Once added it says "Follow-up added" in its place and takes the
// focus there, so a keyboard user carries on down the list from the same spot.
import { Button, Text } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useCreateTask } from '../../api/activities';

interface Props {
  contactId: string;
  /** Who it is for, for the button's accessible name. */
  clientName: string;
  title: string;
  /** YYYY-MM-DD: the local day the follow-up is due. */
  dueOn: string;
}

export function FollowUpButton({ contactId, clientName, title, dueOn }: Props) {
  const create = useCreateTask();
  const [added, setAdded] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (added) done.current?.focus();
  }, [added]);
  if (added) {
    return (
      <Text ref={done} tabIndex={-1} size="sm" c="teal" role="status" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
        <IconCheck size={14} /> Follow-up added
      </Text>
    );
  }
  const add = () =>
    create.mutate(
      // All day: due the whole local day that dueAt starts.
      { title, contactId, dueAt: new Date(`${dueOn}T00:00:00`).toISOString(), allDay: true },
      { onSuccess: () => setAdded(true) },
    );
  return (
    <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} loading={create.isPending} onClick={add} aria-label={`Add follow-up: ${title} (${clientName})`}>
      Add follow-up
    </Button>
  );
}
