// Drafts kept in this window's localStorage as the user types, so closing the window (or the app failing)
// does not lose a half-written email, contact or job: one store per kind of form, one draft per record.
import { useEffect, useEffectEvent, useRef, useState } from 'react';

export interface DraftStore<T> {
  load(key: string): Partial<T> | null;
  save(key: string, value: T): void;
  clear(key: string): void;
}

/** Drafts under `${prefix}.${key}` (e.g. rapport.emailDraft.new); unreadable ones count as none. */
export function localDraftStore<T extends object>(prefix: string): DraftStore<T> {
  const at = (key: string) => `${prefix}.${key}`;
  return {
    load(key) {
      try {
        const raw = window.localStorage.getItem(at(key));
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<T>) : null;
      } catch {
        return null;
      }
    },
    save(key, value) {
      try {
        window.localStorage.setItem(at(key), JSON.stringify(value));
      } catch {
        // A full or disabled storage loses only the draft, never what is on screen.
      }
    },
    clear(key) {
      window.localStorage.removeItem(at(key));
    },
  };
}

/** What useFormDraft needs of a @mantine/form form. */
export interface DraftableForm<T> {
  values: T;
  isDirty(): boolean;
  setValues(values: Partial<T>): void;
  reset(): void;
}

export interface FormDraft {
  /** A draft from an earlier visit was put back into the form (and is not yet saved or discarded). */
  restored: boolean;
  /** Forget the draft (after a save). */
  clear(): void;
  /** Forget the draft and put the form back as it was loaded. */
  discard(): void;
}

/**
 * Restores the form's draft on mount (the loaded values stay the baseline, so the form is dirty) and keeps it
 * in step as the user types: changed values are saved, values back to the baseline drop it. No key, no draft.
 */
export function useFormDraft<T extends object>(store: DraftStore<T>, key: string | undefined, form: DraftableForm<T>): FormDraft {
  const [draft] = useState(() => (key ? store.load(key) : null));
  const [shown, setShown] = useState(draft !== null);
  const seen = useRef<T | null>(null);
  const restore = useEffectEvent((values: Partial<T>) => form.setValues(values));

  useEffect(() => {
    if (draft) restore(draft);
  }, [draft]);

  useEffect(() => {
    if (!key) return;
    if (seen.current === null || seen.current === form.values) {
      seen.current = form.values;
      return;
    }
    seen.current = form.values;
    if (form.isDirty()) store.save(key, form.values);
    else store.clear(key);
  }, [form, form.values, key, store]);

  // The window may close between a keystroke and the effect above: keep the latest typing then too.
  const saveNow = useEffectEvent(() => {
    if (key && form.isDirty()) store.save(key, form.values);
  });
  useEffect(() => {
    const onHide = () => saveNow();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);

  const clear = () => {
    if (key) store.clear(key);
    setShown(false);
  };
  return {
    restored: shown && form.isDirty(),
    clear,
    discard: () => {
      clear();
      form.reset();
    },
  };
}
