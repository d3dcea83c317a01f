// Keyboard users keep their place: when what had focus goes away (a row leaves its list, a card changes column,
// a dialog closes, Delete leaves a page) focus goes somewhere sensible, never to <body>. DOM only; no feature imports.
import { useEffect } from 'react';

/** What counts as one row for "focus the next one": any element marked data-focus-row="<its id>". */
export const ROW = '[data-focus-row]';
/** The part of a page that stays while rows come and go; its [data-focus-empty] (or first heading) takes focus last. */
export const HOME = '[data-focus-home]';
const HEADING = 'h1, h2, h3, h4';
const CONTROL = 'input:not([disabled]):not([type="hidden"]), button:not([disabled]), a[href], select, textarea, [tabindex]:not([tabindex="-1"])';
/** Layers above the page: focus inside them is never "where the user was". */
const OVERLAY = '[role="dialog"], [role="menu"], [role="listbox"], [role="alertdialog"], .mantine-Notifications-root';

const rowSelector = (id: string) => `[data-focus-row="${CSS.escape(id)}"]`;

/** Focuses an element; a row or a heading that is not focusable by itself gets its first control, else tabindex -1. */
export function focusElement(el: HTMLElement): void {
  const target = el.matches(CONTROL) ? el : el.matches(HEADING) ? el : (el.querySelector<HTMLElement>(CONTROL) ?? el);
  if (!target.matches(CONTROL) && target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

/** Calls `find` now and after each change to the page until it returns an element, then focuses that; gives up after `timeoutMs`. */
export function focusWhenReady(find: () => HTMLElement | null, timeoutMs = 3000): void {
  const now = find();
  if (now) return focusElement(now);
  const observer = new MutationObserver(() => {
    const el = find();
    if (!el) return;
    stop();
    focusElement(el);
  });
  const timer = window.setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-focus-row'] });
}

// Rows whose action has worked but which may still be on screen until the list refetches: never a "next row".
const leaving = new Map<string, number>();
const isLeaving = (id: string) => (leaving.get(id) ?? 0) > Date.now();

/** Focuses the row with this id once it is on screen (after Undo, or a card after its move re-renders it). */
export function focusRowWhenReady(id: string, within?: () => ParentNode | null): void {
  // A row brought back (Undo) is no longer leaving: it may be the next row again at once.
  leaving.delete(id);
  focusWhenReady(() => (within?.() ?? document).querySelector<HTMLElement>(rowSelector(id)));
}

const isLost = () => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
};


/**
 * Call before an action that takes a row out of its list (done, snoozed, deleted); call the result once it has
 * worked. Focus then goes to the next row (the previous when it was last) of the same page part, or, with none left,
 * to that part's empty state or heading once the row has gone. Nothing moves if the user has gone elsewhere meanwhile.
 */
export function planFocusAfterRemoval(from: Element | null): () => void {
  const row = from?.closest<HTMLElement>(ROW);
  const home = row?.closest<HTMLElement>(HOME) ?? null;
  if (!row || !home) return () => undefined;
  const ids = [...home.querySelectorAll<HTMLElement>(ROW)].map((r) => r.dataset.focusRow ?? '');
  const rowId = row.dataset.focusRow ?? '';
  const at = ids.indexOf(rowId);
  const stillHere = () => {
    const active = document.activeElement;
    return isLost() || row.contains(active) || (active instanceof HTMLElement && active.closest(ROW)?.getAttribute('data-focus-row') === rowId);
  };
  return () => {
    leaving.set(rowId, Date.now() + 3000);
    if (!stillHere()) return;
    const present = (id: string) => !isLeaving(id) && home.querySelector(rowSelector(id)) !== null;
    const neighbourId = ids.slice(at + 1).find(present) ?? ids.slice(0, at).reverse().find(present);
    const neighbour = neighbourId ? home.querySelector<HTMLElement>(rowSelector(neighbourId)) : null;
    if (neighbour) return focusElement(neighbour);
    focusWhenReady(() => {
      if (!stillHere()) return null;
      if (home.querySelector(rowSelector(rowId))) return null;
      const empty = home.querySelector<HTMLElement>('[data-focus-empty]');
      return empty?.querySelector<HTMLElement>(HEADING) ?? empty ?? home.querySelector<HTMLElement>(HEADING);
    });
  };
}

/** Focuses the page heading that replaces `old` (after a navigation), e.g. the list a deleted record's page goes back to. */
export function focusNextPageHeading(old: Element | null = document.querySelector('main h1')): void {
  focusWhenReady(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    return heading && heading !== old && isLost() ? heading : null;
  });
}

function describe(el: HTMLElement): string | null {
  const label = el.getAttribute('aria-label');
  if (label) return `${el.tagName.toLowerCase()}[aria-label="${CSS.escape(label)}"]`;
  if (el.id) return `#${CSS.escape(el.id)}`;
  const row = el.closest<HTMLElement>(ROW);
  return row ? rowSelector(row.dataset.focusRow ?? '') : null;
}

/**
 * Installed once for the window: when a dialog goes away and focus is left on <body>, it goes back to the control
 * that opened the dialog (the menu's button when that was a menu item), or to one like it when that has re-rendered.
 * Mantine's own return covers the simple case; this covers menu items, dialogs mounted already open, and openers
 * that re-rendered. Returns the uninstaller.
 */
export function installDialogFocusReturn(): () => void {
  type Opener = { el: HTMLElement; selector: string | null };
  let lastOutside: Opener | null = null;
  // With the opener's row gone too (the dialog snoozed or deleted it), the next row takes focus.
  const openers = new Map<Element, Opener & { rowGone: () => void }>();

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (!target.closest(OVERLAY)) {
      lastOutside = { el: target, selector: describe(target) };
      return;
    }
    const dialog = target.closest('[role="dialog"], [role="alertdialog"]');
    if (dialog && !openers.has(dialog) && lastOutside) openers.set(dialog, { ...lastOutside, rowGone: planFocusAfterRemoval(lastOutside.el) });
  };

  const check = () => {
    for (const [dialog, opener] of openers) {
      if (dialog.isConnected) continue;
      openers.delete(dialog);
      if (!isLost()) continue;
      const el = opener.el.isConnected ? opener.el : opener.selector ? document.querySelector<HTMLElement>(opener.selector) : null;
      if (el) focusElement(el);
      else if (opener.el.closest(ROW)) opener.rowGone();
      else {
        const heading = document.querySelector<HTMLElement>('main h1');
        if (heading) focusElement(heading);
      }
    }
  };

  const observer = new MutationObserver(() => {
    if (openers.size > 0) check();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn, true);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn, true);
  };
}

/** The window's one dialog focus return (see installDialogFocusReturn); the app root calls it once. */
export function useDialogFocusReturn(): void {
  useEffect(installDialogFocusReturn, []);
}
