// One activity on a timeline: its type's icon, what it was about, how long, how it went, Edit and Delete.
import { ActionIcon, Anchor, Badge, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconPencil, IconTrash } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Link } from 'wouter';
import type { Activity } from '../../../../shared/domain/activity';
import { DIRECTION_LABELS, OUTCOME_LABELS, TYPE_COLORS, TYPE_ICONS, TYPE_LABELS, formatDuration } from './activity-labels';
import { quickLog } from './quick-log-store';
import classes from './Timeline.module.css';

interface Props {
  activity: Activity;
  showContact: boolean;
  onDelete: (activity: Activity) => void;
}

export function TimelineItem({ activity: a, showContact, onDelete }: Props) {
  const TypeIcon = TYPE_ICONS[a.type];
  const title = a.subject ?? (a.notes ? null : TYPE_LABELS[a.type]);
  return (
    <li className={classes.item} aria-label={`${TYPE_LABELS[a.type]}${a.subject ? `: ${a.subject}` : ''}, ${a.contactName}`}>
      <ThemeIcon variant="light" color={TYPE_COLORS[a.type]} radius="xl" size="lg" aria-label={TYPE_LABELS[a.type]}>
        <TypeIcon size={18} />
      </ThemeIcon>
      <div className={classes.body}>
        <Group gap="xs" wrap="wrap">
          {title && (
            <Text size="sm" fw={600}>
              {title}
            </Text>
          )}
          {showContact && (
            <Anchor component={Link} href={`/contacts/${a.contactId}`} size="sm">
              {a.contactName}
            </Anchor>
          )}
        </Group>
        {a.notes && (
          <Text size="sm" className={classes.notes} lineClamp={6}>
            {a.notes}
          </Text>
        )}
        <Group gap={6} mt={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {format(new Date(a.occurredAt), 'HH:mm')} · {TYPE_LABELS[a.type]}
          </Text>
          {a.direction && (
            <Badge size="xs" variant="default" leftSection={a.direction === 'inbound' ? <IconArrowDownLeft size={10} /> : <IconArrowUpRight size={10} />}>
              {DIRECTION_LABELS[a.direction]}
            </Badge>
          )}
          {a.durationSeconds !== null && a.durationSeconds > 0 && (
            <Badge size="xs" variant="light" color="gray">
              {formatDuration(a.durationSeconds)}
            </Badge>
          )}
          {a.outcome && (
            <Badge size="xs" variant="light" color={a.outcome === 'connected' ? 'teal' : 'orange'}>
              {OUTCOME_LABELS[a.outcome]}
            </Badge>
          )}
        </Group>
      </div>
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${TYPE_LABELS[a.type].toLowerCase()}${a.subject ? ` “${a.subject}”` : ''}`} onClick={() => quickLog.open({ editing: a })}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Delete">
        <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${TYPE_LABELS[a.type].toLowerCase()}${a.subject ? ` “${a.subject}”` : ''}`} onClick={() => onDelete(a)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </li>
  );
}
