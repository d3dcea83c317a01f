// Pages load as separate chunks so a cold window paints its first screen without waiting for every page's
// code; once the window is idle the rest are fetched in the background, so opening one later does not wait.
import { type ComponentType, lazy } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/** A page component loaded on first use from its module's named export. */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  loaders.push(load);
  // The cast only names what lazy() returns: the very component the module exports under `name`.
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as M[K];
}

let prefetched = false;

/** Fetches every page's chunk when the window has nothing else to do (once). */
export function prefetchPages(): void {
  if (prefetched) return;
  prefetched = true;
  const run = () => void Promise.allSettled(loaders.map((load) => load()));
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
