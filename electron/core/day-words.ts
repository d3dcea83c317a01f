// Dates in the words main writes into messages and logs ("withdrew consent on 3 Mar 2022"): fixed month names, not
// Intl's, whose short months differ between ICU versions ("Sep" / "Sept"), so a message reads the same on every machine.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2022" for an ISO date or date-time (its UTC day, as the store keeps days). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}
