/**
 * Words for the exports, in the language asked for: the web app's catalogues
 * (apps/web/src/i18n, one source of truth for the interface's words), the
 * names of countries and languages from Intl, and the states' names. A code
 * without words stays a code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MX_STATES, STAT_ENUM_GROUPS, STAT_VULNERABILITY_FLAGS, type UiLocale } from '@senda/domain';
import type { Labeller } from './export.js';

const CATALOGUES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/src/i18n');

const ENUM_OF: Partial<Record<string, string>> = STAT_ENUM_GROUPS;
const FLAGS = new Set<string>(STAT_VULNERABILITY_FLAGS);

const cache = new Map<UiLocale, Record<string, string>>();

function catalogue(locale: UiLocale): Record<string, string> {
  let words = cache.get(locale);
  if (!words) {
    try {
      words = JSON.parse(fs.readFileSync(path.join(CATALOGUES, `${locale}.json`), 'utf8')) as Record<
        string,
        string
      >;
    } catch {
      words = {};
    }
    cache.set(locale, words);
  }
  return words;
}

export function exportLabeller(locale: UiLocale): Labeller {
  const words = catalogue(locale);
  const regions = new Intl.DisplayNames([locale, 'es'], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([locale, 'es'], { type: 'language', fallback: 'code' });
  const word = (...keys: string[]) => keys.map((key) => words[key]).find((w) => w !== undefined);
  return (dimension, code) => {
    if (dimension === 'section')
      return word(`statistics.section.${code}`, `statistics.export.${code}`) ?? code;
    if (dimension === 'summary') return word(`statistics.export.summary.${code}`) ?? code;
    if (dimension === 'column') return word(`statistics.col.${code}`) ?? code;
    const own = word(
      `statistics.code.${dimension}.${code}`,
      `enum.${ENUM_OF[dimension] ?? '-'}.${code}`,
      FLAGS.has(code) ? `case.field.${code}` : '-',
      `statistics.code.${code}`,
    );
    if (own !== undefined) return own;
    try {
      if (dimension === 'nationality') return regions.of(code) ?? code;
      if (dimension === 'language') return languages.of(code) ?? code;
    } catch {
      return code;
    }
    if (dimension === 'state') return (MX_STATES as Record<string, string>)[code] ?? code;
    return code;
  };
}

/** A catalogue message with its `{name}` placeholders filled (the brief's texts use no plural forms). */
export type Words = (key: string, params?: Record<string, string | number>) => string;

/** The interface's words in a language, for the brief's own texts; a missing key stays the key. */
export function reportWords(locale: UiLocale): Words {
  const words = catalogue(locale);
  return (key, params = {}) =>
    (words[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}
