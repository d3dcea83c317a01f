// Compose (#/email/compose[/contactId]): recipients from contacts or any address, cc/bcc, subject, body with
// simple formatting, a template, attachments (files picked with the OS dialog, or stored documents), reply-to. The draft is saved as you
// type. Send puts the message in the outbox and returns at once; the outbox delivers it when it can.
import { ActionIcon, Alert, Anchor, Button, Collapse, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconPaperclip, IconSend, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { IpcError } from '../../../../shared/ipc/errors';
import { useContact } from '../../api/contacts';
import { pickFiles, useSendEmail, useSmtpSettings, useTemplates } from '../../api/email';
import { notifyError, notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { AttachDocuments, type ChosenDocument } from './AttachDocuments';
import { EMPTY_DRAFT, clearDraft, loadDraft, saveDraft, type Draft } from './compose-draft';
import { MergeFields } from './MergeFields';
import { RecipientsInput, labelFor, toRecipients, type ContactLabels } from './RecipientsInput';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function ComposePage({ contactId }: { contactId?: string }) {
  const [, navigate] = useLocation();
  const settings = useSmtpSettings();
  const templates = useTemplates();
  const send = useSendEmail();
  const [labels] = useState<ContactLabels>(() => new Map());
  const [draft, setDraft] = useState<Draft>(() => loadDraft(contactId) ?? EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [more, setMore] = useState(draft.cc.length + draft.bcc.length > 0 || draft.replyTo !== '');
  const [saved] = useDebouncedValue(draft, 400);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const addContact = useCallback(
    (label: string, id: string) => {
      labels.set(label, id);
      setDraft((d) => (d.to.includes(label) ? d : { ...d, to: [label, ...d.to] }));
    },
    [labels],
  );

  useEffect(() => {
    if (saved !== EMPTY_DRAFT) saveDraft(contactId, saved);
  }, [saved, contactId]);

  async function attach() {
    try {
      const { paths } = await pickFiles('attachment', true);
      if (paths.length > 0) set('attachments', [...draft.attachments, ...paths.filter((p) => !draft.attachments.includes(p))]);
    } catch (error) {
      notifyError(error);
    }
  }

  function attachDocument(doc: ChosenDocument) {
    setDraft((d) => (d.documents.some((x) => x.id === doc.id) ? d : { ...d, documents: [...d.documents, doc] }));
  }

  // Whose documents "Attach document" offers: the contact the page is for, then the contacts among the recipients.
  const recipientContacts: { id: string; label: string }[] = [];
  for (const label of [...draft.to, ...draft.cc, ...draft.bcc]) {
    const id = labels.get(label);
    if (id && !recipientContacts.some((c) => c.id === id)) recipientContacts.push({ id, label });
  }

  function applyTemplate(id: string | null) {
    const t = templates.data?.items.find((x) => x.id === id);
    setDraft((d) => ({ ...d, templateId: id, ...(t ? { subject: t.subject, body: t.body } : {}) }));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    send.mutate(
      {
        to: toRecipients(draft.to, labels),
        ...(draft.cc.length ? { cc: toRecipients(draft.cc, labels) } : {}),
        ...(draft.bcc.length ? { bcc: toRecipients(draft.bcc, labels) } : {}),
        subject: draft.subject,
        body: draft.body,
        ...(draft.replyTo.trim() ? { replyTo: draft.replyTo.trim() } : {}),
        ...(draft.templateId ? { templateId: draft.templateId } : {}),
        ...(draft.attachments.length + draft.documents.length
          ? { attachments: [...draft.attachments, ...draft.documents.map((d) => ({ documentId: d.id }))] }
          : {}),
      },
      {
        onSuccess: () => {
          clearDraft(contactId);
          notifySuccess(settings.data?.configured ? 'Email queued: it goes as soon as the mail server answers' : 'Email queued: set up your mail server to send it');
          navigate(contactId ? `/contacts/${contactId}` : '/email');
        },
        onError: (error) => {
          if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return; // the app's error notification shows it
          // to.0.address -> the To field; attachments.1 -> the attachments list.
          const mapped: Record<string, string> = {};
          for (const issue of error.issues) mapped[issue.path.split('.')[0]!] ??= issue.message;
          setErrors(mapped);
          if (Object.keys(mapped).some((k) => !['to', 'cc', 'bcc', 'subject', 'body', 'replyTo', 'attachments'].includes(k))) notifyError(error);
        },
      },
    );
  }

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        {contactId && <ContactPrefill id={contactId} onLoaded={addContact} />}
        <PageHeader title="New email" subtitle={<>Plain text: a blank line starts a paragraph, **bold**, *italic*, lines starting “- ” make a list.</>} />
        {settings.data && !settings.data.configured && (
          <Alert color="blue" mt="md" title="Your mail server is not set up yet">
            You can write and queue emails now; they are sent once you{' '}
            <Anchor component={Link} href="/email/settings">
              set up your mail server
            </Anchor>
            .
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Stack mt="md" gap="sm" maw={820}>
            <RecipientsInput label="To" placeholder="Type a name or an address" value={draft.to} onChange={(v) => set('to', v)} labels={labels} error={errors.to} required />
            <Anchor component="button" type="button" size="sm" onClick={() => setMore((m) => !m)} aria-expanded={more}>
              {more ? 'Hide cc, bcc and reply-to' : 'Cc, bcc, reply-to'}
            </Anchor>
            <Collapse expanded={more}>
              <Stack gap="sm">
                <RecipientsInput label="Cc" value={draft.cc} onChange={(v) => set('cc', v)} labels={labels} error={errors.cc} />
                <RecipientsInput label="Bcc" value={draft.bcc} onChange={(v) => set('bcc', v)} labels={labels} error={errors.bcc} />
                <TextInput label="Reply-to" description="Where replies should go, if not to your from address" value={draft.replyTo} onChange={(e) => set('replyTo', e.currentTarget.value)} error={errors.replyTo} />
              </Stack>
            </Collapse>
            {(templates.data?.items.length ?? 0) > 0 && (
              <Select
                label="Template"
                placeholder="Start from a template"
                clearable
                data={templates.data!.items.map((t) => ({ value: t.id, label: t.name }))}
                value={draft.templateId}
                onChange={applyTemplate}
              />
            )}
            <TextInput label="Subject" required value={draft.subject} onChange={(e) => set('subject', e.currentTarget.value)} error={errors.subject} />
            <Textarea
              ref={bodyRef}
              label="Message"
              description="Merge fields such as {{firstName}} are filled in for the recipient"
              autosize
              minRows={8}
              maxRows={24}
              value={draft.body}
              onChange={(e) => set('body', e.currentTarget.value)}
              error={errors.body}
            />
            <MergeFields target={bodyRef} value={draft.body} onChange={(body) => set('body', body)} withJob={false} />
            {draft.attachments.length + draft.documents.length > 0 && (
              <Stack gap={4} aria-label="Attachments">
                {draft.attachments.map((path) => (
                  <Group key={path} gap="xs">
                    <IconPaperclip size={14} aria-hidden />
                    <Text size="sm">{baseName(path)}</Text>
                    <ActionIcon variant="subtle" size="sm" aria-label={`Remove ${baseName(path)}`} onClick={() => set('attachments', draft.attachments.filter((p) => p !== path))}>
                      <IconX size={14} />
                    </ActionIcon>
                  </Group>
                ))}
                {draft.documents.map((doc) => (
                  <Group key={doc.id} gap="xs">
                    <IconFileText size={14} aria-hidden />
                    <Text size="sm">{doc.name}</Text>
                    <ActionIcon variant="subtle" size="sm" aria-label={`Remove ${doc.name}`} onClick={() => set('documents', draft.documents.filter((d) => d.id !== doc.id))}>
                      <IconX size={14} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            )}
            {errors.attachments && (
              <Text size="sm" c="red">
                {errors.attachments}
              </Text>
            )}
            <Group justify="space-between">
              <Text size="xs" c="dimmed" aria-live="polite">
                {saved === draft && draft !== EMPTY_DRAFT ? 'Draft saved' : ''}
              </Text>
              <Group>
                <Button variant="default" leftSection={<IconPaperclip size={16} />} onClick={() => void attach()}>
                  Attach files
                </Button>
                <AttachDocuments contacts={recipientContacts} chosen={draft.documents} onAttach={attachDocument} />
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => {
                    clearDraft(contactId);
                    navigate(contactId ? `/contacts/${contactId}` : '/email');
                  }}
                >
                  Discard
                </Button>
                <Button type="submit" leftSection={<IconSend size={16} />} loading={send.isPending}>
                  Send
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </div>
    </div>
  );
}

/** The contact the page was opened for becomes the first recipient. */
function ContactPrefill({ id, onLoaded }: { id: string; onLoaded: (label: string, id: string) => void }) {
  const contact = useContact(id);
  const c = contact.data;
  useEffect(() => {
    if (c?.emails[0]) onLoaded(labelFor(c.displayName, c.emails[0].value), c.id);
  }, [c, onLoaded]);
  if (c && !c.emails[0]) {
    return (
      <Alert color="orange" mb="md" title={`${c.displayName} has no email address`}>
        Add one on their page, or type an address below.
      </Alert>
    );
  }
  return null;
}
