import { useState } from 'react';
import { Navigate, useNavigate, useSearch } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signInInput, type SignInInput } from '@senda/domain';
import { api, isApiError, type SessionView } from '../../lib/api';
import { startSession, useSession } from '../../lib/session';
import { parseSignInSearch } from '../../lib/signInSearch';
import { zodErrorMap } from '../../lib/fieldErrors';
import { FormError, TextField } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { buttonClass, cardClass } from '../../components/styles';
import { useLocale } from '../../i18n/LocaleProvider';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';

/** Where to go after signing in: back where she was, or her role's first page (analysts: the statistics). */
function landingOf(session: SessionView, next: string | undefined): string {
  if (next) return next;
  if (session.user.role === 'analyst') return '/statistics';
  return !session.abilities.readCases && session.abilities.manageUsers ? '/admin/users' : '/cases';
}

export function SignInPage() {
  const t = useT();
  const session = useSession();
  const { next, reason } = parseSignInSearch(useSearch({ strict: false }));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { afterSignIn } = useLocale();
  const [formMessage, setFormMessage] = useState<MessageKey | undefined>();

  const form = useForm<SignInInput>({
    resolver: zodResolver(signInInput, zodErrorMap),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const signIn = useMutation({
    mutationFn: (input: SignInInput) => api.signIn(input),
    onSuccess: async (data) => {
      startSession(queryClient, data);
      afterSignIn();
      await navigate({ href: landingOf(data, next), replace: true });
    },
    onError: (error) => {
      form.resetField('password');
      if (isApiError(error, 'invalid_credentials')) setFormMessage('signIn.invalidCredentials');
      else if (isApiError(error, 'too_many_attempts')) setFormMessage('signIn.tooManyAttempts');
      else setFormMessage(undefined);
    },
  });

  // `href` (a path checked by parseSignInSearch) takes precedence over `to`.
  if (session.data && !signIn.isPending)
    return <Navigate to="/" href={landingOf(session.data, next)} replace />;

  return (
    <div className="mx-auto max-w-md">
      <PageHeading className="mb-2">{t('signIn.title')}</PageHeading>
      {reason ? (
        <p role="status" className="mb-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {reason === 'idle' ? t('signIn.signedOutIdle') : t('error.unauthenticated')}
        </p>
      ) : null}
      <p className="mb-6 text-slate-700">{t('signIn.intro')}</p>
      <form
        noValidate
        className={`${cardClass} space-y-4`}
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            setFormMessage(undefined);
            signIn.mutate(values);
          })(event)
        }
      >
        <FormError error={formMessage ? null : signIn.error} messageKey={formMessage} />
        <TextField
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          registration={form.register('email')}
          error={errors.email}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          registration={form.register('password')}
          error={errors.password}
        />
        <button type="submit" className={`${buttonClass.primary} w-full`} disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
