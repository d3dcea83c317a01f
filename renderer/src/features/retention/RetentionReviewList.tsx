// The retention review (issue #21): the people past a rule, each with why, and what to do: Keep (with a reason),
// Anonymise (their personal details go, the records stay for your figures) or Erase… (the same dry run and
// confirmation as the contact page). Nothing is ever removed without one of these. Focus moves to the next row
// when one leaves the list.
import { Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { useRetentionDecide, useRetentionReview } from '../../api/retention';
import { Empty } from '../../ui/Empty';
import { planFocusAfterRemoval } from '../../ui/focus-keeper';
import { formatCount, plural } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { EraseDialog } from '../privacy/panels';
import { KeepModal } from './KeepModal';

type Person = { id: string; name: string };

export function RetentionReviewList() {
  const review = useRetentionReview();
  const decide = useRetentionDecide();
  const [keeping, setKeeping] = useState<Person | null>(null);
  const [anonymising, setAnonymising] = useState<Person | null>(null);
  const [erasing, setErasing] = useState<Person | null>(null);
  // Where focus goes once the decided row has left the list.
  const [afterRemoval, setAfterRemoval] = useState<(() => void) | null>(null);
  const items = review.data?.pages.flatMap((p) => p.items) ?? [];
  const total = review.data?.pages[0]?.total ?? 0;
  const plan = (el: Element | null) => setAfterRemoval(() => planFocusAfterRemoval(el));
  const done = () => {
    afterRemoval?.();
    setAfterRemoval(null);
  };

  const anonymise = (person: Person) =>
    decide.mutate(
      { contactId: person.id, decision: 'anonymise' },
      {
        onSuccess: () => {
          setAnonymising(null);
          done();
          notifySuccess(`Anonymised ${person.name}`);
        },
      },
    );

  return (
    <div data-focus-home>
      <Text size="sm" fw={600} mb="xs" aria-live="polite">
        {review.data ? (total === 0 ? '' : `${plural(total, 'person is', 'people are')} past your retention rules`) : ''}
      </Text>
      {review.isPending && <Loader size="sm" aria-label="Loading the review list" />}
      {review.isError && <Text size="sm">The review list could not be loaded.</Text>}
      {review.data && items.length === 0 && (
        <div data-focus-empty>
          <Empty title="Nobody is past your retention rules" description="When someone is kept longer than a rule allows, they are listed here for you to keep, anonymise or erase. Nothing is removed on its own." />
        </div>
      )}
      {items.length > 0 && (
        <Table aria-label="Past the retention rules" striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th w={1} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const person = { id: item.contactId, name: item.displayName };
              return (
                <Table.Tr key={item.contactId} data-focus-row={item.contactId}>
                  <Table.Td>
                    <Link href={`/contacts/${item.contactId}`}>{item.displayName}</Link>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.reason}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="light" aria-label={`Keep ${item.displayName}…`} onClick={(e) => (plan(e.currentTarget), setKeeping(person))}>
                        Keep…
                      </Button>
                      <Button size="compact-sm" variant="light" color="orange" aria-label={`Anonymise ${item.displayName}…`} onClick={(e) => (plan(e.currentTarget), setAnonymising(person))}>
                        Anonymise…
                      </Button>
                      <Button size="compact-sm" variant="light" color="red" aria-label={`Erase ${item.displayName}…`} onClick={(e) => (plan(e.currentTarget), setErasing(person))}>
                        Erase…
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {review.hasNextPage && (
        <Button mt="sm" variant="default" loading={review.isFetchingNextPage} onClick={() => void review.fetchNextPage()}>
          Show more ({formatCount(total - items.length)} more)
        </Button>
      )}
      <KeepModal person={keeping} onClose={() => setKeeping(null)} onKept={done} />
      <Modal opened={anonymising !== null} onClose={() => setAnonymising(null)} title={anonymising ? `Anonymise ${anonymising.name}?` : ''}>
        {anonymising && (
          <Stack gap="md">
            <Text size="sm">
              Their name, emails, phones, addresses and other personal details are removed for good. Their kind, company and jobs (with their amounts) stay, so
              your reports still add up. This cannot be undone.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAnonymising(null)}>
                Cancel
              </Button>
              <Button color="orange" data-autofocus loading={decide.isPending} onClick={() => anonymise(anonymising)}>
                Anonymise
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <EraseDialog
        contact={erasing}
        onClose={() => setErasing(null)}
        onErased={(_result, name) => {
          setErasing(null);
          done();
          notifySuccess(`${name} was erased`);
        }}
      />
    </div>
  );
}
