import type {
  CaseAbilities,
  CaseDetailView,
  CaseProfile,
  CaseSummaryView,
  FamilyMemberView,
} from '@senda/domain';
import type { FieldCipher } from '../../crypto/keys.js';
import type { CaseMembersTable, CasesTable } from '../../db/schema.js';
import { asRole } from '../users/presenter.js';

/* Rows hold values written through the domain schemas; these casts only restore their enum types. */
type Profile = CaseProfile;

export const contactAad = (caseId: string) => `cases:contact_details:${caseId}`;

export function jsonList<T extends string>(value: string): T[] {
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? (parsed.filter((v) => typeof v === 'string') as T[]) : [];
}

export async function presentProfile(row: CasesTable, cipher: FieldCipher): Promise<Profile> {
  return {
    givenNames: row.given_names,
    familyNames: row.family_names,
    preferredName: row.preferred_name,
    birthDate: row.birth_date,
    estimatedAge: row.estimated_age,
    genderIdentity: row.gender_identity as Profile['genderIdentity'],
    nationalities: jsonList(row.nationalities),
    languages: jsonList(row.languages),
    needsInterpreter: row.needs_interpreter === 1,
    entryDate: row.entry_date,
    entryPlace: row.entry_place,
    state: row.state as Profile['state'],
    municipality: row.municipality,
    contactMethod: row.contact_method as Profile['contactMethod'],
    contactDetails: row.contact_details_enc
      ? await cipher.decrypt(row.contact_details_enc, contactAad(row.id))
      : '',
    mayLeaveMessage: row.may_leave_message === 1,
    pregnant: row.pregnant === 1,
    disability: row.disability === 1,
    indigenous: row.indigenous === 1,
    lgbtiq: row.lgbtiq === 1,
    vulnerabilities: jsonList(row.vulnerabilities),
    documents: jsonList(row.documents),
    referralSource: row.referral_source as Profile['referralSource'],
  };
}

export function presentMember(row: CaseMembersTable): FamilyMemberView {
  return {
    id: row.id,
    relationship: row.relationship as FamilyMemberView['relationship'],
    givenNames: row.given_names,
    familyNames: row.family_names,
    birthDate: row.birth_date,
    estimatedAge: row.estimated_age,
    sex: row.sex as FamilyMemberView['sex'],
  };
}

export interface StaffRow {
  user_id: string;
  display_name: string;
  role: string;
  role_on_case: string;
  created_at: string;
}

export async function presentCaseDetail(
  row: CasesTable,
  members: CaseMembersTable[],
  staff: StaffRow[],
  abilities: CaseAbilities,
  cipher: FieldCipher,
  extra: Pick<CaseDetailView, 'privacyNotice' | 'contactConsent'>,
): Promise<CaseDetailView> {
  return {
    ...(await presentProfile(row, cipher)),
    id: row.id,
    code: row.code,
    status: row.status as CaseDetailView['status'],
    closureReason: row.closure_reason as CaseDetailView['closureReason'],
    step: row.step as CaseDetailView['step'],
    familyMembers: members.map(presentMember),
    staff: staff.map((s) => ({
      userId: s.user_id,
      displayName: s.display_name,
      role: asRole(s.role),
      roleOnCase: s.role_on_case as CaseDetailView['staff'][number]['roleOnCase'],
      assignedAt: s.created_at,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    ...extra,
    abilities,
  };
}

export function presentSummary(
  row: Pick<
    CasesTable,
    | 'id'
    | 'code'
    | 'given_names'
    | 'family_names'
    | 'preferred_name'
    | 'nationalities'
    | 'state'
    | 'status'
    | 'step'
    | 'risk_level'
    | 'last_activity_at'
    | 'created_at'
  > & { member_count: number | string },
): CaseSummaryView {
  return {
    id: row.id,
    code: row.code,
    givenNames: row.given_names,
    familyNames: row.family_names,
    preferredName: row.preferred_name,
    nationalities: jsonList(row.nationalities),
    state: row.state,
    status: row.status as CaseSummaryView['status'],
    step: row.step as CaseSummaryView['step'],
    familySize: 1 + Number(row.member_count),
    riskLevel: row.risk_level as CaseSummaryView['riskLevel'],
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
  };
}
