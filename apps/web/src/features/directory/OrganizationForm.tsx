import { useForm } from 'react-hook-form';
import type { DirectoryOrganizationInput } from '@senda/domain';
import { directoryApi, type DirectoryOrganization } from '../../lib/directoryApi';
import { TextAreaField, TextField } from '../../components/forms';
import { useT } from '../../i18n/useT';
import {
  ORGANIZATION_FIELDS,
  organizationChanges,
  organizationResolver,
  valuesOfOrganization,
  type OrganizationFormValues,
} from './entryFormValues';
import { FormShell, useServerFieldErrors } from './FormShell';
import { useDirectoryMutation } from './useDirectory';

export type OrganizationFormOutcome = DirectoryOrganization | 'unchanged' | 'cancelled';

/**
 * An organization's entry: her own (`own`: created on the first save), a new
 * one outside Senda kept by hers (`new`), or a change to one kept by hers.
 */
export function OrganizationForm({
  mode,
  org = null,
  defaultName = '',
  onDone,
}: {
  mode: 'own' | 'new' | 'edit';
  org?: DirectoryOrganization | null;
  /** The name a first entry of her own organization starts with. */
  defaultName?: string;
  onDone: (outcome: OrganizationFormOutcome) => void;
}) {
  const t = useT();
  const form = useForm<OrganizationFormValues, unknown, DirectoryOrganizationInput>({
    resolver: organizationResolver,
    defaultValues: valuesOfOrganization(org, defaultName),
  });
  const errors = form.formState.errors;
  const server = useServerFieldErrors(form.setError, (p) => ORGANIZATION_FIELDS.has(p));
  const save = useDirectoryMutation(
    (input: DirectoryOrganizationInput) => {
      if (mode === 'own') return directoryApi.saveOwnOrganization(input);
      if (mode === 'new' || !org) return directoryApi.addOrganization(input);
      return directoryApi.updateOrganization(org.id, organizationChanges(org, input));
    },
    { onSuccess: (saved) => onDone(saved), onError: server.onError },
  );
  const title =
    mode === 'new'
      ? t('directory.org.addTitle')
      : org
        ? t('directory.org.editTitle', { name: org.name })
        : t('directory.org.createOwnTitle');

  return (
    <FormShell
      title={title}
      onSubmit={(event) =>
        void form.handleSubmit((input) => {
          server.reset();
          if (org && mode !== 'new' && Object.keys(organizationChanges(org, input)).length === 0)
            onDone('unchanged');
          else save.mutate(input);
        })(event)
      }
      saving={save.isPending}
      submitLabel={mode === 'new' ? t('directory.org.addSubmit') : t('common.save')}
      onCancel={() => onDone('cancelled')}
      error={save.error}
      otherErrors={server.other}
      invalid={Object.keys(errors).length > 0}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t('directory.field.orgName')}
          required
          registration={form.register('name')}
          error={errors.name}
        />
        <TextField
          label={t('directory.field.alternate_name')}
          registration={form.register('alternate_name')}
          error={errors.alternate_name}
        />
        <TextAreaField
          label={t('directory.field.orgDescription')}
          rows={3}
          className="md:col-span-2"
          registration={form.register('description')}
          error={errors.description}
        />
        <TextField
          label={t('directory.field.email')}
          type="email"
          registration={form.register('email')}
          error={errors.email}
        />
        <TextField
          label={t('directory.field.website')}
          hint={t('directory.field.websiteHint')}
          type="text"
          inputMode="text"
          registration={form.register('website')}
          error={errors.website}
        />
      </div>
    </FormShell>
  );
}
