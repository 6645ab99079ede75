/**
 * Every enumeration of the domain that the interface shows, with the prefix
 * of its catalogue keys: `enum.<group>.<value>`. The catalogue test checks
 * that each value has its key in every language.
 */
import {
  CASE_ROLES_ON_CASE,
  CASE_STATUSES,
  CASE_STEPS,
  CLOSURE_REASONS,
  CONTACT_METHODS,
  DOCUMENTS,
  GENDER_IDENTITIES,
  NOTE_CLASSES,
  REFERRAL_SOURCES,
  RELATIONSHIPS,
  ROLES,
  SEXES,
  UI_LOCALES,
  VULNERABILITIES,
} from '@senda/domain';

export const ENUM_GROUPS = {
  status: CASE_STATUSES,
  step: CASE_STEPS,
  closureReason: CLOSURE_REASONS,
  genderIdentity: GENDER_IDENTITIES,
  sex: SEXES,
  relationship: RELATIONSHIPS,
  contactMethod: CONTACT_METHODS,
  vulnerability: VULNERABILITIES,
  document: DOCUMENTS,
  referralSource: REFERRAL_SOURCES,
  roleOnCase: CASE_ROLES_ON_CASE,
  role: ROLES,
  noteClass: NOTE_CLASSES,
  locale: UI_LOCALES,
} as const;

export type EnumGroup = keyof typeof ENUM_GROUPS;
export type EnumValue<G extends EnumGroup> = (typeof ENUM_GROUPS)[G][number];
