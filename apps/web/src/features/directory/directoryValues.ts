/**
 * The directory's reading side, as plain functions: who reads and who keeps
 * entries, the search filters of the URL, and the words a service card shows
 * (eligibility, ages, areas, cost, how to refer). Texts come from a
 * translation function passed in, so the rules are tested without React.
 */
import {
  CASE_ROLES,
  LANGUAGE_CODES,
  MX_STATE_CODES,
  NEED_DOMAINS,
  type MxStateCode,
  type NeedDomain,
  type Role,
} from '@senda/domain';
import type { DirectoryService } from '../../lib/directoryApi';
import type { MessageKey } from '../../i18n/catalogues';
import type { MessageValues } from '../../i18n/useT';

/** Every case role and partner organizations read the directory (analysts do not). */
export function canReadDirectory(role: Role): boolean {
  return CASE_ROLES.includes(role) || role === 'partner';
}

/** Admins and coordinators keep their organization's entries. */
export function canManageDirectory(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}

/** The search's filters, in the URL (a need, a place, a language, words: nobody's name). */
export interface DirectoryFilters {
  need?: NeedDomain | undefined;
  state?: MxStateCode | undefined;
  /** Only with a state (the API refuses it alone). */
  municipality?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  // TanStack Router JSON-parses search values: "07" may arrive as the number 7.
  const text = typeof value === 'number' ? String(value).padStart(2, '0') : value;
  return typeof text === 'string' && (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

function words(value: unknown, max: number): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().slice(0, max);
  return trimmed || undefined;
}

export function parseDirectoryFilters(search: Record<string, unknown>): DirectoryFilters {
  const filters: DirectoryFilters = {};
  const need = oneOf(NEED_DOMAINS, search.need);
  const state = oneOf(MX_STATE_CODES, search.state);
  const municipality = state ? words(search.municipality, 120) : undefined;
  const language = oneOf(LANGUAGE_CODES, search.language);
  const q = words(search.q, 100);
  if (need) filters.need = need;
  if (state) filters.state = state;
  if (municipality) filters.municipality = municipality;
  if (language) filters.language = language;
  if (q) filters.q = q;
  return filters;
}

export const hasFilters = (filters: DirectoryFilters): boolean => Object.keys(filters).length > 0;

type Text = (key: MessageKey, values?: MessageValues) => string;

/** The ages a service takes, in words. */
export function ageText(t: Text, min: number | null, max: number | null): string {
  if (min === null && max === null) return t('directory.eligibility.anyAge');
  if (max === null) return t('directory.eligibility.ageFrom', { min: min ?? 0 });
  if (min === null || min === 0) return t('directory.eligibility.ageUpTo', { max });
  return t('directory.eligibility.ageRange', { min, max });
}

export interface Summary {
  term: string;
  value: string;
}

/** What a card says of who may use the service: genders, ages, nationalities, papers she needs. */
export function eligibilitySummary(
  service: Pick<
    DirectoryService,
    'genders' | 'minimum_age' | 'maximum_age' | 'nationalities' | 'required_documents'
  >,
  f: {
    t: Text;
    gender: (value: string) => string;
    country: (code: string) => string;
    list: (values: readonly string[]) => string;
  },
): Summary[] {
  const { t } = f;
  return [
    {
      term: t('directory.eligibility.genders'),
      value: service.genders.length
        ? f.list(service.genders.map(f.gender))
        : t('directory.eligibility.anyGender'),
    },
    {
      term: t('directory.eligibility.ages'),
      value: ageText(t, service.minimum_age, service.maximum_age),
    },
    {
      term: t('directory.eligibility.nationalities'),
      value: service.nationalities.length
        ? f.list(service.nationalities.map(f.country))
        : t('directory.eligibility.anyNationality'),
    },
    {
      term: t('directory.eligibility.documents'),
      value: service.required_documents.length
        ? f.list(service.required_documents)
        : t('directory.eligibility.noDocuments'),
    },
  ];
}

/** A place the service covers: a whole state, or one municipality of it. */
export function areaText(
  t: Text,
  area: { state: string; municipality: string },
  stateName: (code: string) => string,
): string {
  return area.municipality
    ? t('directory.area.municipality', { municipality: area.municipality, state: stateName(area.state) })
    : t('directory.area.wholeState', { state: stateName(area.state) });
}

/** What it costs, in words. */
export function costText(t: Text, service: Pick<DirectoryService, 'free' | 'fees_description'>): string {
  if (service.free) return t('directory.cost.free');
  return service.fees_description
    ? t('directory.cost.feesWith', { fees: service.fees_description })
    : t('directory.cost.fees');
}

/** A phone number as a `tel:` link (digits and a leading +). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** How a referral reaches it: inside Senda, or the phone number or e-mail address to use. */
export function referralPath(
  service: Pick<DirectoryService, 'referral_method' | 'referral_phone' | 'referral_email'>,
): { method: DirectoryService['referral_method']; contact: string; href: string | null } {
  if (service.referral_method === 'phone')
    return {
      method: 'phone',
      contact: service.referral_phone,
      href: service.referral_phone ? telHref(service.referral_phone) : null,
    };
  if (service.referral_method === 'email')
    return {
      method: 'email',
      contact: service.referral_email,
      href: service.referral_email ? `mailto:${service.referral_email}` : null,
    };
  return { method: 'senda', contact: '', href: null };
}

/** The manage page's search: which entry is open (an id: nobody's name). */
export function parseManageSearch(search: Record<string, unknown>): { entry?: string } {
  const entry = search.entry;
  return typeof entry === 'string' && /^[0-9a-f-]{36}$/i.test(entry) ? { entry } : {};
}
