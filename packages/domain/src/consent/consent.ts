/**
 * Informed consent, asked before services start, before any referral and
 * before any information is shared, and withdrawable at any time (GBV case
 * management guidelines; LFPDPPP: sensitive data need express consent).
 *
 * A record says for what (purpose, and for a referral the organization), which
 * data (scope), who gave it, how, when, until when, and — once withdrawn — who
 * withdrew it and when. What depends on a purpose asks `consentHolds` for a
 * given day: a withdrawn or expired consent stops it from that day on.
 *
 * For a girl (domain brief, to be verified by the clinic): 0–5 her caregiver
 * consents; 6–14 her own assent and her caregiver's consent; 15–17 her own
 * consent. The age band comes from her birth date (or the age estimated at
 * registration) on the day consent is given.
 *
 * Custom field-error codes: `recipient_required`, `expiry_before_given`,
 * `witness_required`, `signed_form_required`, `consent_must_be_hers`,
 * `caregiver_required`, `child_assent_required`, `withdrawal_before_given`.
 */
import { z } from 'zod';
import { ageOn, type SurvivorAge } from '../age.js';
import { isoDate, notInFuture, shortText } from '../common.js';

export const CONSENT_PURPOSES = [
  /** To receive the clinic's services. */
  'services',
  /** To share information with a named organization for a referral. */
  'referral_sharing',
  /** To use her data, anonymized, in statistics. */
  'statistics',
  /** To be contacted by phone or message. */
  'contact',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_DATA_SCOPES = [
  'identity',
  'contact_details',
  /** Her family members' names, ages and relationship. */
  'family',
  'migration_status',
  /** A summary of what happened (when, where, types, who) — not her account. */
  'violence_history',
  /** Her own accounts of incidents, word for word: only when she agreed to exactly that. */
  'narratives',
  'health',
  /** Her needs and their priority. */
  'needs',
  'documents',
] as const;
export const CONSENT_METHODS = ['signed_form', 'electronic_signature', 'verbal_witnessed'] as const;
export const CONSENT_GIVERS = ['herself', 'caregiver'] as const;
export const CONSENT_WITHDRAWERS = ['herself', 'caregiver', 'staff_on_her_behalf'] as const;
export const AGE_BANDS = ['adult', 'age_15_17', 'age_6_14', 'age_0_5', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const CONSENT_STATUSES = ['active', 'not_yet', 'expired', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

const pastDate = isoDate.refine(notInFuture, { params: { code: 'future_date' } });

export const consentInput = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES),
    /** The organization information may be shared with (a referral). */
    recipient: shortText(200).default(''),
    scope: z.array(z.enum(CONSENT_DATA_SCOPES)).min(1).max(CONSENT_DATA_SCOPES.length),
    givenBy: z.enum(CONSENT_GIVERS).default('herself'),
    caregiverName: shortText(150).default(''),
    caregiverRelationship: shortText(100).default(''),
    /** A girl of 6–14 gives her own assent besides her caregiver's consent. */
    childAssent: z.boolean().nullable().default(null),
    method: z.enum(CONSENT_METHODS),
    witnessName: shortText(150).default(''),
    /** The signed form, uploaded as a document of the case (kind consent_form). */
    documentId: z.uuid().nullable().default(null),
    givenOn: pastDate,
    expiresOn: isoDate.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, code: string) =>
      ctx.addIssue({ code: 'custom', path: [path], params: { code } });
    if (c.purpose === 'referral_sharing' && !c.recipient) issue('recipient', 'recipient_required');
    if (c.expiresOn !== null && c.expiresOn <= c.givenOn) issue('expiresOn', 'expiry_before_given');
    if (c.method === 'verbal_witnessed' && !c.witnessName) issue('witnessName', 'witness_required');
    if (c.method === 'signed_form' && c.documentId === null) issue('documentId', 'signed_form_required');
    if (c.givenBy === 'caregiver' && !c.caregiverName) issue('caregiverName', 'caregiver_required');
  });
export type ConsentInput = z.input<typeof consentInput>;
export type Consent = z.output<typeof consentInput>;

export const consentWithdrawalInput = z.strictObject({
  withdrawnOn: pastDate,
  withdrawnBy: z.enum(CONSENT_WITHDRAWERS),
  note: shortText(500).default(''),
});
export type ConsentWithdrawalInput = z.input<typeof consentWithdrawalInput>;

/** Her age band on a day, from her birth date or the age estimated when the case was registered. */
export function ageBandOn(survivor: SurvivorAge, day: string): AgeBand {
  const age = ageOn(survivor, day);
  if (age === null) return 'unknown';
  if (age >= 18) return 'adult';
  if (age >= 15) return 'age_15_17';
  if (age >= 6) return 'age_6_14';
  return 'age_0_5';
}

/** Who must give consent in an age band: [field, code] pairs for what is missing or wrong. */
export function consentIssuesForAge(
  consent: Pick<Consent, 'givenBy' | 'childAssent'>,
  band: AgeBand,
): { path: string; code: string }[] {
  // A child's assent is recorded only where it is asked for (6–14).
  const noAssent = consent.childAssent === null ? [] : [{ path: 'childAssent', code: 'invalid' }];
  switch (band) {
    case 'adult':
    case 'age_15_17':
      return [
        ...(consent.givenBy === 'herself' ? [] : [{ path: 'givenBy', code: 'consent_must_be_hers' }]),
        ...noAssent,
      ];
    case 'age_6_14':
      return [
        ...(consent.givenBy === 'caregiver' ? [] : [{ path: 'givenBy', code: 'caregiver_required' }]),
        ...(consent.childAssent === true ? [] : [{ path: 'childAssent', code: 'child_assent_required' }]),
      ];
    case 'age_0_5':
      return [
        ...(consent.givenBy === 'caregiver' ? [] : [{ path: 'givenBy', code: 'caregiver_required' }]),
        ...noAssent,
      ];
    case 'unknown':
      return [];
  }
}

export interface ConsentRecordState {
  purpose: ConsentPurpose;
  recipient: string;
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
}

/** A record's state on a day: in force from the day given, up to (not on) its expiry or withdrawal. */
export function consentStatusOn(record: ConsentRecordState, day: string): ConsentStatus {
  if (record.withdrawnOn !== null && day >= record.withdrawnOn) return 'withdrawn';
  if (record.expiresOn !== null && day >= record.expiresOn) return 'expired';
  if (day < record.givenOn) return 'not_yet';
  return 'active';
}

const sameOrganization = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'es', { sensitivity: 'base' }) === 0;

/**
 * Whether some consent for `purpose` is in force on `day` (for a referral, for
 * that organization). What depends on consent asks this, every time.
 */
export function consentHolds(
  records: readonly ConsentRecordState[],
  purpose: ConsentPurpose,
  day: string,
  recipient?: string,
): boolean {
  return records.some(
    (r) =>
      r.purpose === purpose &&
      consentStatusOn(r, day) === 'active' &&
      (purpose !== 'referral_sharing' ||
        (recipient !== undefined && sameOrganization(r.recipient, recipient))),
  );
}

/**
 * The data scopes she agreed to share with `recipient` on `day`: the union of
 * the referral-sharing consents in force for that organization, or null when
 * none is.
 */
export function sharingScopes(
  records: readonly (ConsentRecordState & { scope: readonly string[] })[],
  recipient: string,
  day: string,
): Set<string> | null {
  const inForce = records.filter(
    (r) =>
      r.purpose === 'referral_sharing' &&
      consentStatusOn(r, day) === 'active' &&
      sameOrganization(r.recipient, recipient),
  );
  return inForce.length ? new Set(inForce.flatMap((r) => r.scope)) : null;
}
