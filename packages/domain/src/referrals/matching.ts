/**
 * "Services that fit this woman": for each service answering a need, whether
 * it fits her on each criterion the directory records — her age, gender,
 * nationality, children, language and where she is — and why. A criterion
 * the service does not restrict fits; one we do not know about her is
 * `unknown` (shown, never counted against the service).
 */
import type { Service } from '../directory/directory.js';

export const FIT_CRITERIA = [
  'gender',
  'age',
  'nationality',
  'children',
  'language',
  'location',
  'availability',
] as const;
export type FitCriterion = (typeof FIT_CRITERIA)[number];
export const FIT_RESULTS = ['fits', 'does_not_fit', 'unknown'] as const;
export type FitResult = (typeof FIT_RESULTS)[number];

export interface WomanForMatching {
  age: number | null;
  genderIdentity: string;
  nationalities: readonly string[];
  languages: readonly string[];
  needsInterpreter: boolean;
  state: string | null;
  municipality: string;
  /** Children (under 18, or of unknown age) among the family members registered with her. */
  children: number;
}

export interface FitReason {
  criterion: FitCriterion;
  result: FitResult;
  /** What the reason is about, to show next to it: e.g. "18–60", "ES, EN", "CHP". */
  detail: string;
}

/** What matching reads of a service (the directory's fields of the same names). */
interface Fields {
  genders: readonly string[];
  minimum_age: number | null;
  maximum_age: number | null;
  nationalities: readonly string[];
  accepts_children: boolean | null;
  languages: readonly string[];
  interpretation_services: string;
  service_areas: readonly { state: string; municipality: string }[];
  availability: Service['availability'];
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

function ageReason(s: Fields, w: WomanForMatching): FitReason {
  const { minimum_age: min, maximum_age: max } = s;
  const detail = min === null && max === null ? '' : `${min ?? 0}–${max ?? '∞'}`;
  if (min === null && max === null) return { criterion: 'age', result: 'fits', detail };
  if (w.age === null) return { criterion: 'age', result: 'unknown', detail };
  const fits = (min === null || w.age >= min) && (max === null || w.age <= max);
  return { criterion: 'age', result: fits ? 'fits' : 'does_not_fit', detail };
}

function languageReason(s: Fields, w: WomanForMatching): FitReason {
  const detail = s.languages.join(', ');
  if (!s.languages.length) return { criterion: 'language', result: 'unknown', detail };
  if (!w.languages.length) return { criterion: 'language', result: 'unknown', detail };
  if (w.languages.some((l) => s.languages.includes(l)))
    return { criterion: 'language', result: 'fits', detail };
  // No shared language: an interpretation service still makes it usable.
  return { criterion: 'language', result: s.interpretation_services ? 'fits' : 'does_not_fit', detail };
}

function locationReason(s: Fields, w: WomanForMatching): FitReason {
  const areas = s.service_areas;
  const detail = areas.map((a) => (a.municipality ? `${a.municipality} (${a.state})` : a.state)).join(', ');
  if (!areas.length) return { criterion: 'location', result: 'fits', detail };
  if (w.state === null) return { criterion: 'location', result: 'unknown', detail };
  const inState = areas.filter((a) => a.state === w.state);
  if (!inState.length) return { criterion: 'location', result: 'does_not_fit', detail };
  if (inState.some((a) => !a.municipality)) return { criterion: 'location', result: 'fits', detail };
  if (!w.municipality) return { criterion: 'location', result: 'unknown', detail };
  const fits = inState.some((a) => fold(a.municipality) === fold(w.municipality));
  return { criterion: 'location', result: fits ? 'fits' : 'does_not_fit', detail };
}

/** Why a service fits her or not, criterion by criterion. */
export function serviceFit(s: Fields, w: WomanForMatching): { fits: boolean; reasons: FitReason[] } {
  const reasons: FitReason[] = [
    {
      criterion: 'gender',
      result: !s.genders.length || s.genders.includes(w.genderIdentity) ? 'fits' : 'does_not_fit',
      detail: s.genders.join(', '),
    },
    ageReason(s, w),
    {
      criterion: 'nationality',
      result: !s.nationalities.length
        ? 'fits'
        : !w.nationalities.length
          ? 'unknown'
          : w.nationalities.some((n) => s.nationalities.includes(n))
            ? 'fits'
            : 'does_not_fit',
      detail: s.nationalities.join(', '),
    },
    {
      criterion: 'children',
      result:
        w.children === 0
          ? 'fits'
          : s.accepts_children === null
            ? 'unknown'
            : s.accepts_children
              ? 'fits'
              : 'does_not_fit',
      detail: String(w.children),
    },
    languageReason(s, w),
    locationReason(s, w),
    {
      criterion: 'availability',
      result: s.availability === 'full' ? 'does_not_fit' : s.availability === 'unknown' ? 'unknown' : 'fits',
      detail: s.availability,
    },
  ];
  return { fits: reasons.every((r) => r.result !== 'does_not_fit'), reasons };
}
