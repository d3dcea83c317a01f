// Starts the web harness as a real child process (`tsx electron/harness/main.ts`), exactly as
// `npm run harness` does, on a free port and a temp data dir; stops it with SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { REPO_ROOT } from '../../electron/harness/renderer-build';

export interface RunningHarness {
  url: string;
  dataDir: string;
  /** Calls a channel over HTTP; throws with the error envelope's message on a non-200 answer. */
  rpc<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Sends SIGTERM and resolves with the exit code once the process has exited. */
  stop(): Promise<number | null>;
  output(): string;
}

export async function startHarness(options: { dataDir?: string; startTimeoutMs?: number } = {}): Promise<RunningHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'rapport-harness-'));
  const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, 'electron/harness/main.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const limit = options.startTimeoutMs ?? 60_000;
    const timer = setTimeout(() => fail(new Error(`harness did not start in ${limit / 1000} s:\n${output}`)), limit);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`harness exited (${code}) before it was ready:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    output: () => output,
    async rpc(channel, input) {
      const response = await fetch(`${url}rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as unknown;
      if (!response.ok) throw new Error(`${channel} answered ${response.status}: ${JSON.stringify(body)}`);
      return body as ChannelOutput<typeof channel>;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
