/**
 * The web app's own catalogues, so that tests find controls by the label a
 * person reads, in the language under test (a missing key fails loudly).
 */
import fs from 'node:fs';
import path from 'node:path';

export type Lang = 'es' | 'en' | 'fr' | 'ht' | 'pt';
export type T = (key: string, values?: Record<string, string | number>) => string;

const dir = path.resolve(import.meta.dirname, '../../apps/web/src/i18n');

export function catalogue(lang: Lang): T {
  const messages = JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<
    string,
    string
  >;
  return (key, values = {}) => {
    const message = messages[key];
    if (message === undefined) throw new Error(`no message ${key} in ${lang}`);
    // Only simple {placeholders} are used from tests; plural/select messages are not.
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
    });
  };
}

/** Every translation of a key, for controls found before the language is known. */
export function anyLanguage(key: string): RegExp {
  const langs: Lang[] = ['es', 'en', 'fr', 'ht', 'pt'];
  const texts = langs.map((l) => catalogue(l)(key));
  return new RegExp(`^(${texts.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}
