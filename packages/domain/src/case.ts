import { z } from 'zod';
import { isoDate, notInFuture, requiredText, shortText } from './common.js';
import { COUNTRY_CODES, MX_STATE_CODES } from './geo.js';
import { LANGUAGE_CODES } from './languages.js';
import { privacyNoticeAcceptance } from './privacy/notice.js';

export const CASE_STATUSES = ['open', 'closed'] as const;
/** The six steps of the Inter-Agency GBV case management guidelines. */
export const CASE_STEPS = [
  'engagement',
  'assessment',
  'action_planning',
  'implementation',
  'follow_up',
  'closure',
] as const;
export const CLOSURE_REASONS = [
  'needs_met',
  'moved_away',
  'no_longer_wants_services',
  'lost_contact',
  'transferred',
  'other',
] as const;
export const GENDER_IDENTITIES = ['woman', 'trans_woman', 'non_binary', 'other', 'not_stated'] as const;
export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const RELATIONSHIPS = [
  'daughter',
  'son',
  'partner',
  'mother',
  'father',
  'sister',
  'brother',
  'grandchild',
  'other_relative',
  'other',
] as const;
export const CONTACT_METHODS = [
  'phone',
  'whatsapp',
  'signal',
  'email',
  'through_organization',
  'in_person_only',
] as const;
export const VULNERABILITIES = [
  'single_mother',
  'unaccompanied_girl',
  'chronic_illness',
  'older_woman',
  'trafficking_survivor',
  'homeless',
  'detained',
  'other',
] as const;
export const DOCUMENTS = [
  'passport',
  'national_id',
  'birth_certificate',
  'comar_constancia',
  'curp_temporal',
  'humanitarian_visitor_card',
  'permanent_resident_card',
  'other',
] as const;
export const REFERRAL_SOURCES = [
  'walk_in',
  'other_organization',
  'shelter',
  'comar',
  'inm',
  'hotline',
  'social_media',
  'community',
  'other',
] as const;
export const CASE_ROLES_ON_CASE = [
  'lead',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
  'support',
] as const;

const country = z.enum(COUNTRY_CODES);
const pastDate = isoDate.refine(notInFuture, { params: { code: 'future_date' } });
const age = z.int().min(0).max(120);

export const familyMemberInput = z.strictObject({
  relationship: z.enum(RELATIONSHIPS),
  givenNames: requiredText(100),
  familyNames: shortText(100).default(''),
  birthDate: pastDate.nullable().default(null),
  estimatedAge: age.nullable().default(null),
  sex: z.enum(SEXES),
});
export type FamilyMemberInput = z.input<typeof familyMemberInput>;

/** Everything recorded about the woman at intake. One schema for the server and the form. */
const profileShape = {
  givenNames: requiredText(100),
  familyNames: shortText(100).default(''),
  preferredName: shortText(100).default(''),
  birthDate: pastDate.nullable().default(null),
  estimatedAge: age.nullable().default(null),
  genderIdentity: z.enum(GENDER_IDENTITIES).default('woman'),
  nationalities: z.array(country).max(5).default([]),
  languages: z.array(z.enum(LANGUAGE_CODES)).max(10).default([]),
  needsInterpreter: z.boolean().default(false),
  entryDate: pastDate.nullable().default(null),
  entryPlace: shortText(200).default(''),
  state: z.enum(MX_STATE_CODES).nullable().default(null),
  municipality: shortText(100).default(''),
  contactMethod: z.enum(CONTACT_METHODS).nullable().default(null),
  contactDetails: shortText(200).default(''),
  mayLeaveMessage: z.boolean().default(false),
  pregnant: z.boolean().default(false),
  disability: z.boolean().default(false),
  indigenous: z.boolean().default(false),
  lgbtiq: z.boolean().default(false),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).default([]),
  documents: z.array(z.enum(DOCUMENTS)).max(DOCUMENTS.length).default([]),
  referralSource: z.enum(REFERRAL_SOURCES).nullable().default(null),
};

export const caseProfileInput = z.strictObject(profileShape);
export type CaseProfileInput = z.input<typeof caseProfileInput>;
export type CaseProfile = z.output<typeof caseProfileInput>;
export const CASE_PROFILE_FIELDS = Object.keys(profileShape) as (keyof CaseProfile)[];

export const caseCreateInput = z.strictObject({
  ...profileShape,
  familyMembers: z.array(familyMemberInput).max(20).default([]),
  /** The privacy notice she was shown at intake, and her acceptance: a case is not opened without it. */
  privacyNotice: privacyNoticeAcceptance,
});
export type CaseCreateInput = z.input<typeof caseCreateInput>;

/**
 * A partial change of the profile or the step. Fields with a default are
 * filled in by the parser: keep only the keys the caller sent (see
 * `sentKeys`). A case is closed and reopened through its closure request
 * (care/approvals.ts), never here.
 */
export const caseUpdateInput = caseProfileInput.partial().extend({
  step: z.enum(CASE_STEPS).optional(),
});
export type CaseUpdateInput = z.input<typeof caseUpdateInput>;
export type CaseUpdate = z.output<typeof caseUpdateInput>;

/** The keys of a parsed partial update that the caller really sent. */
export function sentKeys<T extends object>(parsed: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => keys.includes(k))) as Partial<T>;
}

export const assignmentInput = z.strictObject({
  userId: z.uuid(),
  roleOnCase: z.enum(CASE_ROLES_ON_CASE),
});

/** Case codes read like IMU-2026-00042: organization prefix, year, running number. */
export const CASE_CODE_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{5,}$/;
export function formatCaseCode(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(5, '0')}`;
}
export const ORG_PREFIX_PATTERN = /^[A-Z]{2,6}$/;

const searchFilters = {
  nationality: country.optional(),
  state: z.enum(MX_STATE_CODES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  step: z.enum(CASE_STEPS).optional(),
  cursor: shortText(200).optional(),
};

/**
 * Case search, sent as a POST body: `q` (a case code or any part of a name)
 * is personal data and must never travel in a URL.
 */
export const caseSearchInput = z.strictObject({
  ...searchFilters,
  q: shortText(100).optional(),
  assignedToMe: z.boolean().optional(),
  limit: z.int().min(1).max(100).default(25),
});
export type CaseSearchInput = z.input<typeof caseSearchInput>;
export type CaseSearch = z.output<typeof caseSearchInput>;

/** The same filters without `q`, for the query string of GET /cases. */
export const caseListQuery = z.strictObject({
  ...searchFilters,
  assignedToMe: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
