// Long parsing in steps (issue #16): a reader written as a generator yields at points where it may pause, and
// `inSteps` gives the event loop a turn whenever a step ran over its budget, so no call waits on a parse for more
// than a few dozen milliseconds. Plain Node: no `electron` import.

/** Work between two turns of the event loop. Well under the 100 ms another call may wait. */
export const STEP_BUDGET_MS = 20;

/** A turn of the event loop: whatever else waits (an IPC call, a timer) runs before the next step. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A generator in steps run to its end without pausing (for callers that hold the whole input anyway, and tests). */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A generator in steps run to its end, giving the event loop a turn whenever `budgetMs` of work has passed. */
export async function inSteps<T>(steps: Generator<void, T>, budgetMs = STEP_BUDGET_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since >= budgetMs) {
      await turn();
      since = performance.now();
    }
  }
}

/** For a loop over records: `await pace()` after each one gives the event loop a turn once `budgetMs` has passed. */
export function pacer(budgetMs = STEP_BUDGET_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return turn().then(() => {
      since = performance.now();
    });
  };
}
