// One row of the contacts list: who, where they work, and the first way to reach them.
import { Avatar, Badge, Group, Text } from '@mantine/core';
import { formatDistanceToNow, isPast } from 'date-fns';
import type { Contact } from '../../../../shared/domain/contact';
import rows from '../../ui/ListRow.module.css';
import classes from './ContactRow.module.css';

export const CONTACT_ROW_HEIGHT = 60;
export const contactRowClass = `${rows.grid} ${classes.columns}`;

export function ContactRow({ contact }: { contact: Contact }) {
  return (
    <>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Avatar name={contact.displayName} color="initials" size={36} aria-hidden />
        <div className={classes.cell}>
          <Text size="sm" fw={600} truncate>
            {contact.displayName}
          </Text>
          <ContactActivityLine contact={contact} />
        </div>
      </Group>
      <Text size="sm" truncate className={classes.company}>
        {contact.companyName ?? ''}
      </Text>
      <Text size="sm" truncate c="dimmed" className={classes.email}>
        {contact.emails[0]?.value ?? ''}
      </Text>
      <Text size="sm" truncate c="dimmed" className={classes.phone}>
        {contact.phones[0]?.value ?? ''}
      </Text>
      <Group gap={4} wrap="nowrap" className={rows.tags}>
        {contact.tags.slice(0, 2).map((tag) => (
          <Badge key={tag} size="sm" variant="light" radius="sm" tt="none" maw={110}>
            {tag}
          </Badge>
        ))}
        {contact.tags.length > 2 && (
          <Badge size="sm" variant="default" radius="sm" tt="none">
            +{contact.tags.length - 2}
          </Badge>
        )}
      </Group>
    </>
  );
}

/** Job title, when they were last contacted and when the next follow-up is due, on one dimmed line. */
function ContactActivityLine({ contact }: { contact: Contact }) {
  const next = contact.nextTaskDueAt ? new Date(contact.nextTaskDueAt) : null;
  const parts = [
    contact.jobTitle,
    contact.lastContactedAt ? `contacted ${formatDistanceToNow(new Date(contact.lastContactedAt), { addSuffix: true })}` : null,
  ].filter(Boolean);
  if (parts.length === 0 && !next) return null;
  return (
    <Text size="xs" c="dimmed" truncate>
      {parts.join(' · ')}
      {next && (
        <Text span size="xs" c={isPast(next) ? 'red' : 'dimmed'}>
          {parts.length ? ' · ' : ''}follow-up {formatDistanceToNow(next, { addSuffix: true })}
        </Text>
      )}
    </Text>
  );
}

export function ContactHeaderRow() {
  return (
    <div className={`${contactRowClass} ${rows.header}`} aria-hidden>
      <span>Name</span>
      <span className={classes.company}>Company</span>
      <span className={classes.email}>Email</span>
      <span className={classes.phone}>Phone</span>
      <span className={rows.tags}>Tags</span>
    </div>
  );
}
