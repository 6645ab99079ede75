import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { PASSWORD_MIN, UI_LOCALES, passwordChangeInput, type UiLocale } from '@senda/domain';
import { api, isApiError } from '../../lib/api';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumLabel } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { FormError, TextField } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { buttonClass, cardClass, inputClass } from '../../components/styles';
import { useLocale } from '../../i18n/LocaleProvider';
import { useT } from '../../i18n/useT';
import { CalendarFeedSection } from './CalendarFeedSection';

/** The server's form plus "repeat the new password", checked here only. */
const changePasswordForm = passwordChangeInput
  .extend({ repeatPassword: z.string().min(1) })
  .refine((values) => values.newPassword === values.repeatPassword, {
    path: ['repeatPassword'],
    params: { code: 'passwords_differ' },
    // Say it at once, even while another field still has an error.
    when: ({ value }) => {
      const v = value as { newPassword?: unknown; repeatPassword?: unknown } | null;
      return (
        typeof v?.newPassword === 'string' && typeof v.repeatPassword === 'string' && v.repeatPassword !== ''
      );
    },
  });
type ChangePasswordForm = z.input<typeof changePasswordForm>;
const FIELDS = new Set(['currentPassword', 'newPassword', 'repeatPassword']);

export function AccountPage() {
  const t = useT();
  const label = useEnumLabel();
  const session = useRequiredSession();
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <PageHeading className="mb-2">{t('account.title')}</PageHeading>
        <p className="text-slate-800">{t('account.intro')}</p>
      </div>

      <section aria-labelledby="account-details-heading" className={cardClass}>
        <h2 id="account-details-heading" className="mb-4 text-xl font-semibold text-slate-900">
          {t('account.details.title')}
        </h2>
        <dl className="grid gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-3">
          <dt className="font-medium text-slate-900">{t('users.field.displayName')}</dt>
          <dd className="mb-3 break-words text-slate-800 sm:mb-0">{session.user.displayName}</dd>
          <dt className="font-medium text-slate-900">{t('users.field.email')}</dt>
          <dd className="mb-3 break-all text-slate-800 sm:mb-0">{session.user.email}</dd>
          <dt className="font-medium text-slate-900">{t('users.field.role')}</dt>
          <dd className="mb-3 text-slate-800 sm:mb-0">{label('role', session.user.role)}</dd>
          <dt className="font-medium text-slate-900">{t('account.details.organization')}</dt>
          <dd className="mb-3 break-words text-slate-800 sm:mb-0">{session.organization.name}</dd>
        </dl>
        <p className="mt-4 text-sm text-slate-700">{t('account.details.hint')}</p>
      </section>

      <ChangePassword />
      {session.abilities.createCases ? <CalendarFeedSection /> : null}
      <InterfaceLanguage />
    </div>
  );
}

function ChangePassword() {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(changePasswordForm, zodErrorMap),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  const { errors } = form.formState;
  const [unmatched, setUnmatched] = useState<ReturnType<typeof applyServerFieldErrors>>([]);

  const change = useMutation({
    mutationFn: (values: ChangePasswordForm) =>
      api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      form.reset();
      setAnnouncement(t('account.password.changed'));
    },
    onError: (error) => {
      if (!isApiError(error, 'validation_failed')) return;
      // The server says only "invalid" for a wrong current password: say what is wrong.
      const fields = error.fields.map((f) =>
        f.path === 'currentPassword' && f.code === 'invalid' ? { ...f, code: 'current_password_wrong' } : f,
      );
      setUnmatched(applyServerFieldErrors(fields, form.setError, (p) => FIELDS.has(p)));
    },
  });

  return (
    <section aria-labelledby="account-password-heading" className={cardClass}>
      <h2 id="account-password-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('account.password.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('account.password.intro')}</p>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            setAnnouncement('');
            setUnmatched([]);
            change.mutate(values);
          })(event)
        }
      >
        <TextField
          label={t('account.password.current')}
          type="password"
          autoComplete="current-password"
          required
          registration={form.register('currentPassword')}
          error={errors.currentPassword}
        />
        <TextField
          label={t('users.field.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('users.passwordRules', { min: PASSWORD_MIN })}
          registration={form.register('newPassword')}
          error={errors.newPassword}
        />
        <TextField
          label={t('account.password.repeat')}
          type="password"
          autoComplete="new-password"
          required
          registration={form.register('repeatPassword')}
          error={errors.repeatPassword}
        />
        {change.isError && (!isApiError(change.error, 'validation_failed') || unmatched.length > 0) ? (
          <FormError error={change.error} extraFields={unmatched} />
        ) : null}
        <p role="status" className={announcement ? 'font-medium text-emerald-900' : 'sr-only'}>
          {announcement}
        </p>
        <button type="submit" className={buttonClass.primary} disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}

function InterfaceLanguage() {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const { locale, setLocale } = useLocale();
  return (
    <section aria-labelledby="account-language-heading" className={cardClass}>
      <h2 id="account-language-heading" className="mb-4 text-xl font-semibold text-slate-900">
        {t('account.language.title')}
      </h2>
      <label htmlFor={id} className="mb-1 block font-medium text-slate-900">
        {t('account.language.label')}
      </label>
      <p id={hintId} className="mb-1 text-sm text-slate-700">
        {t('account.language.hint')}
      </p>
      <select
        id={id}
        value={locale}
        aria-describedby={hintId}
        onChange={(e) => setLocale(e.target.value as UiLocale)}
        className={`${inputClass} sm:max-w-xs`}
      >
        {UI_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`enum.locale.${l}`)}
          </option>
        ))}
      </select>
    </section>
  );
}
