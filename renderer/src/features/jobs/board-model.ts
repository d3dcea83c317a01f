// The board's decisions, apart from React and the DOM so they can be tested alone: where a dropped card lands,
// whether a move needs a lost reason first, and which stage Alt+←/→ goes to. (The cache's view of a move,
// moveOnBoard, lives with the board query in api/jobs.) Imports types only.
import type { Stage } from '../../../../shared/domain/job';
import type { BoardColumn, JobRow } from '../../api/jobs';

export type MoveIntent = 'none' | 'ask-lost-reason' | 'move';

/** Nothing when the card stays where it is; a lost reason first when it goes into a "lost" stage; else the move. */
export function moveIntent(job: Pick<JobRow, 'id' | 'stageId'>, stage: Pick<Stage, 'id' | 'category'>, beforeId: string | null): MoveIntent {
  if (job.stageId === stage.id && (beforeId === null || beforeId === job.id)) return 'none';
  if (stage.category === 'lost' && job.stageId !== stage.id) return 'ask-lost-reason';
  return 'move';
}

/**
 * Which card a dropped card goes before: `card` is the card it was dropped on (with whether the pointer was over its
 * top half), null when dropped on the column's empty space (then it goes last). Over a card's top half it goes before
 * that card, over the lower half before the next one. Undefined when it was dropped on itself: no move.
 */
export function dropBeforeId(column: Pick<BoardColumn, 'jobs'>, draggedId: string, card: { id: string; upperHalf: boolean } | null): string | null | undefined {
  if (!card) return null;
  if (card.id === draggedId) return undefined;
  if (card.upperHalf) return card.id;
  const index = column.jobs.findIndex((j) => j.id === card.id);
  return column.jobs.slice(index + 1).find((j) => j.id !== draggedId)?.id ?? null;
}

/** The stage one step left (-1) or right (1) of `stageId`; undefined past either end. */
export function neighbourStage<S extends Pick<Stage, 'id'>>(stages: readonly S[], stageId: string, step: -1 | 1): S | undefined {
  const index = stages.findIndex((s) => s.id === stageId);
  return index === -1 ? undefined : stages[index + step];
}
