import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type UserView } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { CreateUserForm } from './CreateUserForm';
import { ChangeRoleDialog, ResetPasswordDialog } from './UserDialogs';

export function UsersPage() {
  const t = useT();
  const session = useRequiredSession();
  if (!session.abilities.manageUsers) {
    return (
      <div className="max-w-2xl">
        <PageHeading className="mb-4">{t('users.noAccess.title')}</PageHeading>
        <p className="text-slate-800">{t('users.noAccess.body')}</p>
      </div>
    );
  }
  return <UsersAdmin />;
}

type Action = { kind: 'role' | 'password' | 'deactivate'; user: UserView } | null;

function UsersAdmin() {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const [announcement, setAnnouncement] = useState('');
  const users = useQuery({ queryKey: queryKeys.users, queryFn: ({ signal }) => api.listUsers(signal) });

  const announce = (message: string) => {
    setAnnouncement(message);
  };

  const setActive = useMutation({
    mutationFn: (input: { user: UserView; active: boolean }) =>
      api.updateUser(input.user.id, { active: input.active }),
    onSuccess: async (updated) => {
      setAction(null);
      announce(
        updated.active
          ? t('users.reactivated', { name: updated.displayName })
          : t('users.deactivated', { name: updated.displayName }),
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
    },
  });

  const sorted = [...(users.data ?? [])].sort((a, b) => f.collator.compare(a.displayName, b.displayName));

  return (
    <div className="space-y-8">
      <div>
        <PageHeading className="mb-2">{t('users.title')}</PageHeading>
        <p className="text-slate-800">{t('users.intro', { organization: session.organization.name })}</p>
      </div>
      <p role="status" className={announcement ? 'text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>

      <section aria-labelledby="users-list-heading" className={cardClass}>
        <h2 id="users-list-heading" className="mb-4 text-xl font-semibold text-slate-900">
          {t('users.list.title')}
        </h2>
        {users.isPending ? (
          <p role="status" className="text-slate-800">
            {t('common.loading')}
          </p>
        ) : null}
        {users.isError ? <FormError error={users.error} /> : null}
        <ul className="divide-y divide-slate-200">
          {sorted.map((u) => (
            <li key={u.id} className="flex flex-wrap items-start justify-between gap-3 py-4">
              <div className="min-w-0">
                <p className="font-semibold break-words text-slate-900">
                  {u.displayName}
                  {u.id === session.user.id ? (
                    <span className="ms-2 text-sm font-normal">({t('users.you')})</span>
                  ) : null}
                </p>
                <p className="break-all text-slate-800">{u.email}</p>
                <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
                  <div className="flex gap-1">
                    <dt>{t('users.field.role')}:</dt>
                    <dd className="font-medium">{label('role', u.role)}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t('users.field.active')}:</dt>
                    <dd>
                      <span
                        className={cx(
                          'rounded-full px-2 py-0.5 font-medium',
                          u.active ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-200 text-slate-900',
                        )}
                      >
                        {u.active ? t('users.active') : t('users.inactive')}
                      </span>
                    </dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t('users.field.lastSignIn')}:</dt>
                    <dd>{u.lastSignInAt ? f.dateTime(u.lastSignInAt) : t('users.neverSignedIn')}</dd>
                  </div>
                </dl>
              </div>
              <div className="flex flex-wrap gap-2">
                {u.id !== session.user.id ? (
                  <button
                    type="button"
                    className={buttonClass.secondary}
                    aria-label={t('users.changeRoleOf', { name: u.displayName })}
                    onClick={() => setAction({ kind: 'role', user: u })}
                  >
                    {t('users.changeRole')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className={buttonClass.secondary}
                  aria-label={t('users.resetPasswordOf', { name: u.displayName })}
                  onClick={() => setAction({ kind: 'password', user: u })}
                >
                  {t('users.resetPassword')}
                </button>
                {u.id !== session.user.id ? (
                  u.active ? (
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      aria-label={t('users.deactivateOf', { name: u.displayName })}
                      onClick={() => {
                        setActive.reset();
                        setAction({ kind: 'deactivate', user: u });
                      }}
                    >
                      {t('users.deactivate')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      aria-label={t('users.reactivateOf', { name: u.displayName })}
                      disabled={setActive.isPending}
                      onClick={() => setActive.mutate({ user: u, active: true })}
                    >
                      {t('users.reactivate')}
                    </button>
                  )
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        {setActive.isError && action === null ? <FormError error={setActive.error} /> : null}
      </section>

      <CreateUserForm onCreated={(u) => announce(t('users.created', { name: u.displayName }))} />

      <ConfirmDialog
        isOpen={action?.kind === 'deactivate'}
        onOpenChange={(open) => {
          if (!open) setAction(null);
        }}
        title={t('users.deactivateConfirm.title', { name: action?.user.displayName ?? '' })}
        body={t('users.deactivateConfirm.body', { name: action?.user.displayName ?? '' })}
        confirmLabel={t('users.deactivate')}
        pending={setActive.isPending}
        error={setActive.isError ? <FormError error={setActive.error} /> : null}
        onConfirm={() => {
          if (action) setActive.mutate({ user: action.user, active: false });
        }}
      />
      {action?.kind === 'role' ? (
        <ChangeRoleDialog
          user={action.user}
          onClose={(updated) => {
            setAction(null);
            if (updated)
              announce(
                t('users.roleChanged', { name: updated.displayName, role: label('role', updated.role) }),
              );
          }}
        />
      ) : null}
      {action?.kind === 'password' ? (
        <ResetPasswordDialog
          user={action.user}
          onClose={(done) => {
            setAction(null);
            if (done) announce(t('users.passwordReset', { name: action.user.displayName }));
          }}
        />
      ) : null}
    </div>
  );
}
