import { useMemo } from 'react';
import { COUNTRY_CODES, LANGUAGE_CODES, MX_STATES } from '@senda/domain';
import { ENUM_GROUPS, type EnumGroup } from '../i18n/enums';
import { useT } from '../i18n/useT';
import type { Option } from '../components/forms';
import { useFormatters } from './format';

/** Translated options of one domain enumeration, in the domain's order. */
export function useEnumOptions(group: EnumGroup): Option[] {
  const t = useT();
  return useMemo(
    () =>
      (ENUM_GROUPS[group] as readonly string[]).map((value) => ({
        value,
        label: t(`enum.${group}.${value}` as Parameters<typeof t>[0]),
      })),
    [group, t],
  );
}

/** A translated enum label (for display). */
export function useEnumLabel(): (group: EnumGroup, value: string | null | undefined) => string {
  const t = useT();
  return (group, value) => {
    if (value == null) return '—';
    if (!(ENUM_GROUPS[group] as readonly string[]).includes(value)) return value;
    return t(`enum.${group}.${value}` as Parameters<typeof t>[0]);
  };
}

/** Countries named in the user's language, sorted by that name. */
export function useCountryOptions(): Option[] {
  const f = useFormatters();
  return useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: f.country(code) })).sort((a, b) =>
        f.collator.compare(a.label, b.label),
      ),
    [f],
  );
}

export function useLanguageOptions(): Option[] {
  const f = useFormatters();
  return useMemo(
    () =>
      LANGUAGE_CODES.map((code) => ({ value: code, label: f.language(code) })).sort((a, b) =>
        f.collator.compare(a.label, b.label),
      ),
    [f],
  );
}

export function useStateOptions(): Option[] {
  return useMemo(() => Object.entries(MX_STATES).map(([value, label]) => ({ value, label })), []);
}
