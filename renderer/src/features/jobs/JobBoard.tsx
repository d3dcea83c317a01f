// The pipeline as columns of cards, one per stage, with each column's count and value. Cards move by
// drag and drop (onto a column, or onto a card to go before it) or from the keyboard; a move to a "lost"
// stage first asks why.
import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Stage } from '../../../../shared/domain/job';
import { type Board, type BoardColumn, type JobBoardFilter, type JobRow, useMoveJob } from '../../api/jobs';
import { focusWhenReady } from '../../ui/focus-keeper';
import { notifySuccess } from '../../ui/notify';
import classes from './Board.module.css';
import { dropBeforeId, moveIntent } from './board-model';
import { DRAG_TYPE, JobCard } from './JobCard';
import { formatMoney } from '../../../../shared/domain/money';
import { formatCount, plural } from '../../ui/format';

interface Props {
  board: Board;
  filter: JobBoardFilter;
}

interface PendingLost {
  job: JobRow;
  stage: Stage;
  beforeId: string | null;
  /** Moved from the keyboard or the card's menu: focus follows the card into its new column. */
  follow: boolean;
}

export function JobBoard({ board, filter }: Props) {
  const move = useMoveJob(filter);
  const [over, setOver] = useState<string | null>(null);
  const [lost, setLost] = useState<PendingLost | null>(null);
  const [reason, setReason] = useState('');
  const stages = board.stages.map((c) => c.stage);
  const boardRef = useRef<HTMLDivElement>(null);

  // The card re-mounts in its new column, so focus would drop to <body>: put it on the card where it landed.
  const followCard = (jobId: string, stageId: string) =>
    focusWhenReady(() => boardRef.current?.querySelector<HTMLElement>(`[data-stage-id="${CSS.escape(stageId)}"] [data-job-id="${CSS.escape(jobId)}"]`) ?? null);

  const requestMove = (job: JobRow, stage: Stage, beforeId: string | null = null, follow = false) => {
    const intent = moveIntent(job, stage, beforeId);
    if (intent === 'none') return;
    if (intent === 'ask-lost-reason') {
      setReason(job.lostReason ?? '');
      setLost({ job, stage, beforeId, follow });
      return;
    }
    move.mutate({ id: job.id, stage: stage.id, beforeId });
    if (follow) {
      followCard(job.id, stage.id);
      notifySuccess(`Moved “${job.title}” to ${stage.name}`);
    }
  };

  const findJob = (id: string) => board.stages.flatMap((c) => c.jobs).find((j) => j.id === id);

  const onDrop = (column: BoardColumn, e: React.DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(null);
    const job = findJob(e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain'));
    if (!job) return;
    const card = (e.target as HTMLElement).closest<HTMLElement>('[data-job-id]');
    const rect = card?.getBoundingClientRect();
    const beforeId = dropBeforeId(column, job.id, card && rect ? { id: card.dataset.jobId ?? '', upperHalf: e.clientY < rect.top + rect.height / 2 } : null);
    if (beforeId === undefined) return; // dropped on itself
    requestMove(job, column.stage, beforeId);
  };

  return (
    <>
      <div className={classes.board} ref={boardRef}>
        {board.stages.map((column) => {
          const others = column.totals.filter((t) => t.currency !== board.defaultCurrency);
          return (
            <section
              key={column.stage.id}
              className={classes.column}
              aria-label={column.stage.name}
              data-stage-id={column.stage.id}
              data-over={over === column.stage.id || undefined}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (over !== column.stage.id) setOver(column.stage.id);
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
              }}
              onDrop={(e) => onDrop(column, e)}
            >
              <div className={classes.header}>
                <Group justify="space-between" gap={4} wrap="nowrap">
                  <Title order={2} size="h6" lineClamp={1}>
                    {column.stage.name}
                  </Title>
                  <Text size="xs" c="dimmed" aria-label={plural(column.count, 'job')}>
                    {formatCount(column.count)}
                  </Text>
                </Group>
                <Text size="sm" fw={600} data-testid="stage-total">
                  {formatMoney(column.totalMinor, board.defaultCurrency)}
                </Text>
                {others.map((t) => (
                  <Text key={t.currency} size="xs" c="dimmed">
                    + {formatMoney(t.amountMinor, t.currency)}
                  </Text>
                ))}
              </div>
              <ul className={classes.cards} aria-label={`Jobs in ${column.stage.name}`}>
                {column.jobs.map((job) => (
                  <JobCard key={job.id} job={job} stages={stages} onMove={(j, s) => requestMove(j, s, null, true)} />
                ))}
                {column.count > column.jobs.length && (
                  <Text size="xs" c="dimmed" ta="center" component="li">
                    {formatCount(column.count - column.jobs.length)} more in the list view
                  </Text>
                )}
              </ul>
            </section>
          );
        })}
      </div>
      <Modal opened={lost !== null} onClose={() => setLost(null)} title={lost ? `Move “${lost.job.title}” to ${lost.stage.name}` : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!lost) return;
            move.mutate({ id: lost.job.id, stage: lost.stage.id, beforeId: lost.beforeId, lostReason: reason });
            if (lost.follow) followCard(lost.job.id, lost.stage.id);
            setLost(null);
          }}
        >
          <Stack>
            <TextInput label="Lost reason" placeholder="Optional, e.g. went with another quote" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus maxLength={500} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLost(null)}>
                Cancel
              </Button>
              <Button type="submit">Move</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
