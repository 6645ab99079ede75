/**
 * The referral endpoints (closed-loop referrals, decision in the domain's
 * `referrals/`): the services that answer a need and whether they fit her,
 * a case's referrals, the two boxes (received and sent), one referral with
 * its moves, thread and access log. Every move answers with the whole
 * referral (`ReferralView`), so the page shows its new state at once.
 */
import type { z } from 'zod';
import {
  referralAccessLogView,
  referralListView,
  referralView,
  serviceMatchListView,
  type referralAcceptInput,
  type referralAssignInput,
  type referralCommentInput,
  type referralCompleteInput,
  type ReferralCreateInput,
  type referralDeclineInput,
  type referralMessageInput,
  type ReferralNoticeView,
  type ReferralSummaryView,
  type ReferralView,
  type ServiceMatchView,
} from '@senda/domain';
import { API_BASE, read, request } from './http';

export type Referral = ReferralView;
export type ReferralSummary = ReferralSummaryView;
export type ServiceMatch = ServiceMatchView;
export type ReferralNotice = ReferralNoticeView;
export type ReferralEvent = Referral['events'][number];
export type SharedData = NonNullable<Referral['shared']>;
export type AccessLogEntry = z.infer<typeof referralAccessLogView>['items'][number];
export type ReferralAcceptInput = z.input<typeof referralAcceptInput>;
export type ReferralDeclineInput = z.input<typeof referralDeclineInput>;
export type ReferralAssignInput = z.input<typeof referralAssignInput>;
export type ReferralCompleteInput = z.input<typeof referralCompleteInput>;
export type ReferralCommentInput = z.input<typeof referralCommentInput>;
export type ReferralMessageInput = z.input<typeof referralMessageInput>;

/** Which box: referrals her organization received, or those sent from cases she sees. */
export type ReferralBox = 'received' | 'sent';
export interface ReferralListParams {
  box: ReferralBox;
  /** Only open ones (sent or accepted, and drafts for the sender). */
  open: boolean;
}

const enc = encodeURIComponent;
const one = (rid: string) => `/referrals/${enc(rid)}`;
const move = async (rid: string, act: string, body: unknown) =>
  read(referralView, await request(`${one(rid)}/${act}`, { method: 'POST', body }));

export const referralsApi = {
  /** Active services answering the need's domain, fitting ones first, with the consent each would rest on. */
  async serviceMatches(caseId: string, needId: string, signal?: AbortSignal): Promise<ServiceMatch[]> {
    const path = `/cases/${enc(caseId)}/service-matches?needId=${enc(needId)}`;
    return read(serviceMatchListView, await request(path, { signal })).items;
  },
  async listForCase(caseId: string, signal?: AbortSignal): Promise<ReferralSummary[]> {
    return read(referralListView, await request(`/cases/${enc(caseId)}/referrals`, { signal })).items;
  },
  /** `send: false` keeps it as a draft. */
  async create(caseId: string, input: ReferralCreateInput): Promise<Referral> {
    return read(
      referralView,
      await request(`/cases/${enc(caseId)}/referrals`, { method: 'POST', body: input }),
    );
  },
  async list(params: ReferralListParams, signal?: AbortSignal): Promise<ReferralSummary[]> {
    const query = new URLSearchParams({ box: params.box, open: String(params.open) });
    return read(referralListView, await request(`/referrals?${query.toString()}`, { signal })).items;
  },
  async get(rid: string, signal?: AbortSignal): Promise<Referral> {
    return read(referralView, await request(one(rid), { signal }));
  },
  send: (rid: string) => move(rid, 'send', {}),
  withdraw: (rid: string, input: ReferralCommentInput) => move(rid, 'withdraw', input),
  accept: (rid: string, input: ReferralAcceptInput) => move(rid, 'accept', input),
  decline: (rid: string, input: ReferralDeclineInput) => move(rid, 'decline', input),
  assign: (rid: string, input: ReferralAssignInput) => move(rid, 'assign', input),
  complete: (rid: string, input: ReferralCompleteInput) => move(rid, 'complete', input),
  message: (rid: string, input: ReferralMessageInput) => move(rid, 'messages', input),
  /** Who opened the referred data (the sending organization's admins and coordinators). */
  async accessLog(rid: string, signal?: AbortSignal): Promise<AccessLogEntry[]> {
    return read(referralAccessLogView, await request(`${one(rid)}/access-log`, { signal })).items;
  },
};

/**
 * A shared document's file, for a plain download link (same origin: the
 * session cookie goes with it; only ids in it, never a name). The server
 * answers only while the referral is open and the document is in its scope.
 */
export function referralDocumentUrl(rid: string, documentId: string): string {
  return `${API_BASE}${one(rid)}/documents/${enc(documentId)}`;
}
