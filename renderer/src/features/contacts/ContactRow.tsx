// One row of the contacts list: who, where they work, and the first way to reach them.
import { Avatar, Badge, Group, Text } from '@mantine/core';
import type { Contact } from '../../../../shared/domain/contact';
import classes from './ContactRow.module.css';

export const CONTACT_ROW_HEIGHT = 60;
export const contactRowClass = classes.grid ?? '';

export function ContactRow({ contact }: { contact: Contact }) {
  return (
    <>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Avatar name={contact.displayName} color="initials" size={36} aria-hidden />
        <div className={classes.cell}>
          <Text size="sm" fw={600} truncate>
            {contact.displayName}
          </Text>
          {contact.jobTitle && (
            <Text size="xs" c="dimmed" truncate>
              {contact.jobTitle}
            </Text>
          )}
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
      <Group gap={4} wrap="nowrap" className={classes.tags}>
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

export function ContactHeaderRow() {
  return (
    <div className={`${classes.grid} ${classes.header}`} aria-hidden>
      <span>Name</span>
      <span className={classes.company}>Company</span>
      <span className={classes.email}>Email</span>
      <span className={classes.phone}>Phone</span>
      <span className={classes.tags}>Tags</span>
    </div>
  );
}
