import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, type SessionView } from './api';
import { queryKeys } from './queryKeys';
import type { SignInSearch } from './signInSearch';

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

/**
 * How the last session ended on this page (signed out, timed out, expired),
 * as the search of the sign-in page to go to. Whoever ends a session records
 * it here before navigating, so that the pages behind sign-in, which also
 * send a signed-out visitor to sign-in, go to the very same place.
 */
let endedWith: SignInSearch | null = null;

/** End the session on this device: record how, and forget her data. The caller navigates. */
export function endSession(queryClient: QueryClient, search: SignInSearch): void {
  endedWith = search;
  clearPrivateData(queryClient);
}

/** The sign-in search recorded by `endSession`, if a session ended since the last sign-in. */
export function sessionEndSearch(): SignInSearch | null {
  return endedWith;
}

/** A new session begins (after signing in). */
export function startSession(queryClient: QueryClient, session: SessionView): void {
  endedWith = null;
  queryClient.setQueryData<SessionView | null>(queryKeys.session, session);
}

/** Who may declare or remove dated calendar entries (the server answers 403 to anyone else). */
export function canEditCalendar(role: SessionView['user']['role']): boolean {
  return role === 'admin' || role === 'coordinator';
}
