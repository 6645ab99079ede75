/**
 * Every enumeration of the domain that the interface shows, with the prefix
 * of its catalogue keys: `enum.<group>.<value>`. The catalogue test checks
 * that each value has its key in every language.
 */
import {
  AUTHORITIES,
  CASE_ROLES_ON_CASE,
  DEADLINE_STATUSES,
  DEFAULT_DEADLINE_RULES,
  DOCUMENT_KINDS,
  FILED_BY,
  GBV_CORE_TYPES,
  INCIDENT_CONTEXT_FLAGS,
  INCIDENT_PHASES,
  PERPETRATOR_CATEGORIES,
  REPORTED_ANSWERS,
  REPORT_RECIPIENTS,
  VIOLENCE_MODALITIES,
  VIOLENCE_TYPES,
  HOLIDAY_NAMES,
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_OUTCOMES,
  PROCEDURE_WARNING_CODES,
  RISK_LEVELS,
  RESPONSIBLE_PARTIES,
  REVISION_OUTCOMES,
  SIGNING_AUTHORITIES,
  SIGNING_FREQUENCIES,
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
  eventType: PROCEDURE_EVENT_TYPES,
  outcome: PROCEDURE_OUTCOMES,
  revisionOutcome: REVISION_OUTCOMES,
  filedBy: FILED_BY,
  frequency: SIGNING_FREQUENCIES,
  signingAuthority: SIGNING_AUTHORITIES,
  deadlineStatus: DEADLINE_STATUSES,
  responsible: RESPONSIBLE_PARTIES,
  authority: AUTHORITIES,
  warning: PROCEDURE_WARNING_CODES,
  riskLevel: RISK_LEVELS,
  /** Codes of the default deadline rules (a rule the interface does not know shows its code). */
  rule: DEFAULT_DEADLINE_RULES.map((r) => r.code),
  /** Codes of the law's holidays. */
  holiday: Object.keys(HOLIDAY_NAMES),
  // Violence history: LGAMVLV types and modalities, GBVIMS core types, and the context.
  incidentPhase: INCIDENT_PHASES,
  violenceType: VIOLENCE_TYPES,
  violenceModality: VIOLENCE_MODALITIES,
  gbvType: GBV_CORE_TYPES,
  perpetrator: PERPETRATOR_CATEGORIES,
  reported: REPORTED_ANSWERS,
  reportRecipient: REPORT_RECIPIENTS,
  contextFlag: INCIDENT_CONTEXT_FLAGS,
  // Documents uploaded to a case (not the papers she holds: that is `document`).
  documentKind: DOCUMENT_KINDS,
} as const;

export type EnumGroup = keyof typeof ENUM_GROUPS;
export type EnumValue<G extends EnumGroup> = (typeof ENUM_GROUPS)[G][number];
