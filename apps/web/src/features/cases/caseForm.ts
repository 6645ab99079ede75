import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import {
  caseCreateInput,
  noticeLanguageFor,
  type CASE_STEPS,
  type CaseCreateInput,
  type FamilyMemberInput,
  type PRIVACY_NOTICE_PRESENTATIONS,
  type PrivacyNoticeLanguage,
} from '@senda/domain';
import { encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';

/** The privacy notice step of the intake form: "how" starts unchosen, "accepted" unticked. */
export interface PrivacyNoticeFormValues {
  language: PrivacyNoticeLanguage;
  presentedHow: (typeof PRIVACY_NOTICE_PRESENTATIONS)[number] | '';
  accepted: boolean;
  acceptedOn: string;
}

/** The values of the intake form and of the profile edit form (which has no privacy notice). */
export type CaseFormValues = Omit<CaseCreateInput, 'privacyNotice'> & {
  privacyNotice?: PrivacyNoticeFormValues;
  step?: (typeof CASE_STEPS)[number];
};

export const CASE_FORM_FIELDS = new Set<string>([...Object.keys(caseCreateInput.shape), 'step']);

/** Does a server field path (e.g. `familyMembers.0.givenNames`) name a field of the case forms? */
export function isCaseFormPath(path: string): boolean {
  return CASE_FORM_FIELDS.has(path.split('.')[0] ?? '');
}

/** Empty inputs mean "not recorded", which the schema spells null. */
export const emptyToNull = (value: unknown): unknown => (value === '' || value === undefined ? null : value);
export const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);
export const toAge = (value: unknown): unknown => {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const n = Number(value);
  return Number.isNaN(n) ? value : n;
};

export function emptyPrivacyNotice(
  today: string,
  languages: readonly string[] = [],
): PrivacyNoticeFormValues {
  return { language: noticeLanguageFor(languages), presentedHow: '', accepted: false, acceptedOn: today };
}

export function emptyCase(today: string): CaseFormValues {
  return {
    givenNames: '',
    familyNames: '',
    preferredName: '',
    birthDate: null,
    estimatedAge: null,
    genderIdentity: 'woman',
    nationalities: [],
    languages: [],
    needsInterpreter: false,
    entryDate: null,
    entryPlace: '',
    state: null,
    municipality: '',
    contactMethod: null,
    contactDetails: '',
    mayLeaveMessage: false,
    pregnant: false,
    disability: false,
    indigenous: false,
    lgbtiq: false,
    vulnerabilities: [],
    documents: [],
    referralSource: null,
    familyMembers: [],
    privacyNotice: emptyPrivacyNotice(today),
  };
}

const validateIntake = zodResolver(caseCreateInput, zodErrorMap);
type IntakeOutput = z.output<typeof caseCreateInput>;

/**
 * The intake form's resolver: the domain schema, except that an unticked
 * "she accepted" says so in words rather than "choose an option".
 */
export const intakeResolver: Resolver<CaseFormValues, unknown, IntakeOutput> = async (
  values,
  context,
  options,
) => {
  const result = await validateIntake(values as never, context, options as never);
  if (Object.keys(result.errors).length === 0) return { values: result.values as IntakeOutput, errors: {} };
  const errors = result.errors as FieldErrors<CaseFormValues>;
  const accepted = errors.privacyNotice?.accepted;
  if (accepted) accepted.message = encodeFieldError({ code: 'privacy_notice_not_accepted' });
  return { values: {} as Record<string, never>, errors };
};

/**
 * A family member not yet described. Relationship and sex start unchosen on
 * purpose (the form asks for them), so they are typed loosely here only.
 */
export function emptyMember(): FamilyMemberInput {
  return {
    relationship: '' as unknown as FamilyMemberInput['relationship'],
    givenNames: '',
    familyNames: '',
    birthDate: null,
    estimatedAge: null,
    sex: '' as unknown as FamilyMemberInput['sex'],
  };
}
