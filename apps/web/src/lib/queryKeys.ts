import type { Authority, CaseListParams, DeadlineListParams } from './api';
import type { DirectorySearch } from './directoryApi';
import type { ReferralListParams } from './referralsApi';
import type { WorkshopListParams } from './workshopsApi';

export const queryKeys = {
  session: ['session'] as const,
  users: ['users'] as const,
  staff: ['staff'] as const,
  cases: ['cases'] as const,
  caseList: (params: Omit<CaseListParams, 'cursor'>) => ['cases', 'list', params] as const,
  case: (id: string) => ['cases', 'detail', id] as const,
  notes: (id: string) => ['cases', 'detail', id, 'notes'] as const,
  audit: (id: string) => ['cases', 'detail', id, 'audit'] as const,
  history: (id: string) => ['cases', 'detail', id, 'history'] as const,
  procedures: (id: string) => ['cases', 'detail', id, 'procedures'] as const,
  incidents: (id: string) => ['cases', 'detail', id, 'incidents'] as const,
  documents: (id: string) => ['cases', 'detail', id, 'documents'] as const,
  consents: (id: string) => ['cases', 'detail', id, 'consents'] as const,
  risk: (id: string) => ['cases', 'detail', id, 'risk'] as const,
  care: (id: string) => ['cases', 'detail', id, 'care'] as const,
  myWork: ['myWork'] as const,
  deadlines: ['deadlines'] as const,
  deadlineList: (params: DeadlineListParams) => ['deadlines', params] as const,
  calendar: ['calendar'] as const,
  deadlineRules: ['deadlineRules'] as const,
  calendarYear: (authority: Authority, year: number) => ['calendar', authority, year] as const,
  notifications: ['notifications'] as const,
  /** Not under 'session': everything but the session is forgotten at sign-out. */
  calendarFeed: ['calendarFeed'] as const,
  /** The service directory: every change refetches everything under it. */
  directory: ['directory'] as const,
  directoryOrganizations: ['directory', 'organizations'] as const,
  directoryServices: (search: DirectorySearch) => ['directory', 'services', search] as const,
  directoryService: (id: string) => ['directory', 'service', id] as const,
  directoryLocations: (organizationId: string) => ['directory', 'locations', organizationId] as const,
  directoryAccess: (locationId: string) => ['directory', 'access', locationId] as const,
  /** Referrals: every move refetches everything under it (boxes, a case's list, the referral). */
  referrals: ['referrals'] as const,
  referralList: (params: ReferralListParams) => ['referrals', 'list', params] as const,
  caseReferrals: (caseId: string) => ['referrals', 'case', caseId] as const,
  referral: (id: string) => ['referrals', 'detail', id] as const,
  referralAccessLog: (id: string) => ['referrals', 'detail', id, 'access-log'] as const,
  /** Under the case: a change to her consents or family is seen when the case is refetched. */
  serviceMatches: (caseId: string, needId: string) =>
    ['cases', 'detail', caseId, 'service-matches', needId] as const,
  /** Workshops: every change refetches everything under it (the list and its totals, the workshop). */
  workshops: ['workshops'] as const,
  workshopList: (params: WorkshopListParams) => ['workshops', 'list', params] as const,
  workshop: (id: string) => ['workshops', 'detail', id] as const,
};
