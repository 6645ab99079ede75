/**
 * Shapes of what leaves the server. The server's response schemas and the web
 * app's types are both inferred from these: a field not listed here is dropped.
 */
import { z } from 'zod';
import { RISK_LEVELS } from './risk/risk.js';
import { ROLES } from './roles.js';
import { UI_LOCALES } from './languages.js';
import {
  CASE_ROLES_ON_CASE,
  CASE_STATUSES,
  CASE_STEPS,
  CLOSURE_REASONS,
  RELATIONSHIPS,
  SEXES,
  caseProfileInput,
} from './case.js';
import { NOTE_CLASSES } from './notes.js';
import { privacyNoticeView } from './privacy/notice.js';

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(UI_LOCALES),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

export const organizationView = z.object({
  id: z.string(),
  name: z.string(),
  casePrefix: z.string(),
});

export const sessionView = z.object({
  user: userView,
  organization: organizationView,
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number(),
  abilities: z.object({
    manageUsers: z.boolean(),
    readCases: z.boolean(),
    createCases: z.boolean(),
  }),
});
export type SessionView = z.infer<typeof sessionView>;

/** An item of `GET /staff`: an active case worker of the organization, for assignment. */
export const staffOptionView = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
export type StaffOptionView = z.infer<typeof staffOptionView>;

export const staffView = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleOnCase: z.enum(CASE_ROLES_ON_CASE),
  assignedAt: z.string(),
});

export const familyMemberView = z.object({
  id: z.string(),
  relationship: z.enum(RELATIONSHIPS),
  givenNames: z.string(),
  familyNames: z.string(),
  birthDate: z.string().nullable(),
  estimatedAge: z.number().nullable(),
  sex: z.enum(SEXES),
});
export type FamilyMemberView = z.infer<typeof familyMemberView>;

export const caseSummaryView = z.object({
  id: z.string(),
  code: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  preferredName: z.string(),
  nationalities: z.array(z.string()),
  state: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  step: z.enum(CASE_STEPS),
  familySize: z.number(),
  /** The newest risk assessment's level, or null. */
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
});
export type CaseSummaryView = z.infer<typeof caseSummaryView>;

export const casePageView = z.object({
  items: z.array(caseSummaryView),
  nextCursor: z.string().nullable(),
});

export const caseAbilities = z.object({
  update: z.boolean(),
  assign: z.boolean(),
  viewAudit: z.boolean(),
  viewHistory: z.boolean(),
  readNoteClasses: z.array(z.enum(NOTE_CLASSES)),
  writeNoteClasses: z.array(z.enum(NOTE_CLASSES)),
  /** Approve or return care plans and closures (coordinators and admins). */
  decide: z.boolean(),
});
export type CaseAbilities = z.infer<typeof caseAbilities>;

export const caseDetailView = caseProfileInput.extend({
  id: z.string(),
  code: z.string(),
  status: z.enum(CASE_STATUSES),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  step: z.enum(CASE_STEPS),
  familyMembers: z.array(familyMemberView),
  staff: z.array(staffView),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastActivityAt: z.string(),
  /** The privacy notice she accepted at intake. */
  privacyNotice: privacyNoticeView.nullable(),
  /** Whether her consent to be contacted by phone or message is in force today. */
  contactConsent: z.boolean(),
  abilities: caseAbilities,
});
export type CaseDetailView = z.infer<typeof caseDetailView>;

export const noteView = z.object({
  id: z.string(),
  noteClass: z.enum(NOTE_CLASSES),
  body: z.string(),
  /** True when the sealed text could not be opened (tampering or a lost key); `body` is then empty. */
  unreadable: z.boolean(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type NoteView = z.infer<typeof noteView>;

export const auditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const caseVersionView = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()),
});
export type CaseVersionView = z.infer<typeof caseVersionView>;
