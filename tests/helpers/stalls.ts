// How long our own code keeps the event loop to itself, for tests of work that runs in steps (bulk edits, fixes).

/**
 * Starts watching; the returned function stops and gives the longest stretch the process ran without the event
 * loop getting a turn, in CPU ms of this thread: what our code kept to itself (on a busy machine the wall-clock delay
 * also holds time the OS gave to other processes, and the process's CPU time holds V8's parallel GC threads, which
 * pushed a 50 ms step past 100 on CI's two shared cores).
 */
export function cpuStalls(): () => number {
  let last = process.threadCpuUsage();
  let max = 0;
  let on = true;
  const tick = () => {
    const used = process.threadCpuUsage(last);
    max = Math.max(max, (used.user + used.system) / 1000);
    last = process.threadCpuUsage();
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    on = false;
    return max;
  };
}

