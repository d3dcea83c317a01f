// One contact: who they are and how to reach them at a glance (key facts, then their custom fields' values), their
// follow-ups, jobs, documents and timeline, the details as an editable form, Delete (to Trash, with Undo), and a
// Restore banner when trashed.
import { Anchor, Avatar, Button, Text } from '@mantine/core';
import { IconNotes, IconPhoneCall, IconTrash } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';
import { Link, useLocation } from 'wouter';
import type { Contact } from '../../../../shared/domain/contact';
import { useContact, useUpdateContact } from '../../api/contacts';
import { notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { KeyFacts, NoValue, TagList } from '../../ui/KeyFacts';
import { PhoneLinks, EmailLinks } from '../../ui/ReachLinks';
import { NextStep, OpenJobs } from '../../ui/RecordFacts';
import { Progressive } from '../../ui/Progressive';
import { RecordHeader } from '../../ui/RecordHeader';
import { RecordGate } from '../../ui/RecordGate';
import { TrashedBanner } from '../../ui/TrashedBanner';
import { callTimer, quickLog, Timeline } from '../activities/panels';
import { ClientJobs } from '../jobs/panels';
import { ClientCases } from '../cases/panels';
import { JobQuotes } from '../quotes/panels';
import { ClientOffers } from '../sales/panels';
import { DocumentsPanel } from '../documents/panels';
import { ContactEmailActions } from '../email/panels';
import { CustomFieldFacts } from '../fields/panels';
import { MergeHistory, MergeWithButton } from '../merges/panels';
import { ConsentPanel } from '../consent/panels';
import { PersonDataActions } from '../privacy/panels';
import { ContactFollowUps } from '../today/panels';
import { contactToValues } from './contact-form-values';
import { ContactForm } from './ContactForm';
import { KIND_LABELS } from './contact-labels';
import { useTrashContact } from './use-trash-contact';

export function ContactPage({ id }: { id: string }) {
  return (
    <RecordGate query={useContact(id)} what="contact" back={{ href: '/contacts', label: 'Back to contacts' }}>
      {(c) => <ContactDetails c={c} />}
    </RecordGate>
  );
}

function ContactDetails({ c }: { c: Contact }) {
  const update = useUpdateContact();
  const { trashContact, restoreContact, trashing, restoring } = useTrashContact();
  const [, navigate] = useLocation();
  const trashed = c.deletedAt !== null;
  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <RecordHeader
          leading={<Avatar name={c.displayName} color="initials" size={52} aria-hidden />}
          title={c.displayName}
          subtitle={c.jobTitle}
          actions={
            !trashed && (
              <>
                <ContactEmailActions contactId={c.id} />
                <Button variant="light" color="teal" leftSection={<IconPhoneCall size={16} />} onClick={() => callTimer.start(c.id, c.displayName)}>
                  Start call
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconNotes size={16} />}
                  aria-keyshortcuts="Control+L Meta+L"
                  onClick={() => quickLog.open({ contactId: c.id, contactName: c.displayName })}
                >
                  Log activity
                </Button>
                <MergeWithButton kind="contact" id={c.id} name={c.displayName} />
              </>
            )
          }
          apart={
            !trashed && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} loading={trashing} onClick={() => trashContact(c.id, () => navigate('/contacts'))}>
                Delete
              </Button>
            )
          }
        />
        <ContactFacts c={c} />
        <CustomFieldFacts recordType="contact" values={c.custom} />
        <MergeHistory kind="contact" recordId={c.id} readOnly={trashed} />
        {c.deletedAt !== null && <TrashedBanner what="contact" deletedAt={c.deletedAt} restoring={restoring} onRestore={() => restoreContact(c.id)} />}
        <Progressive>
          <div className={pageClasses.formGap}>
            <ContactFollowUps contactId={c.id} readOnly={trashed} />
          </div>
          <div className={pageClasses.formGap}>
            <ClientJobs contactId={c.id} name={c.displayName} readOnly={trashed} />
          </div>
          <div className={pageClasses.formGap}>
            <JobQuotes contactId={c.id} readOnly={trashed} />
          </div>
          {!trashed && <ClientOffers contactId={c.id} />}
          <div className={pageClasses.formGap}>
            <ClientCases contactId={c.id} contactName={c.displayName} companyId={c.companyId} readOnly={trashed} />
          </div>
          <div className={pageClasses.formGap}>
            <DocumentsPanel target={{ contactId: c.id }} name={c.displayName} readOnly={trashed} />
          </div>
          <div className={pageClasses.formGap}>
            <ConsentPanel contactId={c.id} name={c.displayName} readOnly={trashed} actions={!trashed && <PersonDataActions contactId={c.id} name={c.displayName} />} />
          </div>
          <div className={pageClasses.formGap}>
            <Timeline
              scope={{ contactId: c.id }}
              empty={
                <Text size="sm" c="dimmed" mt="sm">
                  Nothing logged with {c.displayName} yet. Start a call or press Ctrl+L to log one.
                </Text>
              }
            />
          </div>
          <div className={pageClasses.formGap}>
            <ContactForm
              key={`${c.id}-${trashed}`}
              contactId={c.id}
              companyName={c.companyName}
              initialValues={contactToValues(c)}
              disabled={trashed}
              submitLabel="Save"
              onSave={(fields) => update.mutateAsync({ ...fields, id: c.id })}
              onSaved={() => notifySuccess('Saved')}
            />
          </div>
        </Progressive>
      </div>
    </div>
  );
}

function ContactFacts({ c }: { c: Contact }) {
  const call = () => callTimer.start(c.id, c.displayName);
  return (
    <KeyFacts
      facts={[
        {
          label: 'Company',
          value:
            c.companyId && c.companyName ? (
              <Anchor component={Link} href={`/companies/${c.companyId}`} size="sm">
                {c.companyName}
              </Anchor>
            ) : (
              <NoValue>None</NoValue>
            ),
        },
        { label: 'Kind', value: KIND_LABELS[c.kind] },
        { label: 'Tags', value: <TagList tags={c.tags} /> },
        { label: 'Phone', value: <PhoneLinks phones={c.phones} onCall={c.deletedAt === null ? call : undefined} /> },
        { label: 'Email', value: <EmailLinks emails={c.emails} />, wide: true },
        {
          label: 'Last contacted',
          value: c.lastContactedAt ? (
            <span title={new Date(c.lastContactedAt).toLocaleString()}>{formatDistanceToNow(new Date(c.lastContactedAt), { addSuffix: true })}</span>
          ) : (
            <NoValue>Not yet</NoValue>
          ),
        },
        { label: 'Next step', value: <NextStep scope={{ contactId: c.id }} /> },
        { label: 'Open jobs', value: <OpenJobs owner={{ contactId: c.id }} /> },
      ]}
    />
  );
}
