import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { configureApi, type SessionView } from './lib/api';
import { createQueryClient } from './lib/queryClient';
import { queryKeys } from './lib/queryKeys';
import { endSession, sessionEndSearch } from './lib/session';
import { signInSearchFor } from './lib/signInSearch';
import { noteActivity } from './lib/useIdleTimeout';
import { LocaleProvider } from './i18n/LocaleProvider';
import { createAppRouter } from './routes/router';
import './styles.css';

const queryClient = createQueryClient();
const router = createAppRouter();

configureApi({
  csrfToken: () => queryClient.getQueryData<SessionView | null>(queryKeys.session)?.csrfToken,
  onUnauthenticated: () => {
    const hadSession = queryClient.getQueryData<SessionView | null>(queryKeys.session) != null;
    const { pathname } = router.state.location;
    // After signing in again she comes back to this page. A late answer to a
    // session that already ended here keeps the reason recorded then.
    const search = hadSession
      ? signInSearchFor(pathname, 'expired')
      : (sessionEndSearch() ?? signInSearchFor(pathname));
    endSession(queryClient, search);
    if (hadSession || pathname !== '/sign-in') void router.navigate({ to: '/sign-in', search });
  },
  onActivity: noteActivity,
});

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
