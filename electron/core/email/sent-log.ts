// The outbox's sent log: an append-only file beside the store (<dataDir>/outbox-sent.log), never part of a backup,
// so restoring a store from before a send cannot make Rapport send that message again. Each step of a delivery is
// fsynced here before the store records it; the worker reads the last step of a message before sending it.
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const SENT_LOG = 'outbox-sent.log';

/**
 * start: about to talk to the server. sent: the server took it. uncertain: it may have been delivered.
 * unsent: it certainly was not (refused, or the connection failed before the whole message went).
 * resend: the user chose to send an uncertain message again.
 */
export type SentLogState = 'start' | 'sent' | 'uncertain' | 'unsent' | 'resend';

export interface SentLogEntry {
  id: string;
  messageId: string;
  state: SentLogState;
  at: string;
}

/** What the log says about sending a message now: nothing against it, already sent, or perhaps sent. */
export type Verdict = 'sent' | 'uncertain' | null;

export function createSentLog(path: string) {
  let latest: Map<string, SentLogEntry> | null = null;
  // A line torn by a crash has no newline: the next entry must not be glued onto it.
  let torn = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Map<string, SentLogEntry>> {
    if (latest) return latest;
    const map = new Map<string, SentLogEntry>();
    const text = existsSync(path) ? await readFile(path, 'utf8') : '';
    torn = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      // A line cut short by a crash mid-append is skipped: its step was never recorded in the store either.
      try {
        const entry = JSON.parse(line) as SentLogEntry;
        if (typeof entry.id === 'string' && typeof entry.state === 'string') map.set(entry.id, entry);
      } catch {
        continue;
      }
    }
    latest ??= map;
    return latest;
  }

  async function write(entry: SentLogEntry): Promise<void> {
    const map = await load();
    const created = !existsSync(path);
    const file = await open(path, 'a');
    try {
      await file.appendFile(`${torn ? '\n' : ''}${JSON.stringify(entry)}\n`);
      await file.sync();
      torn = false;
    } finally {
      await file.close();
    }
    if (created) await syncFolder(dirname(path));
    map.set(entry.id, entry);
  }

  return {
    /** Appends one step and waits until it is on disk. Appends run one at a time, in call order. */
    append(entry: SentLogEntry): Promise<void> {
      const done = queue.then(() => write(entry));
      queue = done.catch(() => undefined);
      return done;
    },
    async last(id: string): Promise<SentLogEntry | undefined> {
      return (await load()).get(id);
    },
    /** A started step with no outcome is a send cut off by a crash: it may have gone. */
    async verdict(id: string): Promise<Verdict> {
      const state = (await load()).get(id)?.state;
      if (state === 'sent') return 'sent';
      if (state === 'start' || state === 'uncertain') return 'uncertain';
      return null;
    },
  };
}

export type SentLog = ReturnType<typeof createSentLog>;

/** Makes a new file's name durable (Linux, macOS); Windows cannot open a folder and needs no such step. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Best effort: the file's own contents were already synced.
  }
}
