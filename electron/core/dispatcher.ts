// The one way into the backend, whatever the transport (Electron IPC, the web harness, tests):
// look the channel up in the contract, validate input, run the handler, validate output, and answer
// with a Result. Never throws; internal details are logged, never sent. No `electron` import.
import { contract, isChannel, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../shared/ipc/contract';
import { AppError, issuesFromZod, type Result } from '../../shared/ipc/errors';
import type { Logger } from './logger';

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async function dispatch(channel, rawInput) {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel: ${String(channel).slice(0, 100)}` } };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return { ok: false, error: { code: 'VALIDATION', message, issues } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const output = await handler(parsed.data);
      // A handler that breaks its own contract is a bug in main: log it, don't ship bad data.
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        logger.error(`${channel}: output does not match the contract`, issuesFromZod(checked.error));
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Rapport. Details are in the log.' } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toEnvelope() };
      logger.error(`${channel} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Rapport. Details are in the log.' } };
    }
  };
}
