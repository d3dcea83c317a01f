// The dashboard's period presets, as whole local days (YYYY-MM-DD): this month, quarter, year, or custom.
export type PeriodPreset = 'month' | 'quarter' | 'year' | 'custom';

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, now = new Date()): { from: string; to: string } {
  const y = now.getFullYear();
  const m = now.getMonth();
  if (preset === 'month') return { from: day(new Date(y, m, 1)), to: day(new Date(y, m + 1, 0)) };
  if (preset === 'quarter') {
    const q = Math.floor(m / 3) * 3;
    return { from: day(new Date(y, q, 1)), to: day(new Date(y, q + 3, 0)) };
  }
  return { from: day(new Date(y, 0, 1)), to: day(new Date(y, 11, 31)) };
}

/** The link to the records behind a figure: the records page reads these search parameters back. */
export function recordsHref(params: Record<string, string | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== false) search.set(key, String(value));
  return `/reports/records?${search.toString()}`;
}
