import { useCallback } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { endSession } from '../../lib/session';
import type { SignInSearch } from '../../lib/signInSearch';
import { useLocale } from '../../i18n/LocaleProvider';

/**
 * End the session on this device: keep her language, forget her data (names
 * must not stay on screen) and go to the sign-in page with `search`.
 */
export function useEndSession(): (search: SignInSearch) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { beforeSignOut } = useLocale();
  return useCallback(
    async (search: SignInSearch) => {
      beforeSignOut();
      endSession(queryClient, search);
      await navigate({ to: '/sign-in', search });
    },
    [beforeSignOut, queryClient, navigate],
  );
}

/** Sign out on purpose: the session ends on the server, and here even if the server cannot be reached. */
export function useSignOut() {
  const end = useEndSession();
  return useMutation({
    mutationFn: () => api.signOut(),
    onSettled: () => end({}),
  });
}
