// The outbox: every message and where it stands. Waiting ones say when they retry and why; failed ones
// show the server's words and can be edited and resent; "may have been sent" ones say why (with the server's
// last answer) and wait for the user to send them again or mark them as sent; a paused outbox asks for the password.
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconCheck, IconPencil, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { formatDistanceToNow } from 'date-fns';
import { useState } from 'react';
import { Link } from 'wouter';
import type { OutboxItem } from '../../../../shared/domain/email';
import { useCancelEmail, useEmail, useMarkEmailSent, useOutbox, useRetryEmail, useSendNow, useSmtpSettings } from '../../api/email';
import { Empty } from '../../ui/Empty';
import { CAN_CANCEL, CAN_DISMISS, CAN_MARK_SENT, CAN_RESEND, STATUS } from './outbox-labels';
import { formatCount } from '../../ui/format';

export function OutboxPanel() {
  const outbox = useOutbox();
  const settings = useSmtpSettings();
  const sendNow = useSendNow();
  const [editing, setEditing] = useState<string | null>(null);
  const items = outbox.data?.items ?? [];

  return (
    <Stack gap="md">
      {outbox.data?.paused && (
        <Alert color="orange" title="Sending is paused: the mail server refused your password" role="alert">
          <Text size="sm" mb="xs">
            Nothing is lost; your messages wait here. Enter the password again in{' '}
            <Anchor component={Link} href="/email/settings">
              email settings
            </Anchor>{' '}
            and they go.
          </Text>
        </Alert>
      )}
      {settings.data && !settings.data.configured && (
        <Alert color="blue" title="Set up your mail server to send">
          Messages you write wait here until then.{' '}
          <Anchor component={Link} href="/email/settings">
            Set up email
          </Anchor>
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {Object.entries(outbox.data?.counts ?? {})
            .filter(([, n]) => n > 0)
            .map(([status, n]) => `${formatCount(n)} ${STATUS[status as OutboxItem['status']]?.label.toLowerCase() ?? status}`)
            .join(' · ')}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRefresh size={16} />} loading={sendNow.isPending} onClick={() => sendNow.mutate()}>
            Send now
          </Button>
          <Button component={Link} href="/email/compose" leftSection={<IconSend size={16} />}>
            New email
          </Button>
        </Group>
      </Group>
      {outbox.data && items.length === 0 ? (
        <Empty
          mt="xl"
          title="No email yet"
          description="Write to a contact from their page or with New email. Rapport keeps each message here and sends it when your mail server can be reached, even if you are offline now."
        />
      ) : (
        <Table highlightOnHover aria-label="Outbox">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <OutboxRow key={item.id} item={item} onEdit={() => setEditing(item.id)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <EditAndResend id={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function OutboxRow({ item, onEdit }: { item: OutboxItem; onEdit: () => void }) {
  const retry = useRetryEmail();
  const cancel = useCancelEmail();
  const markSent = useMarkEmailSent();
  const status = STATUS[item.status];
  const when = item.sentAt ?? item.nextAttemptAt;
  return (
    <Table.Tr>
      {/* Wide enough for the whole label ("May have been sent"), however long the details beside it. */}
      <Table.Td>
        <Badge color={status.color} variant="light" style={{ minWidth: 'max-content' }}>
          {status.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.to.map((r) => r.name ?? r.address).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.subject}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c={item.status === 'failed' ? 'red' : item.status === 'uncertain' ? undefined : 'dimmed'}>
          {item.status === 'sent' && when ? `Sent ${formatDistanceToNow(new Date(when), { addSuffix: true })}` : null}
          {item.status === 'waiting' && when ? `Retrying ${formatDistanceToNow(new Date(when), { addSuffix: true })}. ` : null}
          {item.status !== 'sent' ? item.lastError : null}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {item.status === 'failed' && (
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              Edit
            </Button>
          )}
          {CAN_RESEND.has(item.status) && (
            <Button size="xs" variant="light" loading={retry.isPending} onClick={() => retry.mutate({ id: item.id })}>
              {item.status === 'waiting' ? 'Retry now' : item.status === 'uncertain' ? 'Send again' : 'Resend'}
            </Button>
          )}
          {CAN_MARK_SENT.has(item.status) && (
            <Button size="xs" variant="light" color="teal" leftSection={<IconCheck size={14} />} loading={markSent.isPending} onClick={() => markSent.mutate(item.id)}>
              Mark as sent
            </Button>
          )}
          {(CAN_CANCEL.has(item.status) || CAN_DISMISS.has(item.status)) && (
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} loading={cancel.isPending} onClick={() => cancel.mutate(item.id)}>
              {CAN_DISMISS.has(item.status) ? 'Dismiss' : 'Cancel'}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** A failed message, fixed (a mistyped address, a subject the server refused) and sent again. */
function EditAndResend({ id, onClose }: { id: string; onClose: () => void }) {
  const email = useEmail(id);
  const retry = useRetryEmail();
  const [to, setTo] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const e = email.data;
  return (
    <Modal opened onClose={onClose} title="Edit and resend" size="lg">
      {e && (
        <Stack>
          <TextInput label="To" description="Addresses, separated by commas" value={to ?? e.to.map((r) => r.address).join(', ')} onChange={(ev) => setTo(ev.currentTarget.value)} />
          <TextInput label="Subject" value={subject ?? e.subject} onChange={(ev) => setSubject(ev.currentTarget.value)} />
          <Textarea label="Message" autosize minRows={6} value={body ?? e.body} onChange={(ev) => setBody(ev.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button
              loading={retry.isPending}
              onClick={() =>
                retry.mutate(
                  {
                    id,
                    ...(to !== null ? { to: to.split(',').map((a) => a.trim()).filter(Boolean).map((address) => ({ address })) } : {}),
                    ...(subject !== null ? { subject } : {}),
                    ...(body !== null ? { body } : {}),
                  },
                  { onSuccess: onClose },
                )
              }
            >
              Resend
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
