import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { PASSWORD_MIN, ROLES, passwordSchema, type Role } from '@senda/domain';
import { api, isApiError, type UserView } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { FormError, SelectField, TextField } from '../../components/forms';
import { ModalDialog } from '../../components/Dialogs';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

const roleForm = z.strictObject({ role: z.enum(ROLES) });
const passwordForm = z.strictObject({ password: passwordSchema });

export function ChangeRoleDialog({
  user,
  onClose,
}: {
  user: UserView;
  onClose: (updated: UserView | null) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const roles = useEnumOptions('role');
  const form = useForm<{ role: Role }>({
    resolver: zodResolver(roleForm, zodErrorMap),
    defaultValues: { role: user.role },
  });
  const save = useMutation({
    mutationFn: (role: Role) => api.updateUser(user.id, { role }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
      onClose(updated);
    },
  });
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose(null);
      }}
      title={t('users.changeRoleOf', { name: user.displayName })}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            if (values.role === user.role) onClose(null);
            else save.mutate(values.role);
          })(event)
        }
      >
        <SelectField
          label={t('users.field.role')}
          options={roles}
          registration={form.register('role')}
          error={form.formState.errors.role}
        />
        {save.isError ? <FormError error={save.error} /> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" className={buttonClass.secondary} onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function ResetPasswordDialog({ user, onClose }: { user: UserView; onClose: (done: boolean) => void }) {
  const t = useT();
  const form = useForm<{ password: string }>({
    resolver: zodResolver(passwordForm, zodErrorMap),
    defaultValues: { password: '' },
  });
  const reset = useMutation({
    mutationFn: (password: string) => api.resetPassword(user.id, password),
    onSuccess: () => onClose(true),
    onError: (error) => {
      if (isApiError(error, 'validation_failed'))
        applyServerFieldErrors(error.fields, form.setError, (p) => p === 'password');
    },
  });
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose(false);
      }}
      title={t('users.resetPasswordOf', { name: user.displayName })}
    >
      <p className="mb-4 text-slate-800">{t('users.resetPassword.body')}</p>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => void form.handleSubmit((values) => reset.mutate(values.password))(event)}
      >
        <TextField
          label={t('users.field.newPassword')}
          type="password"
          required
          autoComplete="new-password"
          hint={t('users.passwordRules', { min: PASSWORD_MIN })}
          registration={form.register('password')}
          error={form.formState.errors.password}
        />
        {reset.isError && !isApiError(reset.error, 'validation_failed') ? (
          <FormError error={reset.error} />
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" className={buttonClass.secondary} onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={buttonClass.primary} disabled={reset.isPending}>
            {reset.isPending ? t('common.saving') : t('users.resetPassword.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
