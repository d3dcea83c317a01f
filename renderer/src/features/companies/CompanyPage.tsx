// One company: its details, its people, Delete (to Trash, with Undo) and a Restore banner when trashed.
import { Avatar, Button, Stack, Text } from '@mantine/core';
import { IconBuilding, IconTrash } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import type { Company } from '../../../../shared/domain/contact';
import { useCompany, useUpdateCompany } from '../../api/companies';
import { notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { RecordGate } from '../../ui/RecordGate';
import { TrashedBanner } from '../../ui/TrashedBanner';
import { companyToValues } from './company-form-values';
import { CompanyForm } from './CompanyForm';
import { Timeline } from '../activities/panels';
import { CompanyPeople } from './CompanyPeople';
import { ClientJobs } from '../jobs/panels';
import { DocumentsPanel } from '../documents/panels';
import { useTrashCompany } from './use-trash-company';

export function CompanyPage({ id }: { id: string }) {
  return (
    <RecordGate query={useCompany(id)} what="company" back={{ href: '/companies', label: 'Back to companies' }}>
      {(c) => <CompanyDetails c={c} />}
    </RecordGate>
  );
}

function CompanyDetails({ c }: { c: Company }) {
  const update = useUpdateCompany();
  const { trashCompany, restoreCompany, trashing, restoring } = useTrashCompany();
  const [, navigate] = useLocation();
  const trashed = c.deletedAt !== null;
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader
          leading={
            <Avatar size={52} color="indigo" variant="light" aria-hidden>
              <IconBuilding size={28} />
            </Avatar>
          }
          title={c.name}
          subtitle={c.contactCount === 1 ? '1 person' : `${c.contactCount} people`}
          actions={
            !trashed && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} loading={trashing} onClick={() => trashCompany(c.id, () => navigate('/companies'))}>
                Delete
              </Button>
            )
          }
        />
        {c.deletedAt !== null && <TrashedBanner what="company" deletedAt={c.deletedAt} restoring={restoring} onRestore={() => restoreCompany(c.id)} />}
        <Stack gap="md" className={pageClasses.formGap}>
          <CompanyPeople company={c} readOnly={trashed} />
          <ClientJobs companyId={c.id} name={c.name} readOnly={trashed} />
          <DocumentsPanel target={{ companyId: c.id }} name={c.name} readOnly={trashed} />
          <Timeline
            scope={{ companyId: c.id }}
            showContact
            empty={
              <Text size="sm" c="dimmed" mt="sm">
                Nothing logged with anyone at {c.name} yet.
              </Text>
            }
          />
          <CompanyForm
            key={`${c.id}-${trashed}`}
            companyId={c.id}
            initialValues={companyToValues(c)}
            disabled={trashed}
            submitLabel="Save"
            onSave={(fields) => update.mutateAsync({ ...fields, id: c.id })}
            onSaved={() => notifySuccess('Saved')}
          />
        </Stack>
      </div>
    </div>
  );
}
