// The one way tests measure whether the main thread stays responsive while a long call runs (issues #16-#18).
/**
 * Runs `work` while a 5 ms timer measures the longest gap of the event loop and a cheap call keeps asking. A gap
 * counts as blocking for the CPU time the main thread used in it (at most its wall time), so a busy neighbour on a
 * shared machine does not count against our code.
 */
export async function measureBlocking(ping: () => Promise<unknown>, work: () => Promise<unknown>) {
  let lastWall = performance.now();
  let lastCpu = process.threadCpuUsage();
  let block = 0;
  let wallGap = 0;
  const sample = () => {
    const wall = performance.now();
    const cpu = process.threadCpuUsage();
    const used = (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000;
    block = Math.max(block, Math.min(wall - lastWall, used));
    wallGap = Math.max(wallGap, wall - lastWall);
    lastWall = wall;
    lastCpu = cpu;
  };
  const timer = setInterval(sample, 5);
  let done = false;
  let answers = 0;
  let slowest = 0;
  const pinging = (async () => {
    while (!done) {
      const asked = performance.now();
      await ping();
      slowest = Math.max(slowest, performance.now() - asked);
      answers++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const started = performance.now();
  try {
    await work();
    sample(); // work that never gave the loop a turn shows here
  } finally {
    done = true;
    clearInterval(timer);
    await pinging;
  }
  return { blockMs: Math.round(block), wallGapMs: Math.round(wallGap), pingAnswers: answers, slowestPingMs: Math.round(slowest), tookMs: Math.round(performance.now() - started) };
}
