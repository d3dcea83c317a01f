// A person's initials and avatar colour, computed as Mantine's Avatar does for color="initials" (its helpers are
// not exported), so a list row drawn with plain elements shows the same circle as the contact's page.

const COLORS = ['blue', 'cyan', 'grape', 'green', 'indigo', 'lime', 'orange', 'pink', 'red', 'teal', 'violet'] as const;

/** Up to two letters: the first of each word, or the first two of a one-word name. */
export function initials(name: string): string {
  const words = name.split(' ');
  if (words.length === 1) return name.slice(0, 2).toUpperCase();
  return words
    .map((w) => w[0] ?? '')
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

/** The palette colour a name hashes to (Mantine's hash, so the same name gets the same colour everywhere). */
export function initialsColor(name: string): (typeof COLORS)[number] {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = ((hash << 5) - hash + name.charCodeAt(i)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length]!;
}
