// The in-page half of `npm run bench:ui`: an init script that stamps the user's input (t0), waits with a
// MutationObserver for the screen to show the expected state, then two animation frames (painted, t1), and
// reads the window's /rpc calls from Resource Timing: the backend's share of that interval, IPC included.

/** What "done" looks like on screen for one measurement. */
export type Expect =
  | { kind: 'row'; index: number; label: string; total: number }
  | { kind: 'heading'; text: string }
  | { kind: 'spotlight'; title: string; count: number };

export interface Sample {
  ms: number;
  /** Time some /rpc call was in flight within [t0, t1] (overlapping calls counted once). */
  ipcMs: number;
  /** How many calls per channel started within [t0, t1]. */
  calls: Record<string, number>;
  timedOut: boolean;
}

interface BenchWindow {
  __benchUi: {
    start(expect: Expect, options?: { stampNow?: boolean; timeoutMs?: number }): void;
    result: Promise<Sample> | null;
  };
}

/** Runs in the page before its scripts (page.addInitScript). Self-contained: it is serialised. */
export function installBenchUi(): void {
  const state = { armed: false, t0: 0 };
  const stamp = (event: Event) => {
    if (state.armed && state.t0 === 0) state.t0 = event.timeStamp;
  };
  for (const type of ['keydown', 'pointerdown', 'mousedown']) document.addEventListener(type, stamp, true);
  performance.setResourceTimingBufferSize(100_000);

  const checks = {
    row: (e: Extract<Expect, { kind: 'row' }>) => {
      const item = document.querySelector(`[role="list"] [data-index="${e.index}"]`);
      const link = item?.querySelector('a');
      return !!link && link.getAttribute('aria-label') === e.label && item?.getAttribute('aria-setsize') === String(e.total);
    },
    heading: (e: Extract<Expect, { kind: 'heading' }>) => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === e.text),
    spotlight: (e: Extract<Expect, { kind: 'spotlight' }>) => {
      const actions = document.querySelectorAll('.mantine-Spotlight-action');
      return actions.length === e.count && (actions[0]?.textContent ?? '').includes(e.title);
    },
  };
  const met = (e: Expect): boolean => (e.kind === 'row' ? checks.row(e) : e.kind === 'heading' ? checks.heading(e) : checks.spotlight(e));

  const summary = (t0: number, t1: number, timedOut: boolean) => {
    const calls: Record<string, number> = {};
    const spans: [number, number][] = [];
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const at = entry.name.indexOf('/rpc/');
      if (at < 0 || entry.responseEnd <= t0 || entry.startTime >= t1) continue;
      spans.push([Math.max(entry.startTime, t0), Math.min(entry.responseEnd || t1, t1)]);
      if (entry.startTime >= t0) {
        const channel = decodeURIComponent(entry.name.slice(at + 5));
        calls[channel] = (calls[channel] ?? 0) + 1;
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    let ipcMs = 0;
    let end = -Infinity;
    for (const [from, to] of spans) {
      if (to <= end) continue;
      ipcMs += to - Math.max(from, end);
      end = to;
    }
    return { ms: t1 - t0, ipcMs, calls, timedOut };
  };

  (window as unknown as BenchWindow).__benchUi = {
    result: null,
    start(expect, options = {}) {
      performance.clearResourceTimings();
      state.armed = true;
      state.t0 = options.stampNow ? performance.now() : 0;
      this.result = new Promise<Sample>((resolve) => {
        let finished = false;
        const finish = (timedOut: boolean) => {
          if (finished) return;
          finished = true;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const t1 = performance.now();
              state.armed = false;
              resolve(summary(state.t0 || t1, t1, timedOut));
            }),
          );
        };
        const check = () => {
          if (state.t0 !== 0 && met(expect)) finish(false);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const timer = setTimeout(() => finish(true), options.timeoutMs ?? 10_000);
        // The input may change nothing on screen (the right rows already shown): look once it is stamped too.
        const poll = () => {
          if (finished) return;
          check();
          if (state.t0 === 0) requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
        check();
      });
    },
  };
}
