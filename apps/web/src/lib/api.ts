/**
 * The one way the web app talks to the server. Every request is same-origin
 * JSON; state-changing requests carry the CSRF token of the current session;
 * every failure becomes an `ApiError` with the stable code the UI translates.
 * Response types are inferred from the domain's schemas, never written by hand.
 */
import { z } from 'zod';
import {
  AUTHORITIES,
  auditEntryView,
  calendarEntryView,
  calendarYearView,
  caseDetailView,
  casePageView,
  caseVersionView,
  errorBodySchema,
  myDeadlineView,
  procedureView,
  familyMemberView,
  noteView,
  sessionView,
  staffOptionView,
  staffView,
  userView,
  type CaseCreateInput,
  type CaseSearchInput,
  type CaseUpdateInput,
  type DatedEntryInput,
  type DeadlineStatus,
  type ErrorCode,
  type FamilyMemberInput,
  type FieldError,
  type NoteCreateInput,
  type passwordChangeInput,
  type SignInInput,
  type UiLocale,
  type UserCreateInput,
  type UserUpdateInput,
} from '@senda/domain';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(status: number, code: ErrorCode, fields: FieldError[] = [], message: string = code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

interface ApiHooks {
  /** The CSRF token of the current session, if any. */
  csrfToken: () => string | undefined;
  /** Called when the server says the session is gone (401 `unauthenticated`). */
  onUnauthenticated: () => void;
  /** Called after every successful answer: the server counted it as activity of the session. */
  onActivity: () => void;
}

let hooks: ApiHooks = {
  csrfToken: () => undefined,
  onUnauthenticated: () => undefined,
  onActivity: () => undefined,
};

export function configureApi(next: ApiHooks): void {
  hooks = next;
}

const BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 400) return 'validation_failed';
  return 'internal';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** A 401 is an expected answer here (e.g. "is anyone signed in?"): do not redirect. */
  expectUnauthenticated?: boolean;
  /** Signing out is no activity of the session (other tabs must not think it goes on). */
  endsSession?: boolean;
}

async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = hooks.csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  const url = BASE + path;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'internal', [], 'network_error');
  }

  if (response.ok && !options.endsSession) hooks.onActivity();
  if (response.status === 204) return undefined;
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    const error = parsed.success
      ? new ApiError(
          response.status,
          parsed.data.error.code,
          parsed.data.error.fields ?? [],
          parsed.data.error.message,
        )
      : new ApiError(response.status, fallbackCode(response.status));
    if (error.status === 401 && error.code === 'unauthenticated' && !options.expectUnauthenticated)
      hooks.onUnauthenticated();
    throw error;
  }
  return json;
}

/**
 * Check an answer against the domain schema. A mismatch is logged for
 * developers (paths only, never values) and the data is used as sent, so a
 * small server drift does not take the page down.
 */
function read<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  console.error(
    'Unexpected response shape',
    parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`),
  );
  return data as z.infer<S>;
}

const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });
const staffList = itemsOf(staffView);
const userList = itemsOf(userView);
const staffOptions = itemsOf(staffOptionView);
const noteList = itemsOf(noteView);
const auditList = itemsOf(auditEntryView);
const historyList = itemsOf(caseVersionView);
const procedureList = itemsOf(procedureView);
const myDeadlineList = itemsOf(myDeadlineView);

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
export type Procedure = z.infer<typeof procedureView>;
export type ProcedureEvent = Procedure['events'][number];
export type Deadline = Procedure['deadlines'][number];
export type MyDeadline = z.infer<typeof myDeadlineView>;
export type CalendarEntry = z.infer<typeof calendarEntryView>;
export type CalendarYear = z.infer<typeof calendarYearView>;
export type Authority = (typeof AUTHORITIES)[number];
export interface DeadlineListParams {
  status?: DeadlineStatus | undefined;
  includeClosed?: boolean | undefined;
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
    const qs = query.toString();
    return read(myDeadlineList, await request(`/deadlines${qs ? `?${qs}` : ''}`, { signal })).items;
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
