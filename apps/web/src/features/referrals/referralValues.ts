/**
 * Referrals, as plain functions: who uses them, the search of the pages'
 * URLs (ids and codes only, never a name), the order of the services that
 * fit her, which data a referral may share under her consent, the form's
 * values and their conversion to what the API takes, the sender's
 * dashboard counts, and the parts of her shared data.
 */
import {
  CASE_ROLES,
  REFERRAL_SHARES,
  UI_LOCALES,
  referralAcceptInput,
  referralCompleteInput,
  referralCreateInput,
  referralDeclineInput,
  type DECLINE_REASONS,
  type NOT_GIVEN_REASONS,
  type ReferralCreateInput,
  type ReferralOutcome,
  type ReferralShare,
  type ReferralUrgency,
  type Role,
  type UiLocale,
} from '@senda/domain';
import type {
  ReferralAcceptInput,
  ReferralBox,
  ReferralCompleteInput,
  ReferralDeclineInput,
  ReferralListParams,
  ReferralSummary,
  ServiceMatch,
  SharedData,
} from '../../lib/referralsApi';
import { domainResolver } from '../directory/formValues';

/** Every case role sends referrals from her cases; partner organizations receive them (analysts neither). */
export function canUseReferrals(role: Role): boolean {
  return CASE_ROLES.includes(role) || role === 'partner';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: unknown): string | undefined =>
  typeof value === 'string' && UUID.test(value) ? value : undefined;

/** The referrals page's search: the box (received by default) and whether closed ones show too. */
export interface ReferralsSearch {
  box?: ReferralBox | undefined;
  /** Closed ones too (by default only open ones). */
  all?: boolean | undefined;
}

export function parseReferralsSearch(search: Record<string, unknown>): ReferralsSearch {
  const parsed: ReferralsSearch = {};
  if (search.box === 'sent' || search.box === 'received') parsed.box = search.box;
  if (search.all === true || search.all === 'true') parsed.all = true;
  return parsed;
}

export const listParams = (search: ReferralsSearch): ReferralListParams => ({
  box: search.box ?? 'received',
  open: search.all !== true,
});

/** The referral form's search: the need referred, and the service once chosen. */
export interface ReferSearch {
  needId?: string | undefined;
  serviceId?: string | undefined;
}

export function parseReferSearch(search: Record<string, unknown>): ReferSearch {
  const parsed: ReferSearch = {};
  const needId = uuid(search.needId);
  const serviceId = uuid(search.serviceId);
  if (needId) parsed.needId = needId;
  if (needId && serviceId) parsed.serviceId = serviceId;
  return parsed;
}

const isUiLocale = (value: unknown): value is UiLocale =>
  typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);

/** The letter's search: the language it is printed in. */
export function parseLetterSearch(search: Record<string, unknown>): { lang?: UiLocale } {
  return isUiLocale(search.lang) ? { lang: search.lang } : {};
}

/** The letter's language: the one chosen, else her first language Senda speaks, else Spanish. */
export function letterLanguage(chosen: UiLocale | undefined, herLanguage: string | null): UiLocale {
  if (chosen) return chosen;
  return isUiLocale(herLanguage) ? herLanguage : 'es';
}

/** Services that fit her first, each group in the server's order. */
export function orderMatches(items: readonly ServiceMatch[]): ServiceMatch[] {
  return [...items.filter((m) => m.fits), ...items.filter((m) => !m.fits)];
}

/** The values a fit reason names ("es, ht", "HT, DO"), one by one, to be named in her language. */
export function detailTokens(detail: string): string[] {
  return detail
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
}

export interface ShareChoice {
  value: ReferralShare;
  /** Her consent to share with that organization covers it. */
  allowed: boolean;
  /** Her own accounts, word for word: shown with a warning. */
  verbatim: boolean;
}

/** What a referral may share, each item allowed only when her consent's scopes cover it. */
export function shareChoices(consentScopes: readonly string[]): ShareChoice[] {
  const consented = new Set(consentScopes);
  return REFERRAL_SHARES.map((value) => ({
    value,
    allowed: consented.has(value),
    verbatim: value === 'narratives',
  }));
}

export interface ReferralFormValues {
  scope: ReferralShare[];
  documentIds: string[];
  urgency: ReferralUrgency;
  message: string;
}

export const emptyReferral = (): ReferralFormValues => ({
  scope: [],
  documentIds: [],
  urgency: 'normal',
  message: '',
});

/** The referral as the API takes it: documents only with the documents scope. */
export function toReferralInput(
  values: ReferralFormValues,
  ids: { needId: string; serviceId: string },
  send: boolean,
): ReferralCreateInput {
  const scope = REFERRAL_SHARES.filter((s) => values.scope.includes(s));
  return {
    needId: ids.needId,
    serviceId: ids.serviceId,
    scope,
    documentIds: scope.includes('documents') ? values.documentIds : [],
    urgency: values.urgency,
    message: values.message.trim(),
    send,
  };
}

/** The form's fields, which the API's field errors may name ("documentIds.0" is on documentIds). */
const REFERRAL_FORM_FIELDS = new Set(['scope', 'documentIds', 'urgency', 'message']);
export const isReferralFormField = (path: string): boolean =>
  REFERRAL_FORM_FIELDS.has(path.split('.')[0] ?? '');

/** Checks the form with the domain's schema (the ids are checked by the server). */
export const referralFormResolver = (ids: { needId: string; serviceId: string }) =>
  domainResolver<ReferralFormValues, typeof referralCreateInput>(
    referralCreateInput,
    (values) => toReferralInput(values, ids, true),
    () => [],
  );

export interface AcceptValues {
  /** '' for nobody yet. */
  assignedTo: string;
  comment: string;
}
export const toAcceptInput = (values: AcceptValues): ReferralAcceptInput => ({
  assignedTo: values.assignedTo || null,
  comment: values.comment.trim(),
});
export const acceptResolver = domainResolver<AcceptValues, typeof referralAcceptInput>(
  referralAcceptInput,
  toAcceptInput,
  () => [],
);

export interface DeclineValues {
  reason: (typeof DECLINE_REASONS)[number] | '';
  comment: string;
}
export const toDeclineInput = (values: DeclineValues): ReferralDeclineInput => ({
  reason: values.reason as ReferralDeclineInput['reason'],
  comment: values.comment.trim(),
});
export const declineResolver = domainResolver<DeclineValues, typeof referralDeclineInput>(
  referralDeclineInput,
  toDeclineInput,
  (input: ReferralDeclineInput) =>
    input.reason === 'other' && !input.comment ? [{ path: 'comment', code: 'reason_required' }] : [],
);

export interface CompleteValues {
  outcome: ReferralOutcome | '';
  /** Why it was not given (only for `not_given`). */
  reason: (typeof NOT_GIVEN_REASONS)[number] | '';
  comment: string;
}
export const toCompleteInput = (values: CompleteValues): ReferralCompleteInput => ({
  outcome: values.outcome as ReferralOutcome,
  reason: values.outcome === 'not_given' && values.reason ? values.reason : null,
  comment: values.comment.trim(),
});
export const completeResolver = domainResolver<CompleteValues, typeof referralCompleteInput>(
  referralCompleteInput,
  toCompleteInput,
  (input: ReferralCompleteInput) => [
    ...(input.outcome === 'not_given' && !input.reason ? [{ path: 'reason', code: 'reason_required' }] : []),
    ...(input.reason === 'other' && !input.comment ? [{ path: 'comment', code: 'reason_required' }] : []),
  ],
);

/** The sender's dashboard: how many wait for an answer, are overdue, or have had no news for 14 days. */
export function sentCounts(items: readonly Pick<ReferralSummary, 'flags'>[]): {
  waiting: number;
  overdue: number;
  withoutNews: number;
} {
  return {
    waiting: items.filter((r) => r.flags.waiting).length,
    overdue: items.filter((r) => r.flags.overdue).length,
    withoutNews: items.filter((r) => r.flags.withoutNews).length,
  };
}

/** The parts of her shared data, in reading order; each is present only when the referral shares it. */
export const SHARED_PARTS = [
  'identity',
  'contact',
  'family',
  'needs',
  'procedure',
  'violence',
  'narratives',
  'documents',
] as const satisfies readonly (keyof SharedData)[];
export type SharedPart = (typeof SHARED_PARTS)[number];

export function sharedParts(shared: SharedData): SharedPart[] {
  return SHARED_PARTS.filter((part) => shared[part] !== undefined);
}
