import { useCallback, useId } from 'react';
import { useRouter } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type SessionView } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { signInSearchFor } from '../../lib/signInSearch';
import { useIdleTimeout } from '../../lib/useIdleTimeout';
import { ModalDialog } from '../../components/Dialogs';
import { FormError } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useEndSession, useSignOut } from './useSignOut';

/**
 * Warns before the session ends for inactivity; when it ends, forgets the
 * data on screen and goes to the sign-in page, which says why and returns
 * her to this page afterwards.
 */
export function IdleTimeoutDialog({ idleMinutes }: { idleMinutes: number }) {
  const t = useT();
  const bodyId = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const endSession = useEndSession();
  const signOut = useSignOut();

  const timeOut = useCallback(() => {
    // The server has ended the session already, or is about to: end it there too, and here.
    api.signOut({ expectExpired: true }).catch(() => undefined);
    void endSession(signInSearchFor(router.state.location.pathname, 'idle'));
  }, [endSession, router]);

  const warning = useIdleTimeout(idleMinutes, timeOut);

  // Any successful request counts as activity: asking for the session keeps it open.
  const stay = useMutation({
    mutationFn: () => api.getSession(),
    onSuccess: (session) => {
      if (session) queryClient.setQueryData<SessionView | null>(queryKeys.session, session);
      else timeOut();
    },
  });

  return (
    <ModalDialog
      isOpen={warning !== null}
      // Escape keeps her signed in: the safe choice when she is clearly there.
      onOpenChange={(open) => {
        if (!open && !stay.isPending) stay.mutate();
      }}
      title={t('idle.title')}
      role="alertdialog"
      describedBy={bodyId}
    >
      <p id={bodyId} className="text-slate-800">
        {t('idle.body', { minutes: warning?.minutesLeft ?? 0 })}
      </p>
      {stay.isError ? <FormError error={stay.error} /> : null}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {t('layout.signOut')}
        </button>
        <button
          type="button"
          className={buttonClass.primary}
          onClick={() => stay.mutate()}
          disabled={stay.isPending || signOut.isPending}
        >
          {stay.isPending ? t('idle.staying') : t('idle.stay')}
        </button>
      </div>
    </ModalDialog>
  );
}
