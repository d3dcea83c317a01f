// The one way into the backend, whatever the transport (Electron IPC, the web harness, tests):
// look the channel up in the contract, validate input, run the handler, validate output, and answer
// with a Result. Never throws; internal details are logged, never sent. No `electron` import.
import { isAbsolute, relative } from 'node:path';
import { contract, isChannel, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../shared/ipc/contract';
import { AppError, issuesFromZod, type ErrorEnvelope, type Result } from '../../shared/ipc/errors';
import { storageReason } from '../db/failures';
import { inputParser } from './input-parse';
import type { Logger } from './logger';
import { compileOutputCheck, type OutputCheck } from './output-check';

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

const INTERNAL: ErrorEnvelope = { code: 'INTERNAL', message: 'Something went wrong inside Rapport. Details are in the log.' };

/**
 * A thrown error as the envelope the window sees: an AppError as it is; a storage failure (read-only, full disk,
 * locked, damaged) as STORAGE with its reason, so the user learns what to do; anything else as INTERNAL. A file-system
 * refusal outside the data folder (an export target, a picked file) is about that file, not the store.
 */
export function envelopeFor(error: unknown, dataDir?: string): ErrorEnvelope {
  if (error instanceof AppError) return error.toEnvelope();
  let reason = storageReason(error);
  if (reason === null) return INTERNAL;
  const path = (error as { path?: unknown }).path;
  if (reason === 'readOnly' && typeof path === 'string' && dataDir !== undefined && !isInside(path, dataDir)) reason = 'noAccess';
  return AppError.storage(reason).toEnvelope();
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function createDispatcher(handlers: Handlers, logger: Logger, options: { dataDir?: string } = {}): Dispatch {
  // Each channel's input parse (input-parse.ts) and output predicate (output-check.ts; null: zod checks every
  // answer), made on its first call.
  const checks = new Map<Channel, { input: ReturnType<typeof inputParser>; output: OutputCheck | null }>();
  const checksFor = (channel: Channel) => {
    let made = checks.get(channel);
    if (!made) {
      made = { input: inputParser(contract[channel].input), output: compileOutputCheck(contract[channel].output) };
      checks.set(channel, made);
    }
    return made;
  };
  return async function dispatch(channel, rawInput) {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel: ${String(channel).slice(0, 100)}` } };
    }
    const spec = contract[channel];
    const check = checksFor(channel);
    const parsed = check.input(rawInput);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return { ok: false, error: { code: 'VALIDATION', message, issues } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const output = await handler(parsed.data);
      // What the predicate accepts, zod would pass unchanged; anything else zod decides (output-check.ts).
      if (check.output?.(output)) return { ok: true, value: output };
      // A handler that breaks its own contract is a bug in main: log it, don't ship bad data.
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        logger.error(`${channel}: output does not match the contract`, issuesFromZod(checked.error));
        return { ok: false, error: INTERNAL };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toEnvelope() };
      const envelope = envelopeFor(error, options.dataDir);
      // The window gets the reason; the log keeps the cause (name, code, message, stack), whatever the answer.
      logger.error(`${channel} failed${envelope.reason ? ` (${envelope.reason})` : ''}`, error);
      return { ok: false, error: envelope };
    }
  };
}
