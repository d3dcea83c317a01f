// How the window writes a count: thousands separators in the user's locale ("30,003") and the word agreeing with
// the number ("1 paying client", "2 paying clients"). One place, so every list, heading and notification agrees.
const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A whole number with the locale's thousands separators. */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** The number and the noun agreeing with it: plural(1, 'client') is "1 client"; irregular ones pass their plural. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** What an Undo of a stepped change to contacts did (a bulk edit, a data-quality fix), for its notification. */
export function putBackText(undone: { count: number; changedSince: number }): string {
  const back = `Put back ${plural(undone.count, 'contact')}`;
  return undone.changedSince > 0 ? `${back}; ${plural(undone.changedSince, 'contact was', 'contacts were')} changed since and left as they are` : back;
}
