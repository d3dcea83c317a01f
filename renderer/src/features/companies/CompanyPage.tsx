// One company: its details, its people, Delete (to Trash, with Undo) and a Restore banner when trashed.
import { Alert, Anchor, Avatar, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconBuilding, IconTrash } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';
import { Link, useLocation } from 'wouter';
import { IpcError } from '../../../../shared/ipc/errors';
import { useCompany, useUpdateCompany } from '../../api/companies';
import { notifySuccess } from '../../app/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { companyToValues } from './company-form-values';
import { CompanyForm } from './CompanyForm';
import { Timeline } from '../activity/Timeline';
import { CompanyPeople } from './CompanyPeople';
import { ClientJobs } from '../jobs/ClientJobs';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useTrashCompany } from './use-trash-company';

export function CompanyPage({ id }: { id: string }) {
  const company = useCompany(id);
  const update = useUpdateCompany();
  const { trashCompany, restoreCompany, trashing, restoring } = useTrashCompany();
  const [, navigate] = useLocation();

  if (company.isPending) {
    return (
      <Center flex={1}>
        <Loader aria-label="Loading company" />
      </Center>
    );
  }
  if (company.isError) {
    const missing = company.error instanceof IpcError && company.error.code === 'NOT_FOUND';
    return (
      <Alert color={missing ? 'yellow' : 'red'} title={missing ? 'This company no longer exists' : 'The company could not be loaded'} m="lg">
        <Anchor component={Link} href="/companies">
          Back to companies
        </Anchor>
      </Alert>
    );
  }

  const c = company.data;
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
        {trashed && (
          <Alert color="orange" icon={<IconTrash />} title="This company is in the Trash" mt="md" role="status">
            <Text size="sm" mb="sm">
              Deleted {formatDistanceToNow(new Date(c.deletedAt!), { addSuffix: true })}. Restore it to edit it again.
            </Text>
            <Button size="xs" color="orange" leftSection={<IconArrowBackUp size={14} />} loading={restoring} onClick={() => restoreCompany(c.id)}>
              Restore
            </Button>
          </Alert>
        )}
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
