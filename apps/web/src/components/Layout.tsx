import { useId, type ReactNode } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { UI_LOCALES, type UiLocale } from '@senda/domain';
import { canEditCalendar, useSession } from '../lib/session';
import { canReadDirectory } from '../features/directory/directoryValues';
import { canUseReferrals } from '../features/referrals/referralValues';
import { canReadStatistics } from '../features/statistics/statisticsValues';
import { canUseWorkshops } from '../features/workshops/workshopValues';
import { IdleTimeoutDialog } from '../features/auth/IdleTimeoutDialog';
import { useSignOut } from '../features/auth/useSignOut';
import { useNotifications } from '../features/notifications/useNotifications';
import { useFormatters } from '../lib/format';
import { useLocale } from '../i18n/LocaleProvider';
import { useT } from '../i18n/useT';

function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
      className="sr-only rounded-md bg-white px-4 py-3 font-medium text-teal-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:outline-3 focus:outline-amber-500"
    >
      {t('layout.skipToContent')}
    </a>
  );
}

export function LanguageSwitcher() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-white">
        {t('layout.language')}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => setLocale(e.target.value as UiLocale)}
        className="min-h-11 rounded-md border border-white/70 bg-teal-950 px-2 text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
      >
        {UI_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`enum.locale.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

const navLinkClass =
  'inline-flex min-h-11 items-center rounded-md px-3 text-white underline-offset-4 hover:underline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-400';

/** "Avisos" with the number of unread reminders, which the link's name says in words. */
function NotificationsLink() {
  const t = useT();
  const f = useFormatters();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className={navLinkClass}
      activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
      aria-label={unread > 0 ? t('layout.nav.notificationsUnread', { count: unread }) : undefined}
    >
      {t('layout.nav.notifications')}
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="ms-2 inline-flex min-w-6 items-center justify-center rounded-full bg-amber-300 px-1.5 text-sm font-bold text-slate-950"
        >
          {f.number(unread)}
        </span>
      ) : null}
    </Link>
  );
}

function Header() {
  const t = useT();
  const session = useSession().data;
  const signOut = useSignOut();

  return (
    <header className="bg-teal-900 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <div className="me-auto min-w-0">
          <Link
            to={session ? '/' : '/sign-in'}
            className="inline-flex min-h-11 items-center text-xl font-bold tracking-wide text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-400"
          >
            Senda
          </Link>
          {session ? <p className="text-sm break-words text-teal-50">{session.organization.name}</p> : null}
        </div>
        {session ? (
          <nav aria-label={t('layout.nav.label')} className="w-full sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {session.abilities.readCases ? (
                <li>
                  <Link
                    to="/cases"
                    activeOptions={{ exact: true, includeSearch: false }}
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.cases')}
                  </Link>
                </li>
              ) : null}
              {session.abilities.createCases ? (
                <li>
                  <Link
                    to="/my-work"
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.myWork')}
                  </Link>
                </li>
              ) : null}
              {canUseReferrals(session.user.role) ? (
                <li>
                  <Link
                    to="/referrals"
                    activeOptions={{ includeSearch: false }}
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.referrals')}
                  </Link>
                </li>
              ) : null}
              {session.abilities.createCases ? (
                <li>
                  <Link
                    to="/cases/new"
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.newCase')}
                  </Link>
                </li>
              ) : null}
              {session.abilities.createCases ? (
                <li>
                  <Link
                    to="/deadlines"
                    activeOptions={{ includeSearch: false }}
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.deadlines')}
                  </Link>
                </li>
              ) : null}
              {/* Partners get referral notices (deadline reminders are for case roles). */}
              {session.abilities.createCases || session.user.role === 'partner' ? (
                <li>
                  <NotificationsLink />
                </li>
              ) : null}
              {canReadDirectory(session.user.role) ? (
                <li>
                  <Link
                    to="/directory"
                    activeOptions={{ includeSearch: false }}
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('directory.nav')}
                  </Link>
                </li>
              ) : null}
              {canUseWorkshops(session.user.role) ? (
                <li>
                  <Link
                    to="/workshops"
                    activeOptions={{ includeSearch: false }}
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.workshops')}
                  </Link>
                </li>
              ) : null}
              {canReadStatistics(session.user.role) ? (
                <li>
                  <Link
                    to="/statistics"
                    activeOptions={{ includeSearch: false }}
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.statistics')}
                  </Link>
                </li>
              ) : null}
              {session.abilities.manageUsers ? (
                <li>
                  <Link
                    to="/admin/users"
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.users')}
                  </Link>
                </li>
              ) : null}
              {canEditCalendar(session.user.role) ? (
                <li>
                  <Link
                    to="/admin/calendar"
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.calendar')}
                  </Link>
                </li>
              ) : null}
              {session.abilities.manageUsers ? (
                <li>
                  <Link
                    to="/admin/deadline-rules"
                    className={navLinkClass}
                    activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
                  >
                    {t('layout.nav.rules')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitcher />
          {session ? (
            <>
              <Link
                to="/account"
                className={`${navLinkClass} max-w-full break-words`}
                activeProps={{ 'aria-current': 'page', className: 'bg-teal-950 underline' }}
              >
                {t('layout.account', { name: session.user.displayName })}
              </Link>
              <button
                type="button"
                onClick={() => signOut.mutate()}
                disabled={signOut.isPending}
                className="inline-flex min-h-11 items-center justify-center rounded-md border border-white/70 px-4 py-2 font-medium text-white hover:bg-teal-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-400 disabled:opacity-60"
              >
                {t('layout.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export function AppShell({ children }: { children?: ReactNode }) {
  const session = useSession().data;
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900 print:bg-white">
      <SkipLink />
      <Header />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none print:max-w-none print:p-0"
      >
        {children ?? <Outlet />}
      </main>
      {session ? <IdleTimeoutDialog key={session.user.id} idleMinutes={session.idleTimeoutMinutes} /> : null}
    </div>
  );
}
