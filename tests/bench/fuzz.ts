// The long fuzz run (issue #16): `npx tsx tests/bench/fuzz.ts [requests=200000] [seed]`, optionally FUZZ_CHANNELS=<regex>.
// The same requests as tests/core/fuzz.test.ts, many more of them. Prints one JSON line (total, by code, INTERNAL count),
// then every INTERNAL or hung request with what main logged; exits non-zero if there was any.
import { runFuzz } from '../core/fuzz-run';

const requests = Number(process.argv[2] ?? process.env.FUZZ_REQUESTS ?? 200_000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const only = process.env.FUZZ_CHANNELS ? new RegExp(process.env.FUZZ_CHANNELS) : undefined;

console.error(`fuzz: ${requests} requests, seed ${seed}`);
let last = 0;
const result = await runFuzz({
  requests,
  seed,
  only,
  progress(done) {
    if (done - last >= 10_000) {
      last = done;
      console.error(`fuzz: ${done} requests`);
    }
  },
});
console.log(JSON.stringify({ case: 'fuzz', seed, total: result.total, byCode: result.byCode, internal: result.internal.length, hung: result.hung.length, seconds: result.seconds }));
for (const failure of [...result.internal, ...result.hung]) console.error(`seed ${seed} ${failure.channel} ${failure.input}\n  ${failure.logged.join('\n  ')}`);
process.exit(result.internal.length + result.hung.length > 0 ? 1 : 0);
