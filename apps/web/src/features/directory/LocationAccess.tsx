import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { locationAccessInput } from '@senda/domain';
import { directoryApi, type DirectoryLocation } from '../../lib/directoryApi';
import { zodErrorMap } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { FormError, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useServerFieldErrors } from './FormShell';
import { useManageContext } from './manageContext';
import { useDirectoryMutation, useLocationAccess } from './useDirectory';

/** The body of POST /directory/locations/{id}/access: an active account's e-mail, of any organization. */
type AccessInput = z.infer<typeof locationAccessInput>;
const accessResolver = zodResolver(locationAccessInput, zodErrorMap);

/**
 * The users a confidential location names: they see its address and phone
 * (as do its own organization and the one that keeps its entry). She names
 * someone by e-mail, and removes her (after confirming).
 */
export function LocationAccess({
  location,
  onRemoved,
}: {
  location: DirectoryLocation;
  onRemoved: () => void;
}) {
  const t = useT();
  const f = useFormatters();
  const id = useId();
  const { announce, confirmDelete } = useManageContext();
  const access = useLocationAccess(location.id);
  const form = useForm<AccessInput>({ resolver: accessResolver, defaultValues: { email: '' } });
  const server = useServerFieldErrors(form.setError, (p) => p === 'email');
  const grant = useDirectoryMutation(
    (input: AccessInput) => directoryApi.grantAccess(location.id, input.email),
    {
      onSuccess: (_, input) => {
        form.reset({ email: '' });
        announce(t('directory.access.granted', { email: input.email, name: location.name }));
      },
      onError: server.onError,
    },
  );
  const placed = server.other?.length === 0;
  const people = access.data ?? [];

  return (
    <section aria-labelledby={`${id}-title`} className="mt-3 rounded-md border border-slate-300 bg-white p-3">
      <h5 id={`${id}-title`} className="font-semibold text-slate-900">
        {t('directory.access.title')}
      </h5>
      <p className="mt-1 text-sm text-slate-700">{t('directory.access.intro')}</p>
      {access.isPending ? (
        <p role="status" className="mt-2 text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {access.isError ? <FormError error={access.error} /> : null}
      {access.isSuccess && people.length === 0 ? (
        <p className="mt-2 text-slate-800">{t('directory.access.none')}</p>
      ) : null}
      {people.length > 0 ? (
        <ul className="mt-2 divide-y divide-slate-200" aria-labelledby={`${id}-title`}>
          {people.map((p) => (
            <li key={p.user_id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0 break-words text-slate-900">
                {t('directory.access.person', {
                  name: p.display_name,
                  organization: p.organization,
                  date: f.dateTime(p.granted_at),
                })}
              </span>
              <button
                type="button"
                className={buttonClass.secondary}
                onClick={() =>
                  confirmDelete({
                    kind: 'access',
                    locationId: location.id,
                    userId: p.user_id,
                    title: p.display_name,
                    focusAfter: onRemoved,
                  })
                }
              >
                {t('common.remove')}
                <span className="sr-only"> ({p.display_name})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        noValidate
        aria-label={t('directory.access.formLabel', { name: location.name })}
        className="mt-3 flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.stopPropagation();
          void form.handleSubmit((input) => {
            server.reset();
            announce('');
            grant.mutate(input);
          })(event);
        }}
      >
        <TextField
          label={t('directory.access.email')}
          type="email"
          className="min-w-0 flex-1 basis-56"
          registration={form.register('email')}
          error={form.formState.errors.email}
        />
        <button type="submit" className={`${buttonClass.primary} sm:mt-7`} disabled={grant.isPending}>
          {grant.isPending ? t('common.saving') : t('directory.access.grant')}
        </button>
      </form>
      {grant.isError && !placed ? <FormError error={grant.error} extraFields={server.other ?? []} /> : null}
    </section>
  );
}
