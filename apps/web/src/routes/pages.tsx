import {
  Link,
  Navigate,
  Outlet,
  useRouter,
  useRouterState,
  type ErrorComponentProps,
} from '@tanstack/react-router';
import { PageHeading } from '../components/PageHeading';
import { buttonClass } from '../components/styles';
import { sessionEndSearch, useRequiredSession, useSession } from '../lib/session';
import type { SessionView } from '../lib/api';
import { signInSearchFor } from '../lib/signInSearch';
import { useT } from '../i18n/useT';

export function NotFoundPage() {
  const t = useT();
  const session = useSession().data;
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('notFound.title')}</PageHeading>
      <p className="mb-6 text-slate-800">{t('notFound.body')}</p>
      {session?.user.role === 'analyst' ? (
        <Link to="/statistics" className={buttonClass.secondary}>
          {t('notFound.backToStatistics')}
        </Link>
      ) : (
        <Link to={session ? '/cases' : '/sign-in'} className={buttonClass.secondary}>
          {session ? t('notFound.backToCases') : t('notFound.backToSignIn')}
        </Link>
      )}
    </div>
  );
}

export function ErrorPage({ reset }: ErrorComponentProps) {
  const t = useT();
  const router = useRouter();
  return (
    <div role="alert" className="max-w-2xl">
      <PageHeading className="mb-4">{t('errorPage.title')}</PageHeading>
      <p className="mb-6 text-slate-800">{t('errorPage.body')}</p>
      <button
        type="button"
        className={buttonClass.primary}
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('errorPage.retry')}
      </button>
    </div>
  );
}

/**
 * The pages behind sign-in: wait for the session, or go to the sign-in page,
 * which brings her back here afterwards (unless she signed out on purpose).
 */
export function RequireSession() {
  const t = useT();
  const session = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (session.isPending) {
    return (
      <p role="status" className="text-slate-800">
        {t('common.loading')}
      </p>
    );
  }
  if (session.isError) {
    return (
      <div role="alert">
        <PageHeading className="mb-4">{t('errorPage.title')}</PageHeading>
        <p className="text-slate-800">{t('error.internal')}</p>
      </div>
    );
  }
  if (!session.data) {
    // Once on its way to sign-in, the location already says so: do not navigate again (and lose `next`).
    if (pathname === '/sign-in') return null;
    return <Navigate to="/sign-in" search={sessionEndSearch() ?? signInSearchFor(pathname)} replace />;
  }
  return <Outlet />;
}

/** Where a role starts: the case list, the statistics for analysts (they see nothing else), or the directory. */
function homeOf(session: Pick<SessionView, 'abilities' | 'user'>): '/cases' | '/statistics' | '/directory' {
  if (session.abilities.readCases) return '/cases';
  return session.user.role === 'analyst' ? '/statistics' : '/directory';
}

/** Home: the case list for those who work on cases; analysts the statistics; partners the directory. */
export function HomeRedirect() {
  const session = useRequiredSession();
  return <Navigate to={homeOf(session)} replace />;
}
