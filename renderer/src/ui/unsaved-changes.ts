// Nothing typed is lost: forms with unsaved changes register a guard here, and every way out of them (a link,
// wouter's navigate, the browser's Back, closing a dialog, closing the window) asks "Save, discard or keep
// editing?" first. State lives outside React so the router's location hook and `beforeunload` can reach it.
import { createContext, useCallback, useContext, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import type { BaseLocationHook } from 'wouter';
import { navigate as hashNavigate, useHashLocation } from 'wouter/use-hash-location';

export interface UnsavedGuard {
  /** What has changes, for the question: "this contact", "the new job"… */
  what: string;
  isDirty(): boolean;
  /** Runs the form's own save; true only if it saved (a field error keeps the user on the form). */
  save(): Promise<boolean>;
  /** The user chose Discard: drop any draft kept for the form. */
  discard?(): void;
}

export interface PendingQuestion {
  dirty: UnsavedGuard[];
  /** What has changes, read when asking (a guard's spec must not be read while rendering). */
  what: string;
  answer(choice: 'save' | 'discard' | 'keep'): Promise<void>;
  saving: boolean;
}

const guards = new Set<UnsavedGuard>();
let pending: PendingQuestion | null = null;
let pendingPromise: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function setPending(next: PendingQuestion | null) {
  pending = next;
  listeners.forEach((l) => l());
}

export const anyUnsaved = (scope: Iterable<UnsavedGuard> = guards) => [...scope].some((g) => g.isDirty());

/**
 * Resolves true when it is fine to leave: nothing in scope has changes, or the user discarded them, or saved
 * them all. Asked once at a time: a second request while the question is open waits for the same answer.
 */
export function askToLeave(scope: Iterable<UnsavedGuard> = guards): Promise<boolean> {
  const dirty = [...scope].filter((g) => g.isDirty());
  if (dirty.length === 0) return Promise.resolve(true);
  if (pendingPromise) return pendingPromise;
  pendingPromise = new Promise<boolean>((resolve) => {
    const finish = (ok: boolean) => {
      pendingPromise = null;
      setPending(null);
      resolve(ok);
    };
    const question: PendingQuestion = {
      dirty,
      what: dirty.map((g) => g.what).join(' and '),
      saving: false,
      async answer(choice) {
        if (choice === 'keep') return finish(false);
        if (choice === 'discard') {
          dirty.forEach((g) => g.discard?.());
          return finish(true);
        }
        setPending({ ...question, saving: true });
        let saved = true;
        for (const g of dirty) saved = (await g.save().catch(() => false)) && saved;
        finish(saved);
      },
    };
    setPending(question);
  });
  return pendingPromise;
}

export function usePendingQuestion(): PendingQuestion | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
}

/** Closing a dialog asks only about the forms inside it, not the page behind. */
const ScopeContext = createContext<Set<UnsavedGuard> | null>(null);
export const UnsavedScope = ScopeContext.Provider;

/**
 * Registers the form's guard while it is mounted (globally, and in the dialog around it); the spec may close
 * over the form's latest state. Run the form's save through `whileSaving`: a save that moves the page on by
 * itself (a new contact opens) is no leaving with changes.
 */
export function useUnsavedGuard(spec: UnsavedGuard): { whileSaving: <R>(run: () => Promise<R>) => Promise<R> } {
  const scope = useContext(ScopeContext);
  const saving = useRef(false);
  const what = useEffectEvent(() => spec.what);
  const isDirty = useEffectEvent(() => spec.isDirty());
  const save = useEffectEvent(() => spec.save());
  const discard = useEffectEvent(() => spec.discard?.());
  useEffect(() => {
    const guard: UnsavedGuard = {
      get what() {
        return what();
      },
      isDirty: () => !saving.current && isDirty(),
      save: () => save(),
      discard: () => discard(),
    };
    guards.add(guard);
    scope?.add(guard);
    return () => {
      guards.delete(guard);
      scope?.delete(guard);
    };
  }, [scope]);
  const whileSaving = useCallback(async <R,>(run: () => Promise<R>): Promise<R> => {
    saving.current = true;
    try {
      return await run();
    } finally {
      saving.current = false;
    }
  }, []);
  return { whileSaving };
}

/** A dialog's close (Escape, ×, Cancel, a click outside) that asks first when a form inside has changes. */
export function useGuardedClose(onClose: () => void): { scope: Set<UnsavedGuard>; close: () => void } {
  const [scope] = useState(() => new Set<UnsavedGuard>());
  const close = useCallback(() => {
    if (!anyUnsaved(scope)) return onClose();
    void askToLeave(scope).then((ok) => ok && onClose());
  }, [scope, onClose]);
  return { scope, close };
}

const pathOf = (hashOrPath: string) => '/' + hashOrPath.replace(/^#?\/?/, '').split('?')[0]!;
let passing = false;

function leaveTo(to: string, options?: { replace?: boolean; state?: unknown }) {
  passing = true;
  try {
    hashNavigate(to, options);
  } finally {
    passing = false;
  }
}

/** wouter's navigate, asking first when leaving the page (a change of query string alone is no leaving). */
export function guardedNavigate(to: string, options?: { replace?: boolean; state?: unknown }): void {
  if (pathOf(to) === pathOf(location.hash) || !anyUnsaved()) return leaveTo(to, options);
  void askToLeave().then((ok) => ok && leaveTo(to, options));
}

/** The router's location hook: wouter's hash location with a navigate that asks first (wouter has no blocker). */
export const useGuardedHashLocation: BaseLocationHook = (options?: { ssrPath?: string }) => {
  const [location] = useHashLocation(options);
  return [location, guardedNavigate];
};
// Links read their href from the hook, as they did from useHashLocation (its types omit it).
useGuardedHashLocation.hrefs = (href: string) => `#${href}`;

/**
 * The browser's Back and a plain `<a href="#/…">` change the hash before anyone can ask. This listener is
 * added at load, before wouter's, so it can put the old address back unseen and ask; on leave it goes on.
 */
function onHashChange(event: HashChangeEvent) {
  if (passing || pathOf(new URL(event.newURL).hash) === pathOf(new URL(event.oldURL).hash) || !anyUnsaved()) return;
  event.stopImmediatePropagation();
  const target = new URL(event.newURL).hash;
  history.pushState(history.state, '', event.oldURL);
  void askToLeave().then((ok) => ok && leaveTo(target.replace(/^#/, '')));
}

/** Closing or reloading the window with changes: the browser (or Electron's main process) asks. */
function onBeforeUnload(event: BeforeUnloadEvent) {
  if (!anyUnsaved()) return;
  event.preventDefault();
  event.returnValue = '';
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', onHashChange, { capture: true });
  window.addEventListener('beforeunload', onBeforeUnload);
}
