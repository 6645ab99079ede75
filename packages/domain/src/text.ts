/** Longest indexed word prefix; longer search words are cut to it. */
export const MAX_TOKEN = 24;

/** Lower-case, strip diacritics and collapse spaces: the form every search compares. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Distinct folded words of one or more names, for prefix search. */
export function searchTokens(...values: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    for (const word of foldText(value).split(' ')) {
      if (word) tokens.add(word.slice(0, MAX_TOKEN));
    }
  }
  return [...tokens];
}

/** Every prefix (from two letters) of every word of the names: equality lookups find "jos" in "José". */
export function searchPrefixes(...values: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const token of searchTokens(...values)) {
    if (token.length < 2) out.add(token);
    for (let i = 2; i <= token.length; i++) out.add(token.slice(0, i));
  }
  return [...out];
}
