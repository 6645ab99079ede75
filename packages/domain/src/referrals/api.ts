/** Response shapes of the referral endpoints. */
import { z } from 'zod';
import { CASE_STEPS, GENDER_IDENTITIES, RELATIONSHIPS, SEXES, CONTACT_METHODS } from '../case.js';
import { NEED_DETAIL_CODES, NEED_DOMAINS, NEED_PRIORITIES, NEED_STATUSES } from '../care/needs.js';
import {
  INCIDENT_PHASES,
  PERPETRATOR_CATEGORIES,
  VIOLENCE_TYPES,
  GBV_CORE_TYPES,
} from '../violence/incidents.js';
import { PROCEDURE_EVENT_TYPES } from '../procedure/events.js';
import { FIT_CRITERIA, FIT_RESULTS } from './matching.js';
import { REFERRAL_STATES } from './states.js';
import {
  DECLINE_REASONS,
  NOT_GIVEN_REASONS,
  REFERRAL_MODES,
  REFERRAL_OUTCOMES,
  REFERRAL_SHARES,
  REFERRAL_URGENCIES,
} from './referral.js';

/**
 * The woman's data as the receiving organization sees it: only the parts in
 * the referral's scope are present (the others are absent, not empty).
 */
export const sharedCaseView = z.object({
  identity: z
    .object({
      givenNames: z.string(),
      familyNames: z.string(),
      preferredName: z.string(),
      birthDate: z.string().nullable(),
      age: z.number().nullable(),
      genderIdentity: z.enum(GENDER_IDENTITIES),
      nationalities: z.array(z.string()),
      languages: z.array(z.string()),
      needsInterpreter: z.boolean(),
    })
    .optional(),
  contact: z
    .object({
      contactMethod: z.enum(CONTACT_METHODS).nullable(),
      contactDetails: z.string(),
      mayLeaveMessage: z.boolean(),
      state: z.string().nullable(),
      municipality: z.string(),
    })
    .optional(),
  family: z
    .array(
      z.object({
        relationship: z.enum(RELATIONSHIPS),
        givenNames: z.string(),
        age: z.number().nullable(),
        sex: z.enum(SEXES),
      }),
    )
    .optional(),
  needs: z
    .array(
      z.object({
        domain: z.enum(NEED_DOMAINS),
        detail: z.enum(NEED_DETAIL_CODES).nullable(),
        priority: z.enum(NEED_PRIORITIES),
        status: z.enum(NEED_STATUSES),
      }),
    )
    .optional(),
  procedure: z
    .object({
      step: z.enum(CASE_STEPS),
      events: z.array(z.object({ type: z.enum(PROCEDURE_EVENT_TYPES), date: z.string() })),
    })
    .optional(),
  violence: z
    .array(
      z.object({
        phase: z.enum(INCIDENT_PHASES),
        from: z.string(),
        types: z.array(z.enum(VIOLENCE_TYPES)),
        gbvType: z.enum(GBV_CORE_TYPES),
        perpetrator: z.enum(PERPETRATOR_CATEGORIES),
      }),
    )
    .optional(),
  narratives: z
    .array(z.object({ phase: z.enum(INCIDENT_PHASES), from: z.string(), text: z.string() }))
    .optional(),
  documents: z
    .array(z.object({ id: z.string(), kind: z.string(), fileName: z.string(), size: z.number() }))
    .optional(),
});
export type SharedCaseView = z.infer<typeof sharedCaseView>;

export const referralEventView = z.object({
  id: z.string(),
  kind: z.enum(['state', 'message', 'assigned']),
  /** The state it moved to (kind state). */
  state: z.enum(REFERRAL_STATES).nullable(),
  /** A message, or the comment given with a move. */
  body: z.string(),
  side: z.enum(['sender', 'recipient', 'system']),
  by: z.string().nullable(),
  organization: z.string().nullable(),
  at: z.string(),
});
export type ReferralEventView = z.infer<typeof referralEventView>;

const referralCore = {
  id: z.string(),
  code: z.string(),
  state: z.enum(REFERRAL_STATES),
  mode: z.enum(REFERRAL_MODES),
  urgency: z.enum(REFERRAL_URGENCIES),
  needDomain: z.enum(NEED_DOMAINS),
  service: z.object({ id: z.string().nullable(), name: z.string() }),
  from: z.object({ name: z.string() }),
  to: z.object({ name: z.string() }),
  /** The caller's side: the organization that sent it, or the one that received it. */
  side: z.enum(['sender', 'recipient']),
  /** The case (sender's side only). */
  caseId: z.string().nullable(),
  caseCode: z.string().nullable(),
  sentOn: z.string().nullable(),
  answerDue: z.string().nullable(),
  flags: z.object({ waiting: z.boolean(), overdue: z.boolean(), withoutNews: z.boolean() }),
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  updatedAt: z.string(),
};

export const referralSummaryView = z.object(referralCore);
export type ReferralSummaryView = z.infer<typeof referralSummaryView>;

export const referralView = z.object({
  ...referralCore,
  scope: z.array(z.enum(REFERRAL_SHARES)),
  message: z.string(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  notGivenReason: z.enum(NOT_GIVEN_REASONS).nullable(),
  /**
   * Her data in the referral's scope: for the receiving side while the
   * referral is open and consent holds; for the sender, what the other side
   * sees (null once it is no longer shared).
   */
  shared: sharedCaseView.nullable(),
  /** Whether her consent to share with that organization, covering the scope, is in force today. */
  consentHolds: z.boolean(),
  events: z.array(referralEventView),
  /** The moves and acts open to the caller now. */
  can: z.object({
    send: z.boolean(),
    withdraw: z.boolean(),
    accept: z.boolean(),
    decline: z.boolean(),
    assign: z.boolean(),
    complete: z.boolean(),
    message: z.boolean(),
    viewAccessLog: z.boolean(),
    letter: z.boolean(),
  }),
  /** The language a letter is printed in: her first language Senda speaks (sender side), else null. */
  herLanguage: z.string().nullable(),
  /** Staff of the receiving organization who may be assigned (receiving side only). */
  assignable: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
});
export type ReferralView = z.infer<typeof referralView>;

export const referralListView = z.object({ items: z.array(referralSummaryView) });
export type ReferralListView = z.infer<typeof referralListView>;

/** Who opened the referred data, for the sending organization's coordinators. */
export const referralAccessLogView = z.object({
  items: z.array(
    z.object({
      action: z.string(),
      by: z.string().nullable(),
      organization: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

/** A service answering a need, with why it fits her or not. */
export const serviceMatchView = z.object({
  service: z.object({
    id: z.string(),
    name: z.string(),
    organization: z.string(),
    onSenda: z.boolean(),
    referralMethod: z.string(),
    responseBusinessDays: z.number(),
  }),
  fits: z.boolean(),
  reasons: z.array(
    z.object({ criterion: z.enum(FIT_CRITERIA), result: z.enum(FIT_RESULTS), detail: z.string() }),
  ),
  /** Whether a consent to share with this organization is in force, and the data scopes it covers. */
  consent: z.object({ holds: z.boolean(), scopes: z.array(z.string()) }),
});
export const serviceMatchListView = z.object({ items: z.array(serviceMatchView) });
export type ServiceMatchView = z.infer<typeof serviceMatchView>;
export const serviceMatchQuery = z.strictObject({ needId: z.uuid() });

/** What an in-app referral notice is about; it carries the referral code only. */
export const REFERRAL_NOTICE_EVENTS = [
  'received',
  'accepted',
  'declined',
  'completed',
  'not_completed',
  'withdrawn',
  'revoked',
  'expired',
  'assigned',
  'message',
  'overdue',
] as const;
export type ReferralNoticeEvent = (typeof REFERRAL_NOTICE_EVENTS)[number];

export const referralNoticeView = z.object({
  id: z.string(),
  referralId: z.string(),
  referralCode: z.string(),
  event: z.enum(REFERRAL_NOTICE_EVENTS),
  createdAt: z.string(),
  read: z.boolean(),
});
export type ReferralNoticeView = z.infer<typeof referralNoticeView>;
