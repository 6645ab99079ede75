import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import {
  PASSWORD_MIN,
  userCreateInput,
  type FieldError as DomainFieldError,
  type UserCreateInput,
} from '@senda/domain';
import { api, isApiError, type UserView } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

const USER_FIELDS = new Set(Object.keys(userCreateInput.shape));

function emptyUser(): UserCreateInput {
  return {
    email: '',
    displayName: '',
    role: '' as unknown as UserCreateInput['role'],
    locale: 'es',
    password: '',
  };
}

export function CreateUserForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const t = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const roles = useEnumOptions('role');
  const locales = useEnumOptions('locale');
  const [showPassword, setShowPassword] = useState(false);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<UserCreateInput, unknown, z.output<typeof userCreateInput>>({
    resolver: zodResolver(userCreateInput, zodErrorMap),
    defaultValues: emptyUser(),
  });
  const errors = form.formState.errors;

  const create = useMutation({
    mutationFn: (input: z.output<typeof userCreateInput>) => api.createUser(input),
    onSuccess: async (user) => {
      form.reset(emptyUser());
      setShowPassword(false);
      onCreated(user);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
    },
    onError: (error) => {
      if (
        (isApiError(error, 'validation_failed') || isApiError(error, 'conflict')) &&
        error.fields.length > 0
      ) {
        setOtherErrors(applyServerFieldErrors(error.fields, form.setError, (p) => USER_FIELDS.has(p)));
      } else if (isApiError(error, 'conflict')) {
        form.setError(
          'email',
          { type: 'server', message: encodeFieldError({ code: 'email_taken' }) },
          { shouldFocus: true },
        );
        setOtherErrors([]);
      } else {
        setOtherErrors([]);
      }
    },
  });

  return (
    <section aria-labelledby={`${id}-title`} className={cardClass}>
      <h2 id={`${id}-title`} className="mb-4 text-xl font-semibold text-slate-900">
        {t('users.create.title')}
      </h2>
      <form
        noValidate
        className="grid gap-4 md:grid-cols-2"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            setOtherErrors([]);
            create.mutate(values);
          })(event)
        }
      >
        <TextField
          label={t('users.field.displayName')}
          required
          autoComplete="off"
          registration={form.register('displayName')}
          error={errors.displayName}
        />
        <TextField
          label={t('users.field.email')}
          type="email"
          required
          autoComplete="off"
          registration={form.register('email')}
          error={errors.email}
        />
        <SelectField
          label={t('users.field.role')}
          required
          options={roles}
          emptyLabel={t('form.choose')}
          registration={form.register('role')}
          error={errors.role}
        />
        <SelectField
          label={t('users.field.locale')}
          options={locales}
          registration={form.register('locale')}
          error={errors.locale}
        />
        <div>
          <TextField
            label={t('users.field.password')}
            type={showPassword ? 'text' : 'password'}
            required
            autoComplete="new-password"
            hint={t('users.passwordRules', { min: PASSWORD_MIN })}
            registration={form.register('password')}
            error={errors.password}
          />
          <div className="mt-1 flex min-h-11 items-center gap-3">
            <input
              id={`${id}-show`}
              type="checkbox"
              className="size-5 accent-teal-800"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />
            <label htmlFor={`${id}-show`} className="text-slate-900">
              {t('users.showPassword')}
            </label>
          </div>
        </div>
        <div className="md:col-span-2">
          {create.isError ? <FormError error={create.error} extraFields={otherErrors} /> : null}
        </div>
        <div className="md:col-span-2">
          <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('users.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
