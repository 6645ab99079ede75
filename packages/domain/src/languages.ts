/**
 * Languages a woman may speak (ISO 639-1 where it exists, ISO 639-3 otherwise).
 * Names are shown through Intl.DisplayNames; the indigenous languages of
 * Mexico and Central America that Intl does not name carry their own name.
 */
export const LANGUAGES = [
  { code: 'es' },
  { code: 'ht' },
  { code: 'fr' },
  { code: 'pt' },
  { code: 'en' },
  { code: 'ar' },
  { code: 'ru' },
  { code: 'zh' },
  { code: 'hi' },
  { code: 'bn' },
  { code: 'wo' },
  { code: 'ff' },
  { code: 'am' },
  { code: 'ti' },
  { code: 'so' },
  { code: 'tr' },
  { code: 'uk' },
  { code: 'fa' },
  { code: 'ps' },
  { code: 'ur' },
  { code: 'ne' },
  { code: 'vi' },
  { code: 'qu' },
  { code: 'ay' },
  { code: 'gn' },
  { code: 'mam', name: 'Mam' },
  { code: 'quc', name: "K'iche'" },
  { code: 'kek', name: "Q'eqchi'" },
  { code: 'cak', name: 'Kaqchikel' },
  { code: 'cab', name: 'Garífuna' },
  { code: 'miq', name: 'Miskito' },
  { code: 'nah', name: 'Náhuatl' },
  { code: 'tzo', name: 'Tsotsil' },
  { code: 'tzh', name: 'Tseltal' },
  { code: 'yua', name: 'Maya yucateco' },
  { code: 'zap', name: 'Zapoteco' },
  { code: 'mix', name: 'Mixteco' },
  { code: 'oto', name: 'Otomí' },
  { code: 'sgn', name: 'Lengua de señas' },
] as const satisfies readonly { code: string; name?: string }[];
export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];

/** Languages of the interface. */
export const UI_LOCALES = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
export const DEFAULT_LOCALE: UiLocale = 'es';
/** Haitian Creole has no CLDR data in Node or Chromium: format with fr-HT. */
export function formattingLocale(locale: UiLocale): string {
  return locale === 'ht' ? 'fr-HT' : locale === 'es' ? 'es-MX' : locale;
}
