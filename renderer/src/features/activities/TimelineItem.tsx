// One activity on a timeline: its type's icon, what it was about, how long, how it went, its files, Attach,
// Edit and Delete. Its files come from the timeline (one query per page), never from a query of its own.
import { ActionIcon, Anchor, Badge, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconLifebuoy, IconPaperclip, IconPencil, IconTrash } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Link } from 'wouter';
import type { Activity } from '../../../../shared/domain/activity';
import { pickDocumentFiles, type DocumentRow } from '../../api/documents';
import { AttachedFiles, useAttachFiles } from '../documents/panels';
import { DIRECTION_LABELS, OUTCOME_LABELS, TYPE_COLORS, TYPE_ICONS, TYPE_LABELS, formatDuration } from './activity-labels';
import { quickLog } from './quick-log-store';
import { newCase } from '../cases/panels';
import classes from './Timeline.module.css';

interface Props {
  activity: Activity;
  showContact: boolean;
  onDelete: (activity: Activity) => void;
  /** The activity's files (from the timeline's per-page query). */
  documents?: readonly DocumentRow[];
}

const NO_DOCUMENTS: readonly DocumentRow[] = [];

export function TimelineItem({ activity: a, showContact, onDelete, documents = NO_DOCUMENTS }: Props) {
  const TypeIcon = TYPE_ICONS[a.type];
  const title = a.subject ?? (a.notes ? null : TYPE_LABELS[a.type]);
  const named = `${TYPE_LABELS[a.type].toLowerCase()}${a.subject ? ` “${a.subject}”` : ''}`;
  const attach = useAttachFiles({ activityId: a.id });
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
        <AttachedFiles documents={documents} attach={attach} label={`Files of ${named}`} />
      </div>
      {(a.type === 'call' || a.type === 'email') && (
        <Tooltip label="Make a case">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Make a case of ${named}`}
            onClick={() =>
              newCase.open({
                contactId: a.contactId,
                contactName: a.contactName,
                fromActivityId: a.id,
                ...(a.subject ? { subject: a.subject } : {}),
                ...(a.jobId ? { jobId: a.jobId } : {}),
                channel: a.type === 'call' ? 'phone' : 'email',
              })
            }
          >
            <IconLifebuoy size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label="Attach files">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Attach files to ${named}`}
          disabled={attach.progress !== null}
          onClick={() => void pickDocumentFiles().then((paths) => attach.run(paths))}
        >
          <IconPaperclip size={16} />
        </ActionIcon>
      </Tooltip>
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
