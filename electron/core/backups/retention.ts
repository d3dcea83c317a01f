// Which backups to keep, Time Machine style: pure, so a test can run years of backups on a fake clock.
// Every backup of the last 24 h, the newest of each day for 30 days, of each week for a year, of each month
// after that; always the newest 3; then a size cap that removes the oldest first (never those 3).

export interface RetainedItem {
  id: string;
  /** Milliseconds since the epoch, when the backup was taken. */
  at: number;
  /** The data file copy's size. */
  bytes: number;
  /** Stored documents it needs: shared between backups, so each counts once towards the cap. */
  blobs?: readonly { sha256: string; size: number }[];
}

export interface RetentionPolicy {
  capBytes: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const ALWAYS_KEEP = 3;

/** The tier's bucket of a backup of this age, or null when every backup of that age is kept. */
function bucketOf(at: number, age: number): string | null {
  if (age < DAY) return null;
  const date = new Date(at);
  if (age < 30 * DAY) return `d${date.toISOString().slice(0, 10)}`;
  // Weeks start on Monday (1970-01-01 was a Thursday, so shift by 3 days).
  if (age < 365 * DAY) return `w${Math.floor((at + 3 * DAY) / WEEK)}`;
  return `m${date.toISOString().slice(0, 7)}`;
}

/** The ids to keep, newest first. `items` may be in any order; times in the future count as "now". */
export function retain(items: readonly RetainedItem[], now: number, policy: RetentionPolicy): string[] {
  const sorted = [...items].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  const kept: RetainedItem[] = [];
  const seen = new Set<string>();
  sorted.forEach((item, index) => {
    const bucket = bucketOf(item.at, Math.max(0, now - item.at));
    // Sorted newest first, so the first one met in a bucket is its newest.
    const keep = index < ALWAYS_KEEP || bucket === null || !seen.has(bucket);
    if (bucket !== null) seen.add(bucket);
    if (keep) kept.push(item);
  });
  // The cap: drop the oldest (never the newest 3) until the copies and the documents they need fit.
  while (kept.length > ALWAYS_KEEP && sizeOf(kept) > policy.capBytes) kept.pop();
  return kept.map((item) => item.id);
}

export function sizeOf(items: readonly RetainedItem[]): number {
  const blobs = new Map<string, number>();
  let total = 0;
  for (const item of items) {
    total += item.bytes;
    for (const blob of item.blobs ?? []) blobs.set(blob.sha256, blob.size);
  }
  for (const size of blobs.values()) total += size;
  return total;
}
