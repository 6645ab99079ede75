import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, type SessionView } from './api';
import { queryKeys } from './queryKeys';

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => api.getSession(signal),
    staleTime: 60_000,
  });
}

/** The session of a page that is only reachable when signed in. */
export function useRequiredSession(): SessionView {
  const { data } = useSession();
  if (!data) throw new Error('useRequiredSession outside a signed-in page');
  return data;
}

/** Forget everything fetched for the previous person (personal data must not linger). */
export function clearPrivateData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
  queryClient.setQueryData<SessionView | null>(queryKeys.session, null);
}
