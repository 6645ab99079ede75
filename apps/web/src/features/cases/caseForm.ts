import {
  caseCreateInput,
  type CASE_STATUSES,
  type CASE_STEPS,
  type CLOSURE_REASONS,
  type CaseCreateInput,
  type FamilyMemberInput,
} from '@senda/domain';

/** The values of the intake form and of the profile edit form. */
export type CaseFormValues = CaseCreateInput & {
  status?: (typeof CASE_STATUSES)[number];
  closureReason?: (typeof CLOSURE_REASONS)[number] | null;
  step?: (typeof CASE_STEPS)[number];
};

export const CASE_FORM_FIELDS = new Set<string>([
  ...Object.keys(caseCreateInput.shape),
  'status',
  'closureReason',
  'step',
]);

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

export function emptyCase(): CaseFormValues {
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
  };
}

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
