// One job (#/jobs/:id): stage, value, client (and how to reach them) and next step at a glance, the job's own fields'
// values below them; its details as an editable form, its stage history, Delete (to Trash, with Undo),
// Log activity (the quick log, prefilled with the client and the job), the job's follow-ups, appointments and timeline.
import { Anchor, Badge, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconNotes, IconTrash } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { Link, useLocation } from 'wouter';
import { type JobRow, useDeleteJob, useJob, useJobHistory, useRestoreJob, useUpdateJob } from '../../api/jobs';
import { notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { KeyFacts, NoValue } from '../../ui/KeyFacts';
import { RecordHeader } from '../../ui/RecordHeader';
import { NextStep } from '../../ui/RecordFacts';
import { ClientEmails, ClientPhones } from './ClientReach';
import { RecordGate } from '../../ui/RecordGate';
import { TrashedBanner } from '../../ui/TrashedBanner';
import { useTrashWithUndo } from '../../ui/use-trash-with-undo';
import { quickLog, Timeline } from '../activities/panels';
import { DocumentsPanel } from '../documents/panels';
import { CustomFieldFacts } from '../fields/panels';
import { JobAppointments } from '../schedule/panels';
import { ContactFollowUps } from '../today/panels';
import { ClientCases } from '../cases/panels';
import { JobInvoices } from '../invoices/panels';
import { JobQuotes } from '../quotes/panels';
import { jobToValues } from './job-form-values';
import { JobForm } from './JobForm';
import { formatMoney } from '../../../../shared/domain/money';

export function JobPage({ id }: { id: string }) {
  return (
    <RecordGate query={useJob(id)} what="job" back={{ href: '/jobs', label: 'Back to jobs' }}>
      {(j) => <JobDetails j={j} />}
    </RecordGate>
  );
}

function JobDetails({ j }: { j: JobRow }) {
  const update = useUpdateJob();
  const { trash, restore, trashing, restoring } = useTrashWithUndo({
    remove: useDeleteJob(),
    restore: useRestoreJob(),
    label: (job) => `“${job.title}”`,
    href: (jobId) => `/jobs/${jobId}`,
  });
  const [, navigate] = useLocation();
  const trashed = j.deletedAt !== null;
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <Anchor component={Link} href="/jobs" size="sm">
          ← Jobs
        </Anchor>
        <RecordHeader
          title={j.title}
          actions={
            !trashed &&
            j.contactId && (
              <Button
                variant="light"
                leftSection={<IconNotes size={16} />}
                onClick={() => quickLog.open({ contactId: j.contactId!, contactName: j.contactName ?? undefined, jobId: j.id, jobTitle: j.title })}
              >
                Log activity
              </Button>
            )
          }
          apart={
            !trashed && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} loading={trashing} onClick={() => void trash(j.id, () => navigate('/jobs'))}>
                Delete
              </Button>
            )
          }
        />
        <JobFacts j={j} />
        <CustomFieldFacts recordType="job" values={j.custom} />
        {j.deletedAt !== null && <TrashedBanner what="job" deletedAt={j.deletedAt} restoring={restoring} onRestore={() => void restore(j.id)} />}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" className={pageClasses.formGap}>
          <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
            <JobForm
              key={`${j.id}-${trashed}-${j.updatedAt}`}
              jobId={j.id}
              draftKey={j.id}
              initialValues={jobToValues(j)}
              contactName={j.contactName}
              companyName={j.companyName}
              disabled={trashed}
              submitLabel="Save"
              onSave={(fields) => update.mutateAsync({ ...fields, id: j.id })}
              onSaved={() => notifySuccess('Saved')}
            />
          </Paper>
          <StageHistory id={j.id} />
        </SimpleGrid>
        <div className={pageClasses.formGap}>
          <ContactFollowUps contactId={j.contactId} jobId={j.id} readOnly={trashed} />
        </div>
        <div className={pageClasses.formGap}>
          <JobQuotes jobId={j.id} contactId={j.contactId} readOnly={trashed} />
        </div>
        <div className={pageClasses.formGap}>
          <JobInvoices jobId={j.id} contactId={j.contactId} readOnly={trashed} />
        </div>
        {j.contactId && (
          <div className={pageClasses.formGap}>
            <ClientCases contactId={j.contactId} contactName={j.contactName ?? ''} companyId={j.companyId} jobId={j.id} jobTitle={j.title} readOnly={trashed} />
          </div>
        )}
        <div className={pageClasses.formGap}>
          <DocumentsPanel target={{ jobId: j.id }} name={j.title} readOnly={trashed} />
        </div>
        <div className={pageClasses.formGap}>
          <JobAppointments jobId={j.id} contactId={j.contactId} readOnly={trashed} />
        </div>
        <div className={pageClasses.formGap}>
          <Timeline
            scope={{ jobId: j.id }}
            title="Job timeline"
            empty={
              <Text size="sm" c="dimmed" mt="sm">
                Nothing logged for this job yet.{j.contactId && !trashed ? ' Use Log activity to add a call, email or note.' : ''}
              </Text>
            }
          />
        </div>
      </div>
    </div>
  );
}

function JobFacts({ j }: { j: JobRow }) {
  const none = <NoValue>None</NoValue>;
  return (
    <KeyFacts
      facts={[
        {
          label: 'Stage',
          value: (
            <Badge variant="light" color={j.category === 'lost' ? 'red' : j.category === 'open' ? 'blue' : 'teal'}>
              {j.stageName}
            </Badge>
          ),
        },
        { label: 'Value', value: j.amountMinor !== null ? <Text span size="sm" fw={600}>{formatMoney(j.amountMinor, j.currency)}</Text> : <NoValue>Not set</NoValue> },
        {
          label: 'Client',
          value:
            j.contactId && j.contactName ? (
              <Anchor component={Link} href={`/contacts/${j.contactId}`} size="sm">
                {j.contactName}
              </Anchor>
            ) : (
              none
            ),
        },
        {
          label: 'Company',
          value:
            j.companyId && j.companyName ? (
              <Anchor component={Link} href={`/companies/${j.companyId}`} size="sm">
                {j.companyName}
              </Anchor>
            ) : (
              none
            ),
        },
        ...(j.contactId
          ? [
              { label: 'Phone', value: <ClientPhones contactId={j.contactId} /> },
              { label: 'Email', value: <ClientEmails contactId={j.contactId} />, wide: true },
            ]
          : []),
        { label: 'Due', value: j.dueDate ? format(parseISO(j.dueDate), 'EEE d MMM yyyy') : <NoValue>No date</NoValue> },
        { label: 'Next step', value: <NextStep scope={{ jobId: j.id }} /> },
        ...(j.category === 'lost' && j.lostReason ? [{ label: 'Why lost', value: j.lostReason }] : []),
      ]}
    />
  );
}

function StageHistory({ id }: { id: string }) {
  const history = useJobHistory(id);
  // Newest first; the channel gives stage names (a removed stage's name is kept by main).
  const items = [...(history.data?.items ?? [])].reverse();
  return (
    <section aria-label="Stage history">
      <Title order={2} size="h5" mb="sm">
        Stage history
      </Title>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((change) => (
          <li key={`${change.at}-${change.toStage}`}>
            <Text size="sm">{change.fromStage ? `${change.fromStage} → ${change.toStage}` : `Created in ${change.toStage}`}</Text>
            <Text size="xs" c="dimmed" title={change.at}>
              {format(new Date(change.at), 'd MMM yyyy, HH:mm')}
            </Text>
          </li>
        ))}
      </Stack>
    </section>
  );
}
