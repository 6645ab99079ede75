/**
 * Words for the codes of the statistics tables: every row and column code of
 * every dimension, every table and section. Codes the interface already
 * names elsewhere (violence types, outcomes, needs, age bands, workshop
 * topics, countries, states…) keep those names; the codes only statistics
 * use (its measures) have `statistics.code.*` keys.
 * Plain functions taking the translation and formatters, so the rules are
 * tested without React.
 */
import {
  COUNTRY_CODES,
  LANGUAGE_CODES,
  MX_STATE_CODES,
  OTHER_CATEGORY,
  STAT_ENUM_GROUPS,
  STAT_VULNERABILITY_FLAGS,
  PEOPLE_MEASURES,
  PROCEDURE_MEASURES,
  REFERRAL_MEASURES,
  VIOLENCE_PHASE_ROWS,
  WORKSHOP_MEASURES,
  type StatDimension,
  type StatSection,
  type StatTableId,
} from '@senda/domain';
import { ENUM_GROUPS, type EnumGroup } from '../../i18n/enums';
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/useT';
import type { Formatters } from '../../lib/format';

/** The case flags counted as vulnerabilities besides the list of the case (the server counts them first). */
export const VULNERABILITY_FLAGS = STAT_VULNERABILITY_FLAGS;

/** The catalogue group whose labels a dimension reuses (checked against the interface's groups here). */
const ENUM_OF: Partial<Record<StatDimension, EnumGroup>> = STAT_ENUM_GROUPS;

/** Codes with a `statistics.code.<dimension>.<code>` key of their own. */
const OWN_CODES: Partial<Record<StatDimension, readonly string[]>> = {
  people_measure: PEOPLE_MEASURES,
  violence_phase: VIOLENCE_PHASE_ROWS.filter((row) => row === 'any' || row === 'institutional_mexico'),
  procedure_measure: PROCEDURE_MEASURES,
  referral_measure: REFERRAL_MEASURES,
  workshop_measure: WORKSHOP_MEASURES,
};

/** The vulnerability flags are named as on the case form. */
const FLAG_KEYS: Record<(typeof VULNERABILITY_FLAGS)[number], MessageKey> = {
  pregnant: 'case.field.pregnant',
  disability: 'case.field.disability',
  indigenous: 'case.field.indigenous',
  lgbtiq: 'case.field.lgbtiq',
};

/** Dimensions whose codes are named by the formatters (Intl names, the states' names). */
const NAMED: Partial<
  Record<StatDimension, { kind: 'country' | 'language' | 'state'; codes: readonly string[] }>
> = {
  nationality: { kind: 'country', codes: COUNTRY_CODES },
  language: { kind: 'language', codes: LANGUAGE_CODES },
  state: { kind: 'state', codes: MX_STATE_CODES },
};

/** How a code is named: a catalogue key, a formatter, or (a code the interface does not know) itself. */
export type CodeLabel =
  { key: MessageKey } | { kind: 'country' | 'language' | 'state'; code: string } | { raw: string };

const includes = (list: readonly string[] | undefined, code: string) => list?.includes(code) ?? false;

export function codeLabelOf(dimension: StatDimension, code: string): CodeLabel {
  const group = ENUM_OF[dimension];
  if (group && includes(ENUM_GROUPS[group], code)) return { key: `enum.${group}.${code}` as MessageKey };
  if (includes(OWN_CODES[dimension], code))
    return { key: `statistics.code.${dimension}.${code}` as MessageKey };
  if (dimension === 'vulnerability' && code in FLAG_KEYS)
    return { key: FLAG_KEYS[code as keyof typeof FLAG_KEYS] };
  const named = NAMED[dimension];
  if (named && includes(named.codes, code)) return { kind: named.kind, code };
  if (code === OTHER_CATEGORY) return { key: 'statistics.code.other' };
  if (code === 'unknown') return { key: 'statistics.code.unknown' };
  return { raw: code };
}

/** Every code each dimension is known to have, for the tests and nothing else. */
export function knownCodes(dimension: StatDimension): readonly string[] {
  const group = ENUM_OF[dimension];
  return [
    ...(group ? ENUM_GROUPS[group] : []),
    ...(OWN_CODES[dimension] ?? []),
    ...(dimension === 'vulnerability' ? VULNERABILITY_FLAGS : []),
    ...(NAMED[dimension]?.codes ?? []),
    OTHER_CATEGORY,
    'unknown',
  ];
}

/** The name of a row or column code, in the interface's language. */
export function codeText(t: Translate, f: Formatters, dimension: StatDimension, code: string): string {
  const label = codeLabelOf(dimension, code);
  if ('key' in label) return t(label.key);
  if ('raw' in label) return label.raw;
  if (label.kind === 'country') return f.country(label.code);
  if (label.kind === 'language') return f.language(label.code);
  return f.state(label.code);
}

export const tableTitleKey = (id: StatTableId): MessageKey => `statistics.table.${id}`;
export const sectionTitleKey = (section: StatSection): MessageKey => `statistics.section.${section}`;
export const dimensionKey = (dimension: StatDimension): MessageKey => `statistics.dimension.${dimension}`;
