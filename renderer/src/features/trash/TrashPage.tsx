// Everything deleted, newest first, each with Restore: deleting never loses anything until Trash is emptied.
import { Stack, Tabs } from '@mantine/core';
import { IconBuilding, IconChecklist, IconFiles, IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useCompanyList } from '../../api/companies';
import { useContactList } from '../../api/contacts';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { useTrashCompany } from '../companies/panels';
import { useTrashContact } from '../contacts/panels';
import { TrashedDocuments } from '../documents/panels';
import { TrashedFollowUps } from '../today/panels';
import { TrashEmpty, TrashLoading, TrashMore, TrashRow } from '../../ui/TrashRow';

export function TrashPage() {
  const contacts = useContactList({ trashed: true, sort: 'deletedAt', limit: 50 });
  const companies = useCompanyList({ trashed: true, sort: 'deletedAt', limit: 50 });
  const contactTotal = contacts.data?.pages[0]?.total;
  const companyTotal = companies.data?.pages[0]?.total;

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader title="Trash" subtitle="Deleted contacts, companies, follow-ups and documents stay here until you restore them." />
        <Tabs defaultValue="contacts" mt="lg" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="contacts" leftSection={<IconUsers size={16} />}>
              Contacts{contactTotal ? ` (${contactTotal})` : ''}
            </Tabs.Tab>
            <Tabs.Tab value="companies" leftSection={<IconBuilding size={16} />}>
              Companies{companyTotal ? ` (${companyTotal})` : ''}
            </Tabs.Tab>
            <Tabs.Tab value="follow-ups" leftSection={<IconChecklist size={16} />}>
              Follow-ups
            </Tabs.Tab>
            <Tabs.Tab value="documents" leftSection={<IconFiles size={16} />}>
              Documents
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="contacts" pt="md">
            <TrashedContacts list={contacts} />
          </Tabs.Panel>
          <Tabs.Panel value="companies" pt="md">
            <TrashedCompanies list={companies} />
          </Tabs.Panel>
          <Tabs.Panel value="follow-ups" pt="md">
            <TrashedFollowUps />
          </Tabs.Panel>
          <Tabs.Panel value="documents" pt="md">
            <TrashedDocuments />
          </Tabs.Panel>
        </Tabs>
      </div>
    </div>
  );
}

function TrashedContacts({ list }: { list: ReturnType<typeof useContactList> }) {
  const { restoreContact } = useTrashContact();
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.isPending) return <TrashLoading />;
  if (items.length === 0) return <TrashEmpty what="contacts" />;
  return (
    <Stack gap="xs" role="list" aria-label="Deleted contacts">
      {items.map((c) => (
        <TrashRow key={c.id} href={`/contacts/${c.id}`} name={c.displayName} detail={c.companyName} deletedAt={c.deletedAt} onRestore={() => restoreContact(c.id)} />
      ))}
      <TrashMore list={list} />
    </Stack>
  );
}

function TrashedCompanies({ list }: { list: ReturnType<typeof useCompanyList> }) {
  const { restoreCompany } = useTrashCompany();
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.isPending) return <TrashLoading />;
  if (items.length === 0) return <TrashEmpty what="companies" />;
  return (
    <Stack gap="xs" role="list" aria-label="Deleted companies">
      {items.map((c) => (
        <TrashRow key={c.id} href={`/companies/${c.id}`} name={c.name} detail={c.website} deletedAt={c.deletedAt} onRestore={() => restoreCompany(c.id)} />
      ))}
      <TrashMore list={list} />
    </Stack>
  );
}
