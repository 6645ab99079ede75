import { useMemo } from 'react';
import { LANGUAGES, MX_STATES, formattingLocale, type UiLocale } from '@senda/domain';
import { useLocale } from '../i18n/LocaleProvider';

const languageFallback = new Map<string, string>(
  LANGUAGES.flatMap((l) => ('name' in l ? [[l.code, l.name] as const] : [])),
);

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

export interface Formatters {
  locale: UiLocale;
  tag: string;
  country: (code: string) => string;
  language: (code: string) => string;
  state: (code: string | null | undefined) => string;
  /** A legal date (YYYY-MM-DD), shown without any time-zone shift. */
  date: (value: string | null | undefined) => string;
  /** An instant (UTC ISO 8601), shown in the viewer's time zone. */
  dateTime: (value: string | null | undefined) => string;
  number: (value: number) => string;
  list: (values: readonly string[]) => string;
  collator: Intl.Collator;
}

const EMPTY = '—';

export function makeFormatters(locale: UiLocale): Formatters {
  const tag = formattingLocale(locale);
  const regions = displayNames(tag, 'region');
  const languages = displayNames(tag, 'language');
  const englishLanguages = displayNames('en', 'language');
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(tag);
  const listFormat = new Intl.ListFormat(tag, { type: 'conjunction', style: 'short' });
  return {
    locale,
    tag,
    country(code) {
      try {
        return regions?.of(code) ?? code;
      } catch {
        return code;
      }
    },
    language(code) {
      // The user's language first, then the domain's own name, then English.
      const named = (names: Intl.DisplayNames | null): string | undefined => {
        try {
          const value = names?.of(code);
          return value && value.toLowerCase() !== code.toLowerCase() ? value : undefined;
        } catch {
          return undefined;
        }
      };
      const name = named(languages) ?? languageFallback.get(code) ?? named(englishLanguages);
      if (!name) return code;
      // Intl names are lower case in some languages ("español"): capitalise for lists.
      return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
    },
    state(code) {
      if (!code) return EMPTY;
      return (MX_STATES as Record<string, string>)[code] ?? code;
    },
    date(value) {
      if (!value) return EMPTY;
      const d = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? value : dateFormat.format(d);
    },
    dateTime(value) {
      if (!value) return EMPTY;
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? value : dateTimeFormat.format(d);
    },
    number: (value) => numberFormat.format(value),
    list: (values) => {
      if (values.length === 0) return EMPTY;
      // No CLDR data for Haitian Creole: fr-HT would say "et"; Kreyòl says "ak".
      if (locale === 'ht' && values.length > 1)
        return `${values.slice(0, -1).join(', ')} ak ${values.at(-1) ?? ''}`;
      return listFormat.format(values);
    },
    collator: new Intl.Collator(tag, { sensitivity: 'base' }),
  };
}

export function useFormatters(): Formatters {
  const { locale } = useLocale();
  return useMemo(() => makeFormatters(locale), [locale]);
}
