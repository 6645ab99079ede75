import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { configureApi, type SessionView } from './lib/api';
import { createQueryClient } from './lib/queryClient';
import { queryKeys } from './lib/queryKeys';
import { clearPrivateData } from './lib/session';
import { LocaleProvider } from './i18n/LocaleProvider';
import { createAppRouter } from './routes/router';
import './styles.css';

const queryClient = createQueryClient();
const router = createAppRouter();

configureApi({
  csrfToken: () => queryClient.getQueryData<SessionView | null>(queryKeys.session)?.csrfToken,
  onUnauthenticated: () => {
    const hadSession = queryClient.getQueryData<SessionView | null>(queryKeys.session) != null;
    clearPrivateData(queryClient);
    if (hadSession || router.state.location.pathname !== '/sign-in') void router.navigate({ to: '/sign-in' });
  },
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
