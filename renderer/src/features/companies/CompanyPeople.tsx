// The people who work at a company, with two ways to add one: a new contact, or an existing one linked here.
import { Anchor, Avatar, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Company } from '../../../../shared/domain/contact';
import { useContactList, useCreateContact, useUpdateContact } from '../../api/contacts';
import { formatCount } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { UnsavedScope, useGuardedClose } from '../../ui/unsaved-changes';
import { emptyContactValues, ContactForm } from '../contacts/panels';

export function CompanyPeople({ company, readOnly }: { company: Company; readOnly: boolean }) {
  const people = useContactList({ companyId: company.id, sort: 'name', limit: 50 });
  const items = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const total = people.data?.pages[0]?.total ?? 0;
  const [adding, { open, close }] = useDisclosure();
  const create = useCreateContact();
  const guarded = useGuardedClose(close);

  return (
    <Paper withBorder p="md" component="section" aria-label="People">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          People {total > 0 && <Text span c="dimmed">({formatCount(total)})</Text>}
        </Title>
        {!readOnly && (
          <Button size="xs" leftSection={<IconUserPlus size={14} />} onClick={open}>
            Add person
          </Button>
        )}
      </Group>
      <Stack gap={4}>
        {items.length === 0 && !people.isPending && (
          <Text size="sm" c="dimmed">
            Nobody linked yet. Add a new person, or pick someone you already have.
          </Text>
        )}
        {items.map((person) => (
          <Anchor key={person.id} component={Link} href={`/contacts/${person.id}`} underline="never" c="inherit" p={6}>
            <Group gap="sm" wrap="nowrap">
              <Avatar name={person.displayName} color="initials" size={30} aria-hidden />
              <div>
                <Text size="sm" fw={500}>
                  {person.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {[person.jobTitle, person.emails[0]?.value].filter(Boolean).join(' · ')}
                </Text>
              </div>
            </Group>
          </Anchor>
        ))}
        {people.hasNextPage && (
          <Button variant="subtle" size="xs" w="fit-content" loading={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
            Show more
          </Button>
        )}
      </Stack>
      {!readOnly && <LinkExisting company={company} />}
      <Modal opened={adding} onClose={guarded.close} title={`New person at ${company.name}`} size="xl">
        <UnsavedScope value={guarded.scope}>
          <ContactForm
            initialValues={emptyContactValues(company.id)}
            companyName={company.name}
            submitLabel="Add person"
            onSave={async (fields) => {
              const contact = await create.mutateAsync(fields);
              notifySuccess(`${contact.displayName} added to ${company.name}`);
              close();
            }}
          />
        </UnsavedScope>
      </Modal>
    </Paper>
  );
}

/** Links someone already in Rapport to this company, searching as you type. */
function LinkExisting({ company }: { company: Company }) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const candidates = useContactList({ query, sort: 'name', limit: 20 }, { enabled: query !== '' });
  const update = useUpdateContact();
  const options = (candidates.data?.pages[0]?.items ?? [])
    .filter((c) => c.companyId !== company.id)
    .map((c) => ({ value: c.id, label: c.companyName ? `${c.displayName} (${c.companyName})` : c.displayName }));

  return (
    <Select
      mt="md"
      label="Link someone you already have"
      placeholder="Type a name"
      searchable
      data={options}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={query ? 'Nobody by that name' : 'Start typing a name'}
      onChange={(id) => {
        if (!id) return;
        update.mutate(
          { id, companyId: company.id },
          {
            onSuccess: (contact) => {
              notifySuccess(`${contact.displayName} now works at ${company.name}`);
              setSearch('');
            },
          },
        );
      }}
    />
  );
}
