import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN, foldText, searchPrefixes, searchTokens } from './text.js';

/** Words of Latin letters, optionally with combining accents (as typed on any keyboard). */
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const plainWord = fc.string({ unit: fc.constantFrom(...Array.from(letters)), minLength: 1, maxLength: 30 });
// Grave, acute, circumflex, tilde, macron, breve, dot, diaeresis, ring, double acute, caron, cedilla, ogonek.
const accent = fc
  .constantFrom(0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x30a, 0x30b, 0x30c, 0x327, 0x328)
  .map((c) => String.fromCharCode(c));
const accented = (word: string) =>
  fc.array(fc.option(accent, { nil: '' }), { minLength: word.length, maxLength: word.length }).map((marks) =>
    Array.from(word, (ch, i) => ch + (marks[i] ?? ''))
      .join('')
      .normalize('NFC'),
  );
const name = fc.array(plainWord, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('foldText', () => {
  it.each([
    ['José', 'jose'],
    ['NÚÑEZ', 'nunez'],
    ['  María   José  ', 'maria jose'],
    ['Jean-Baptiste', 'jean baptiste'],
    ["D'Souza", 'd souza'],
    ['Nguyễn Thị', 'nguyen thi'],
    ['Ç̌ô', 'co'],
    ['Ana\tLucía\n', 'ana lucia'],
    ['Xóchitl 2ª', 'xochitl 2ª'],
    ['', ''],
    ['!!! ---', ''],
  ])('%j → %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('keeps letters of other scripts', () => {
    expect(foldText('فاطمة')).toBe('فاطمة');
    expect(foldText('Анна')).toBe('анна');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        (s) => foldText(foldText(s)) === foldText(s),
      ),
    );
  });

  it('ignores accents and letter case', () => {
    fc.assert(
      fc.property(
        name.chain((n) => fc.tuple(fc.constant(n), accented(n))),
        ([plain, withAccents]) => {
          expect(foldText(withAccents)).toBe(plain.toLowerCase());
          expect(foldText(withAccents.toUpperCase())).toBe(foldText(plain));
        },
      ),
    );
  });

  it('gives lower-case words separated by single spaces, with no accents', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const f = foldText(s);
        expect(f).toMatch(/^(\S+( \S+)*)?$/u);
        expect(f).not.toMatch(/\p{M}/u);
        expect(f).toBe(f.toLowerCase());
      }),
    );
  });
});

describe('searchTokens', () => {
  it('gives the distinct folded words of all the names, skipping empty ones', () => {
    expect(searchTokens('María José', 'Pérez José', null, undefined, '')).toEqual(['maria', 'jose', 'perez']);
  });

  it(`cuts words to ${MAX_TOKEN} characters`, () => {
    const long = 'a'.repeat(40);
    expect(searchTokens(long)).toEqual(['a'.repeat(MAX_TOKEN)]);
  });
});

describe('searchPrefixes', () => {
  it('gives every prefix from two letters of every word', () => {
    expect(searchPrefixes('José Ña')).toEqual(['jo', 'jos', 'jose', 'na']);
    expect(searchPrefixes('A', 'Lu')).toEqual(['a', 'lu']);
    expect(searchPrefixes(null, undefined)).toEqual([]);
  });

  it('has no duplicates', () => {
    fc.assert(
      fc.property(name, name, (a, b) => new Set(searchPrefixes(a, b)).size === searchPrefixes(a, b).length),
    );
  });

  it('contains whatever prefix of a word someone types, with or without accents, in any case', () => {
    fc.assert(
      fc.property(
        name.chain((n) => fc.tuple(accented(n), fc.nat(), fc.integer({ min: 2, max: MAX_TOKEN }))),
        ([stored, pick, length]) => {
          const words = foldText(stored).split(' ');
          const word = words[pick % words.length] ?? '';
          fc.pre(word.length >= 2);
          const typed = word.slice(0, Math.min(length, word.length)).toUpperCase();
          expect(searchPrefixes(stored)).toContain(foldText(typed));
        },
      ),
    );
  });
});
