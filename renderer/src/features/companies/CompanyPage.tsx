// One company: how to reach it and its open jobs at a glance (key facts, then its custom fields' values), its people,
// jobs, documents and timeline, its details as an editable form, Delete (to Trash, with Undo) and a Restore banner.
import { Avatar, Button, Stack, Text } from '@mantine/core';
import { IconBuilding, IconTrash } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import type { Company } from '../../../../shared/domain/contact';
import { useCompany, useUpdateCompany } from '../../api/companies';
import { notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { plural } from '../../ui/format';
import { KeyFacts, NoValue, TagList } from '../../ui/KeyFacts';
import { PhoneLinks, WebsiteLink } from '../../ui/ReachLinks';
import { OpenJobs } from '../../ui/RecordFacts';
import { RecordHeader } from '../../ui/RecordHeader';
import { RecordGate } from '../../ui/RecordGate';
import { TrashedBanner } from '../../ui/TrashedBanner';
import { companyToValues } from './company-form-values';
import { CompanyForm } from './CompanyForm';
import { Timeline } from '../activities/panels';
import { CompanyPeople } from './CompanyPeople';
import { ClientJobs } from '../jobs/panels';
import { DocumentsPanel } from '../documents/panels';
import { CustomFieldFacts } from '../fields/panels';
import { MergeHistory, MergeWithButton } from '../merges/panels';
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
        <RecordHeader
          leading={
            <Avatar size={52} color="indigo" variant="light" aria-hidden>
              <IconBuilding size={28} />
            </Avatar>
          }
          title={c.name}
          subtitle={plural(c.contactCount, 'person', 'people')}
          actions={!trashed && <MergeWithButton kind="company" id={c.id} name={c.name} />}
          apart={
            !trashed && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} loading={trashing} onClick={() => trashCompany(c.id, () => navigate('/companies'))}>
                Delete
              </Button>
            )
          }
        />
        <CompanyFacts c={c} />
        <CustomFieldFacts recordType="company" values={c.custom} />
        <MergeHistory kind="company" recordId={c.id} readOnly={trashed} />
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

function CompanyFacts({ c }: { c: Company }) {
  const address = c.address ? [c.address.street, c.address.city, c.address.region, c.address.postcode, c.address.country].filter(Boolean).join(', ') : '';
  return (
    <KeyFacts
      facts={[
        { label: 'Phone', value: <PhoneLinks phones={c.phone ? [{ value: c.phone }] : []} /> },
        { label: 'Website', value: <WebsiteLink site={c.website} /> },
        { label: 'Tags', value: <TagList tags={c.tags} /> },
        { label: 'Address', value: address || <NoValue>None</NoValue>, wide: address.length > 40 },
        { label: 'Open jobs', value: <OpenJobs owner={{ companyId: c.id }} /> },
      ]}
    />
  );
}
