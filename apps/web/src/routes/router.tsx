import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AppShell } from '../components/Layout';
import { SignInPage } from '../features/auth/SignInPage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CaseIntakePage } from '../features/cases/CaseIntakePage';
import { CasePage } from '../features/cases/CasePage';
import { parseCaseFilters } from '../features/cases/filters';
import { UsersPage } from '../features/users/UsersPage';
import { AccountPage } from '../features/account/AccountPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { ReleasesPage } from '../features/releases/ReleasesPage';
import { NewReleasePage } from '../features/releases/ReleaseForm';
import { ReleasePage } from '../features/releases/ReleasePage';
import { NetworksPage } from '../features/networks/NetworksPage';
import { NetworkFiguresPage } from '../features/networks/NetworkFiguresPage';
import { WorkshopsPage } from '../features/workshops/WorkshopsPage';
import { WorkshopNewPage, WorkshopPage } from '../features/workshops/WorkshopPage';
import { parseWorkshopSearch } from '../features/workshops/workshopValues';
import { parseStatisticsSearch } from '../features/statistics/statisticsValues';
import { DeadlinesPage } from '../features/procedure/DeadlinesPage';
import { parseDeadlineFilters } from '../features/procedure/deadlineFilters';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { RulesPage } from '../features/deadline-rules/RulesPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { MyWorkPage } from '../features/work/MyWorkPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { ManagePage } from '../features/directory/ManagePage';
import { ServicePage } from '../features/directory/ServicePage';
import { parseDirectoryFilters, parseManageSearch } from '../features/directory/directoryValues';
import { ReferPage } from '../features/referrals/ReferPage';
import { ReferralsPage } from '../features/referrals/ReferralsPage';
import { ReferralPage } from '../features/referrals/ReferralPage';
import { LetterPage } from '../features/referrals/LetterPage';
import {
  parseLetterSearch,
  parseReferSearch,
  parseReferralsSearch,
} from '../features/referrals/referralValues';
import { requestHeadingFocus } from '../lib/focus';
import { parseSignInSearch } from '../lib/signInSearch';
import { ErrorPage, HomeRedirect, NotFoundPage, RequireSession } from './pages';

const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: parseSignInSearch,
  component: SignInPage,
});

/** Everything below needs a session. */
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: RequireSession });

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomeRedirect });
const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: parseCaseFilters,
  component: CaseListPage,
});
const newCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/new',
  component: CaseIntakePage,
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId',
  component: CasePage,
});
/** Refer one of her needs (`needId`, then the chosen `serviceId`: ids only in the URL). */
const referRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$caseId/refer',
  validateSearch: parseReferSearch,
  component: ReferPage,
});
const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals',
  validateSearch: parseReferralsSearch,
  component: ReferralsPage,
});
const referralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals/$referralId',
  component: ReferralPage,
});
const letterRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals/$referralId/letter',
  validateSearch: parseLetterSearch,
  component: LetterPage,
});
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  component: UsersPage,
});

const deadlinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deadlines',
  validateSearch: parseDeadlineFilters,
  component: DeadlinesPage,
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: NotificationsPage,
});
const myWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/my-work',
  component: MyWorkPage,
});
const directoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory',
  validateSearch: parseDirectoryFilters,
  component: DirectoryPage,
});
const directoryServiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/services/$serviceId',
  component: ServicePage,
});
const directoryManageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directory/manage',
  validateSearch: parseManageSearch,
  component: ManagePage,
});
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/calendar',
  component: CalendarPage,
});

const rulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/deadline-rules',
  component: RulesPage,
});

/** Aggregates only, never a case: the filters (months, state, nationality, age band) live in the URL. */
const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics',
  validateSearch: parseStatisticsSearch,
  component: StatisticsPage,
});

/** Releases of figures that leave the organization: prepared, approved by another coordinator, frozen. */
const releasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/releases',
  component: ReleasesPage,
});
const newReleaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/releases/new',
  component: NewReleasePage,
});
const releaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/releases/$releaseId',
  component: ReleasePage,
});

/** Networks that share aggregates: the members' combined figures, never one organization's. */
const networksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/networks',
  component: NetworksPage,
});
const networkFiguresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/networks/$networkId',
  validateSearch: parseStatisticsSearch,
  component: NetworkFiguresPage,
});

/** Workshops and community activities: the period and topic filters live in the URL. */
const workshopsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workshops',
  validateSearch: parseWorkshopSearch,
  component: WorkshopsPage,
});
const newWorkshopRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workshops/new',
  component: WorkshopNewPage,
});
const workshopRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workshops/$workshopId',
  component: WorkshopPage,
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: AccountPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    casesRoute,
    newCaseRoute,
    caseRoute,
    referRoute,
    referralsRoute,
    referralRoute,
    letterRoute,
    deadlinesRoute,
    notificationsRoute,
    myWorkRoute,
    directoryRoute,
    directoryServiceRoute,
    directoryManageRoute,
    usersRoute,
    calendarRoute,
    rulesRoute,
    statisticsRoute,
    releasesRoute,
    newReleaseRoute,
    releaseRoute,
    networksRoute,
    networkFiguresRoute,
    workshopsRoute,
    newWorkshopRoute,
    workshopRoute,
    accountRoute,
  ]),
]);

export function createAppRouter() {
  const router = createRouter({
    routeTree,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
  // Move the focus to the new page's heading after in-app navigation
  // (not on the first load, and not when only the search filters change).
  router.subscribe('onBeforeNavigate', (event) => {
    if (event.fromLocation && event.pathChanged) requestHeadingFocus();
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  interface HistoryState {
    /** The case-list text search: kept in history state, never in the URL. */
    caseSearch?: string;
  }
}
