// What the contacts list says when it has nothing to show: a first step for a new user, or "no matches".
import { Button, Center } from '@mantine/core';
import { IconSearchOff, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'wouter';
import { Empty } from '../../ui/Empty';

interface Props {
  filtered: boolean;
  query: string;
  onClear: () => void;
}

export function ContactsEmpty({ filtered, query, onClear }: Props) {
  return (
    <Center flex={1} p="xl">
      {filtered ? (
        <Empty
          icon={<IconSearchOff size={32} />}
          withIndicatorBackground
          title={query ? `No contacts match “${query}”` : 'No contacts match these filters'}
          description="Try fewer letters, another spelling, or clear the filters."
          actions={
            <Button variant="default" onClick={onClear}>
              Clear search and filters
            </Button>
          }
        />
      ) : (
        <Empty
          icon={<IconUserPlus size={32} />}
          variant="light"
          title="No contacts yet"
          description="Add the people you work with (clients, suppliers, venues) and find any of them in a keystroke. Everything stays on this computer."
          actions={
            <Button component={Link} href="/contacts/new" leftSection={<IconUserPlus size={16} />}>
              Add your first contact
            </Button>
          }
        />
      )}
    </Center>
  );
}
