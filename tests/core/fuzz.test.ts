// 0 INTERNAL under fuzz (issue #16): requests for every channel made from its input JSON Schema, through a real core
// on a real SQLite store. A short run here; FUZZ_REQUESTS=200000 (or `npx tsx tests/bench/fuzz.ts`) runs a long one.
// FUZZ_SEED repeats a run (the seed and every failing request are printed); FUZZ_CHANNELS (a regex) narrows it.
import { expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { runFuzz } from './fuzz-run';

const requests = Number(process.env.FUZZ_REQUESTS ?? 2000);
const seed = Number(process.env.FUZZ_SEED ?? 16_2026);
const only = process.env.FUZZ_CHANNELS ? new RegExp(process.env.FUZZ_CHANNELS) : undefined;

it(`answers ${requests} fuzzed requests over every channel without one INTERNAL`, { timeout: Math.max(120_000, requests * 50) }, async () => {
  const result = await runFuzz({ requests, seed, only });
  console.log(JSON.stringify({ case: 'fuzz', seed, total: result.total, byCode: result.byCode, internal: result.internal.length, hung: result.hung.length, seconds: result.seconds }));
  for (const failure of [...result.internal, ...result.hung]) console.log(`seed ${seed} ${failure.channel} ${failure.input}\n  ${failure.logged.join('\n  ')}`);
  expect(Object.keys(result.byChannel).sort()).toEqual(Object.keys(contract).filter((c) => !only || only.test(c)).sort());
  expect(result.byCode.OK ?? 0).toBeGreaterThan(requests / 10);
  expect(result.internal.map((f) => `${f.channel} ${f.input}`)).toEqual([]);
  expect(result.hung.map((f) => `${f.channel} ${f.input}`)).toEqual([]);
});
