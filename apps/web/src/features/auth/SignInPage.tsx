import { useState } from 'react';
import { Navigate, useNavigate } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { signInInput, type SignInInput } from '@senda/domain';
import { api, isApiError, type SessionView } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useSession } from '../../lib/session';
import { zodErrorMap } from '../../lib/fieldErrors';
import { FormError, TextField } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { buttonClass, cardClass } from '../../components/styles';
import { useLocale } from '../../i18n/LocaleProvider';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';

export function SignInPage() {
  const t = useT();
  const session = useSession();
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
      queryClient.setQueryData<SessionView | null>(queryKeys.session, data);
      afterSignIn();
      await navigate({
        to: !data.abilities.readCases && data.abilities.manageUsers ? '/admin/users' : '/cases',
      });
    },
    onError: (error) => {
      form.resetField('password');
      if (isApiError(error, 'invalid_credentials')) setFormMessage('signIn.invalidCredentials');
      else if (isApiError(error, 'too_many_attempts')) setFormMessage('signIn.tooManyAttempts');
      else setFormMessage(undefined);
    },
  });

  if (session.data && !signIn.isPending) return <Navigate to="/cases" replace />;

  return (
    <div className="mx-auto max-w-md">
      <PageHeading className="mb-2">{t('signIn.title')}</PageHeading>
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
