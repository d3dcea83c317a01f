// The in-page half of `npm run bench:ui`: an init script that stamps the user's input (t0), waits with a
// MutationObserver for the screen to show the expected state, then two animation frames (painted, t1), and
// times the window's /rpc calls by wrapping fetch before the harness's bridge captures it (the bridge is frozen
// once defined): the backend's share of that interval, IPC and JSON parsing included.

/** What "done" looks like on screen for one measurement. */
export type Expect =
  | { kind: 'row'; index: number; label: string; total: number }
  | { kind: 'heading'; text: string }
  | { kind: 'spotlight'; title: string; count: number };

export interface Sample {
  ms: number;
  /** Time some /rpc call was in flight within [t0, t1] as the page saw it (overlapping calls counted once). */
  ipcMs: number;
  /** The backend's own time (its Server-Timing) for the calls in flight within [t0, t1]. */
  backendMs: number;
  /** Main-thread long tasks (over 50 ms) within [t0, t1], summed: rendering and script, not waiting. */
  longTaskMs: number;
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
  const rpcs: { channel: string; start: number; end: number; app: number }[] = [];
  const longTasks: [number, number][] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.startTime + entry.duration]);
  }).observe({ type: 'longtask' });
  const fetchNow = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const at = url.indexOf('/rpc/');
    if (at < 0) return fetchNow(input, init);
    const call = { channel: decodeURIComponent(url.slice(at + 5)), start: performance.now(), end: Infinity, app: 0 };
    rpcs.push(call);
    const response = await fetchNow(input, init);
    // Until the body has arrived: the bridge parses it right after.
    await response.clone().arrayBuffer();
    call.end = performance.now();
    call.app = Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? 0);
    return response;
  };

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
    let backendMs = 0;
    for (const call of rpcs) {
      if (call.end <= t0 || call.start >= t1) continue;
      spans.push([Math.max(call.start, t0), Math.min(call.end, t1)]);
      backendMs += call.app;
      if (call.start >= t0) calls[call.channel] = (calls[call.channel] ?? 0) + 1;
    }
    spans.sort((a, b) => a[0] - b[0]);
    let ipcMs = 0;
    let end = -Infinity;
    for (const [from, to] of spans) {
      if (to <= end) continue;
      ipcMs += to - Math.max(from, end);
      end = to;
    }
    const longTaskMs = longTasks.reduce((sum, [from, to]) => sum + Math.max(0, Math.min(to, t1) - Math.max(from, t0)), 0);
    return { ms: t1 - t0, ipcMs, backendMs, longTaskMs, calls, timedOut };
  };

  (window as unknown as BenchWindow).__benchUi = {
    result: null,
    start(expect, options = {}) {
      // Calls still in flight (an earlier letter's search) may overlap the interval: keep only those.
      const pending = rpcs.filter((c) => c.end === Infinity);
      rpcs.splice(0, rpcs.length, ...pending);
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
