/**
 * The one way the web app talks to the server. Every request is same-origin
 * JSON (a document upload: multipart/form-data); state-changing requests
 * carry the CSRF token of the current session; every failure becomes an
 * `ApiError` with the stable code the UI translates.
 * Response types are inferred from the domain's schemas, never written by hand.
 */
import { z } from 'zod';
import { API_BASE, isApiError, read, request } from './http';
import { documentFormData, type DocumentUpload } from './documentUpload';
import {
  AUTHORITIES,
  RISK_LEVELS,
  auditEntryView,
  calendarEntryView,
  calendarFeedCreated,
  calendarFeedStatus,
  calendarYearView,
  caseDetailView,
  casePageView,
  caseVersionView,
  deadlineRuleView,
  documentView,
  consentListView,
  consentView,
  riskAssessmentView,
  myDeadlineView,
  notificationView,
  referralNoticeView,
  procedureView,
  familyMemberView,
  incidentListView,
  incidentView,
  noteView,
  sessionView,
  staffOptionView,
  staffView,
  userView,
  type CaseCreateInput,
  type ConsentInput,
  type ConsentWithdrawalInput,
  type RiskAssessmentInput,
  type RiskLevel,
  type SafetyPlanInput,
  type CaseSearchInput,
  type CaseUpdateInput,
  type DatedEntryInput,
  type DeadlineRuleInput,
  type DeadlineStatus,
  type FamilyMemberInput,
  type IncidentInput,
  type IncidentPatch,
  type NoteCreateInput,
  type passwordChangeInput,
  type SignInInput,
  type UiLocale,
  type UserCreateInput,
  type UserUpdateInput,
} from '@senda/domain';

export { ApiError, configureApi, isApiError } from './http';

const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });
const staffList = itemsOf(staffView);
const userList = itemsOf(userView);
const staffOptions = itemsOf(staffOptionView);
const noteList = itemsOf(noteView);
const auditList = itemsOf(auditEntryView);
const historyList = itemsOf(caseVersionView);
const procedureList = itemsOf(procedureView);
const myDeadlineList = itemsOf(myDeadlineView);
const deadlineRuleList = itemsOf(deadlineRuleView);
const documentList = itemsOf(documentView);
/** Deadline reminders and referral notices; `unread` counts both kinds. */
const notificationList = z.object({
  items: z.array(notificationView),
  referrals: z.array(referralNoticeView).default([]),
  unread: z.number(),
});

export type SessionView = z.infer<typeof sessionView>;
export type PasswordChangeInput = z.input<typeof passwordChangeInput>;
export type UserView = z.infer<typeof userView>;
export type CaseDetail = z.infer<typeof caseDetailView>;
export type CasePage = z.infer<typeof casePageView>;
export type CaseSummary = CasePage['items'][number];
export type FamilyMember = z.infer<typeof familyMemberView>;
export type StaffMember = z.infer<typeof staffView>;
export type StaffOption = z.infer<typeof staffOptionView>;
export type Note = z.infer<typeof noteView>;
export type AuditEntry = z.infer<typeof auditEntryView>;
export type CaseVersion = z.infer<typeof caseVersionView>;
export type IncidentList = z.infer<typeof incidentListView>;
export type CaseIncident = z.infer<typeof incidentView>;
export type IncidentSummary = IncidentList['summary'];
export type CaseDocument = z.infer<typeof documentView>;
export type { DocumentUpload };
export type ConsentList = z.infer<typeof consentListView>;
export type CaseConsent = z.infer<typeof consentView>;
export type RiskAssessment = z.infer<typeof riskAssessmentView>;
const riskList = z.object({ items: z.array(riskAssessmentView), current: z.enum(RISK_LEVELS).nullable() });
export type RiskList = { items: RiskAssessment[]; current: RiskLevel | null };
export type Procedure = z.infer<typeof procedureView>;
export type ProcedureEvent = Procedure['events'][number];
export type Deadline = Procedure['deadlines'][number];
export type MyDeadline = z.infer<typeof myDeadlineView>;
export type DeadlineRuleItem = z.infer<typeof deadlineRuleView>;
export type NotificationList = z.infer<typeof notificationList>;
export type AppNotification = z.infer<typeof notificationView>;
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;
export type CalendarEntry = z.infer<typeof calendarEntryView>;
export type CalendarYear = z.infer<typeof calendarYearView>;
export type Authority = (typeof AUTHORITIES)[number];
export interface DeadlineListParams {
  status?: DeadlineStatus | undefined;
  includeClosed?: boolean | undefined;
  /** Only those she is responsible for (assigned in the rule's role). */
  responsibleOnly?: boolean | undefined;
}

/** Filters and text search of the case list (`q` travels only in a POST body). */
export type CaseListParams = CaseSearchInput;

const enc = encodeURIComponent;

export const api = {
  // Session
  async getSession(signal?: AbortSignal): Promise<SessionView | null> {
    try {
      return read(sessionView, await request('/session', { signal, expectUnauthenticated: true }));
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  async signIn(input: SignInInput): Promise<SessionView> {
    return read(sessionView, await request('/session', { method: 'POST', body: input }));
  },
  /** `expectExpired`: the session may already have ended (idle timeout); a 401 is then no surprise. */
  async signOut(options: { expectExpired?: boolean } = {}): Promise<void> {
    await request('/session', {
      method: 'DELETE',
      expectUnauthenticated: options.expectExpired ?? false,
      endsSession: true,
    });
  },
  async setLocale(locale: UiLocale): Promise<void> {
    await request('/session/locale', { method: 'PUT', body: { locale } });
  },
  /** Her own password; her other sessions end on the server, this one stays. */
  async changePassword(input: PasswordChangeInput): Promise<void> {
    await request('/session/password', { method: 'POST', body: input });
  },

  // Users
  async listUsers(signal?: AbortSignal): Promise<UserView[]> {
    return read(userList, await request('/users', { signal })).items;
  },
  async createUser(input: UserCreateInput): Promise<UserView> {
    return read(userView, await request('/users', { method: 'POST', body: input }));
  },
  async updateUser(id: string, input: UserUpdateInput): Promise<UserView> {
    return read(userView, await request(`/users/${enc(id)}`, { method: 'PATCH', body: input }));
  },
  async resetPassword(id: string, password: string): Promise<void> {
    await request(`/users/${enc(id)}/password`, { method: 'POST', body: { password } });
  },
  async listStaff(signal?: AbortSignal): Promise<StaffOption[]> {
    return read(staffOptions, await request('/staff', { signal })).items;
  },

  // Cases
  /** Always POST /cases/search: `q` may be a name, and names never go into a URL. */
  async searchCases(params: CaseSearchInput, signal?: AbortSignal): Promise<CasePage> {
    const body: CaseSearchInput = { ...params, q: params.q?.trim() || undefined };
    return read(casePageView, await request('/cases/search', { method: 'POST', body, signal }));
  },
  async createCase(input: CaseCreateInput): Promise<CaseDetail> {
    return read(caseDetailView, await request('/cases', { method: 'POST', body: input }));
  },
  async getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
    return read(caseDetailView, await request(`/cases/${enc(id)}`, { signal }));
  },
  async updateCase(id: string, input: CaseUpdateInput): Promise<CaseDetail> {
    return read(caseDetailView, await request(`/cases/${enc(id)}`, { method: 'PATCH', body: input }));
  },
  async addMember(caseId: string, input: FamilyMemberInput): Promise<FamilyMember> {
    return read(
      familyMemberView,
      await request(`/cases/${enc(caseId)}/members`, { method: 'POST', body: input }),
    );
  },
  async updateMember(
    caseId: string,
    memberId: string,
    input: Partial<FamilyMemberInput>,
  ): Promise<FamilyMember> {
    return read(
      familyMemberView,
      await request(`/cases/${enc(caseId)}/members/${enc(memberId)}`, { method: 'PATCH', body: input }),
    );
  },
  async removeMember(caseId: string, memberId: string): Promise<void> {
    await request(`/cases/${enc(caseId)}/members/${enc(memberId)}`, { method: 'DELETE' });
  },
  async assignStaff(
    caseId: string,
    userId: string,
    roleOnCase: StaffMember['roleOnCase'],
  ): Promise<StaffMember[]> {
    return read(
      staffList,
      await request(`/cases/${enc(caseId)}/staff/${enc(userId)}`, { method: 'PUT', body: { roleOnCase } }),
    ).items;
  },
  async unassignStaff(caseId: string, userId: string): Promise<void> {
    await request(`/cases/${enc(caseId)}/staff/${enc(userId)}`, { method: 'DELETE' });
  },
  async listNotes(caseId: string, signal?: AbortSignal): Promise<Note[]> {
    return read(noteList, await request(`/cases/${enc(caseId)}/notes`, { signal })).items;
  },
  async addNote(caseId: string, input: NoteCreateInput): Promise<Note> {
    return read(noteView, await request(`/cases/${enc(caseId)}/notes`, { method: 'POST', body: input }));
  },
  async listAudit(caseId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
    return read(auditList, await request(`/cases/${enc(caseId)}/audit`, { signal })).items;
  },
  async listHistory(caseId: string, signal?: AbortSignal): Promise<CaseVersion[]> {
    return read(historyList, await request(`/cases/${enc(caseId)}/history`, { signal })).items;
  },

  // Violence history (the narrative comes back only to the roles that read it)
  async listIncidents(caseId: string, signal?: AbortSignal): Promise<IncidentList> {
    return read(incidentListView, await request(`/cases/${enc(caseId)}/incidents`, { signal }));
  },
  async addIncident(caseId: string, input: IncidentInput): Promise<CaseIncident> {
    return read(
      incidentView,
      await request(`/cases/${enc(caseId)}/incidents`, { method: 'POST', body: input }),
    );
  },
  /** Only the fields sent change; `narrative` left out is kept, '' removes it. */
  async updateIncident(caseId: string, incidentId: string, patch: IncidentPatch): Promise<CaseIncident> {
    const path = `/cases/${enc(caseId)}/incidents/${enc(incidentId)}`;
    return read(incidentView, await request(path, { method: 'PATCH', body: patch }));
  },
  async deleteIncident(caseId: string, incidentId: string): Promise<void> {
    await request(`/cases/${enc(caseId)}/incidents/${enc(incidentId)}`, { method: 'DELETE' });
  },

  // Documents (medical reports and evidence come back only to the roles that read them)
  async listDocuments(caseId: string, signal?: AbortSignal): Promise<CaseDocument[]> {
    return read(documentList, await request(`/cases/${enc(caseId)}/documents`, { signal })).items;
  },
  /** Sent as multipart/form-data; the server decides the file's type from its content. */
  async uploadDocument(caseId: string, upload: DocumentUpload): Promise<CaseDocument> {
    return read(
      documentView,
      await request(`/cases/${enc(caseId)}/documents`, { method: 'POST', form: documentFormData(upload) }),
    );
  },
  async deleteDocument(caseId: string, documentId: string): Promise<void> {
    await request(`/cases/${enc(caseId)}/documents/${enc(documentId)}`, { method: 'DELETE' });
  },

  // Consents: what she agreed to, and what is in force today
  async listConsents(caseId: string, signal?: AbortSignal): Promise<ConsentList> {
    return read(consentListView, await request(`/cases/${enc(caseId)}/consents`, { signal }));
  },
  async addConsent(caseId: string, input: ConsentInput): Promise<CaseConsent> {
    return read(
      consentView,
      await request(`/cases/${enc(caseId)}/consents`, { method: 'POST', body: input }),
    );
  },
  async withdrawConsent(
    caseId: string,
    consentId: string,
    input: ConsentWithdrawalInput,
  ): Promise<CaseConsent> {
    const path = `/cases/${enc(caseId)}/consents/${enc(consentId)}/withdraw`;
    return read(consentView, await request(path, { method: 'POST', body: input }));
  },

  // Risk assessments (newest first) and their safety plans
  async listRiskAssessments(caseId: string, signal?: AbortSignal): Promise<RiskList> {
    return read(riskList, await request(`/cases/${enc(caseId)}/risk`, { signal }));
  },
  async addRiskAssessment(caseId: string, input: RiskAssessmentInput): Promise<RiskAssessment> {
    return read(
      riskAssessmentView,
      await request(`/cases/${enc(caseId)}/risk`, { method: 'POST', body: input }),
    );
  },
  async saveSafetyPlan(caseId: string, assessmentId: string, plan: SafetyPlanInput): Promise<RiskAssessment> {
    const path = `/cases/${enc(caseId)}/risk/${enc(assessmentId)}/safety-plan`;
    return read(riskAssessmentView, await request(path, { method: 'PUT', body: plan }));
  },

  // Procedures and deadlines
  async listProcedures(caseId: string, signal?: AbortSignal): Promise<Procedure[]> {
    return read(procedureList, await request(`/cases/${enc(caseId)}/procedures`, { signal })).items;
  },
  async createProcedure(caseId: string, label: string): Promise<Procedure> {
    return read(
      procedureView,
      await request(`/cases/${enc(caseId)}/procedures`, { method: 'POST', body: { label } }),
    );
  },
  async addProcedureEvent(caseId: string, procedureId: string, input: unknown): Promise<Procedure> {
    const path = `/cases/${enc(caseId)}/procedures/${enc(procedureId)}/events`;
    return read(procedureView, await request(path, { method: 'POST', body: input }));
  },
  async deleteProcedureEvent(caseId: string, procedureId: string, eventId: string): Promise<void> {
    const path = `/cases/${enc(caseId)}/procedures/${enc(procedureId)}/events/${enc(eventId)}`;
    await request(path, { method: 'DELETE' });
  },
  async listMyDeadlines(params: DeadlineListParams, signal?: AbortSignal): Promise<MyDeadline[]> {
    const query = new URLSearchParams();
    if (params.status) query.set('status', params.status);
    if (params.includeClosed) query.set('includeClosed', 'true');
    if (params.responsibleOnly) query.set('responsibleOnly', 'true');
    const qs = query.toString();
    return read(myDeadlineList, await request(`/deadlines${qs ? `?${qs}` : ''}`, { signal })).items;
  },

  // Deadline rules (admins change them; everyone who works on cases reads them)
  async listDeadlineRules(signal?: AbortSignal): Promise<DeadlineRuleItem[]> {
    return read(deadlineRuleList, await request('/deadline-rules', { signal })).items;
  },
  async saveDeadlineRule(rule: DeadlineRuleInput): Promise<DeadlineRuleItem> {
    return read(
      deadlineRuleView,
      await request(`/deadline-rules/${enc(rule.code)}`, { method: 'PUT', body: rule }),
    );
  },
  /** Back to the default (a changed default), or removed (a rule the organization added). */
  async resetDeadlineRule(code: string): Promise<void> {
    await request(`/deadline-rules/${enc(code)}`, { method: 'DELETE' });
  },

  // Reminders
  /** Polled in the background: it does not count as her activity (see `background`). */
  async listNotifications(signal?: AbortSignal): Promise<NotificationList> {
    return read(notificationList, await request('/notifications', { signal, background: true }));
  },
  async markNotificationRead(id: string): Promise<void> {
    await request(`/notifications/${enc(id)}/read`, { method: 'POST' });
  },

  // Her calendar feed (the URL is secret: returned once, kept only on screen)
  async getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedStatus> {
    return read(calendarFeedStatus, await request('/session/calendar-feed', { signal }));
  },
  /** A new URL; any previous one stops working. */
  async createCalendarFeed(): Promise<string> {
    return read(calendarFeedCreated, await request('/session/calendar-feed', { method: 'POST' })).url;
  },
  async revokeCalendarFeed(): Promise<void> {
    await request('/session/calendar-feed', { method: 'DELETE' });
  },

  // Calendars
  async getCalendarYear(authority: Authority, year: number, signal?: AbortSignal): Promise<CalendarYear> {
    return read(calendarYearView, await request(`/calendar/${enc(authority)}/${year}`, { signal }));
  },
  async addCalendarEntry(input: DatedEntryInput): Promise<CalendarEntry> {
    return read(calendarEntryView, await request('/calendar/entries', { method: 'POST', body: input }));
  },
  async deleteCalendarEntry(entryId: string): Promise<void> {
    await request(`/calendar/entries/${enc(entryId)}`, { method: 'DELETE' });
  },
};

/**
 * The address of a document's file, for a plain download link: same origin, so
 * the session cookie goes with it, and only ids in it (never a name). The
 * server sends it as an attachment and records the download.
 */
export function documentFileUrl(caseId: string, documentId: string): string {
  return `${API_BASE}/cases/${enc(caseId)}/documents/${enc(documentId)}/file`;
}
