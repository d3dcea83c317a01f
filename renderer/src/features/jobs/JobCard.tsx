// One job on the board: title (a link to its page), client, value and due date. Draggable with the mouse;
// from the keyboard, focus it and use its "Move to…" menu or Alt+←/→.
import { ActionIcon, Anchor, Group, Menu, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Stage } from '../../../../shared/domain/job';
import type { JobRow } from '../../api/jobs';
import { neighbourStage } from './board-model';
import classes from './Board.module.css';
import { formatMoney } from '../../../../shared/domain/money';

interface Props {
  job: JobRow;
  stages: readonly Stage[];
  onMove: (job: JobRow, stage: Stage) => void;
}

export const DRAG_TYPE = 'application/x-rapport-job';

export function JobCard({ job, stages, onMove }: Props) {
  const [dragging, setDragging] = useState(false);
  const [, navigate] = useLocation();
  const client = [job.contactName, job.companyName].filter(Boolean).join(' · ');

  return (
    <li
      className={classes.card}
      tabIndex={0}
      draggable
      data-job-id={job.id}
      data-dragging={dragging || undefined}
      aria-label={job.title}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, job.id);
        e.dataTransfer.setData('text/plain', job.id);
        e.dataTransfer.effectAllowed = 'move';
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') navigate(`/jobs/${job.id}`);
        if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        const next = neighbourStage(stages, job.stageId, e.key === 'ArrowLeft' ? -1 : 1);
        if (!next) return;
        e.preventDefault();
        onMove(job, next);
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Anchor component={Link} href={`/jobs/${job.id}`} size="sm" fw={500} lineClamp={2} draggable={false}>
          {job.title}
        </Anchor>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move “${job.title}” to…`}>
              <IconDots size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Move to…</Menu.Label>
            {stages.map((s) => (
              <Menu.Item key={s.id} disabled={s.id === job.stageId} onClick={() => onMove(job, s)}>
                {s.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {client && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {client}
        </Text>
      )}
      {(job.amountMinor !== null || job.dueDate) && (
        <Group justify="space-between" gap={4} mt={2}>
          <Text size="xs" fw={500}>
            {job.amountMinor !== null ? formatMoney(job.amountMinor, job.currency) : ''}
          </Text>
          {job.dueDate && (
            <Text size="xs" c="dimmed">
              Due {format(parseISO(job.dueDate), 'd MMM yyyy')}
            </Text>
          )}
        </Group>
      )}
    </li>
  );
}
