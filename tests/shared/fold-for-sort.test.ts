// foldForSort takes a shortcut for plain ASCII text; the sort keys and search keys already stored were made by the
// Unicode pass, so the shortcut must give exactly what that pass gives, or a contact would sort or match differently.
import { describe, expect, it } from 'vitest';
import { foldForSort } from '../../shared/domain/text';

const unicodePass = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();

describe('foldForSort', () => {
  it('gives the Unicode pass its answer for every ASCII character and for random ASCII text', () => {
    for (let code = 0; code < 128; code++) {
      const text = `A${String.fromCharCode(code)}z ${String.fromCharCode(code)}`;
      expect(foldForSort(text), `character ${code}`).toBe(unicodePass(text));
    }
    let seed = 19;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 128;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 24 }, () => String.fromCharCode(next())).join('');
      expect(foldForSort(text)).toBe(unicodePass(text));
    }
  });

  it('still folds accents, compatibility forms and case outside ASCII', () => {
    expect(foldForSort('  Émile Zoë ')).toBe('emile zoe');
    expect(foldForSort('ﬁnn Ørsted')).toBe('finn ørsted');
    expect(foldForSort('İSTANBUL')).toBe(unicodePass('İSTANBUL'));
    expect(foldForSort('Gate 12')).toBe('gate 12');
  });
});
