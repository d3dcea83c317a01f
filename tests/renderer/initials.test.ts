// The contacts list draws its avatars with plain elements (ui/initials.ts) while the contact page uses Mantine's
// Avatar: both must give a person the same letters and colour, and this fails if a Mantine upgrade changes its rule.
import { describe, expect, it } from 'vitest';
import { initials, initialsColor } from '../../renderer/src/ui/initials';

// Mantine's own helpers, not exported from its index (nor typed): loaded from the installed package's files.
const avatar = new URL('../../node_modules/@mantine/core/esm/components/Avatar/', import.meta.url).href;
const { getInitials } = (await import(`${avatar}get-initials/get-initials.mjs`)) as { getInitials: (name: string) => string };
const { getInitialsColor } = (await import(`${avatar}get-initials-color/get-initials-color.mjs`)) as { getInitialsColor: (name: string) => string };

const NAMES = ['Amelia Hartington-Whitcombe', 'Grace Adeyemi', 'Zoë', "Siobhan O'Neill", 'Nguyễn Văn An', 'Hartington & Whitcombe Interiors Ltd', 'al', '渡辺 健'];

describe('avatar initials and colour', () => {
  it.each(NAMES)('%s: the same as Mantine Avatar color="initials"', (name) => {
    expect(initials(name)).toBe(getInitials(name));
    expect(initialsColor(name)).toBe(getInitialsColor(name));
  });
});
