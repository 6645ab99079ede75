import { useForm, useWatch } from 'react-hook-form';
import type { Service } from '@senda/domain';
import { directoryApi, type DirectoryLocation, type DirectoryService } from '../../lib/directoryApi';
import { useEnumOptions } from '../../lib/options';
import { Fieldset, SelectField, TextAreaField, TextField } from '../../components/forms';
import { useT } from '../../i18n/useT';
import { FormShell, useServerFieldErrors } from './FormShell';
import {
  emptyService,
  isServiceField,
  serviceChanges,
  serviceResolver,
  valuesOfService,
  type ServiceFormValues,
} from './serviceFormValues';
import { CategoriesFields, EligibilityFields, LanguageCostFields, WhereFields } from './ServiceFormSections';
import { useDirectoryMutation } from './useDirectory';

export type ServiceFormOutcome = DirectoryService | 'unchanged' | 'cancelled';

/**
 * A service of an entry, every field of it: what it is and answers, who may
 * use it, languages and cost, where, how to refer and whether it takes
 * people now. A new one is sent whole; a change sends only what differs.
 */
export function ServiceForm({
  organization,
  service,
  locations,
  onDone,
}: {
  organization: { id: string; on_senda: boolean };
  service?: DirectoryService;
  /** The entry's locations, to choose where it is offered. */
  locations: readonly DirectoryLocation[];
  onDone: (outcome: ServiceFormOutcome) => void;
}) {
  const t = useT();
  const form = useForm<ServiceFormValues, unknown, Service>({
    resolver: serviceResolver,
    defaultValues: service ? valuesOfService(service) : emptyService(organization.on_senda),
  });
  const errors = form.formState.errors;
  const method = useWatch({ control: form.control, name: 'referral_method' });
  const options = {
    status: useEnumOptions('serviceStatus'),
    method: useEnumOptions('referralMethod'),
    availability: useEnumOptions('availability'),
  };
  const server = useServerFieldErrors(form.setError, isServiceField);
  const save = useDirectoryMutation(
    (input: Service) =>
      service
        ? directoryApi.updateService(service.id, serviceChanges(service, input))
        : directoryApi.addService(organization.id, input),
    { onSuccess: (saved) => onDone(saved), onError: server.onError },
  );

  return (
    <FormShell
      level="h4"
      title={
        service ? t('directory.service.editTitle', { name: service.name }) : t('directory.service.addTitle')
      }
      onSubmit={(event) =>
        void form.handleSubmit((input) => {
          server.reset();
          if (service && Object.keys(serviceChanges(service, input)).length === 0) onDone('unchanged');
          else save.mutate(input);
        })(event)
      }
      saving={save.isPending}
      submitLabel={service ? t('common.save') : t('directory.service.addSubmit')}
      onCancel={() => onDone('cancelled')}
      error={save.error}
      otherErrors={server.other}
      invalid={Object.keys(errors).length > 0}
    >
      <Fieldset legend={t('directory.form.about')}>
        <TextField
          label={t('directory.field.name')}
          required
          registration={form.register('name')}
          error={errors.name}
        />
        <TextField
          label={t('directory.field.alternate_name')}
          registration={form.register('alternate_name')}
          error={errors.alternate_name}
        />
        <SelectField
          label={t('directory.field.status')}
          options={options.status}
          registration={form.register('status')}
          error={errors.status}
        />
        <TextAreaField
          label={t('directory.field.description')}
          rows={3}
          className="md:col-span-2"
          registration={form.register('description')}
          error={errors.description}
        />
        <TextField
          label={t('directory.field.url')}
          hint={t('directory.field.websiteHint')}
          registration={form.register('url')}
          error={errors.url}
        />
        <TextField
          label={t('directory.field.email')}
          type="email"
          registration={form.register('email')}
          error={errors.email}
        />
        <TextField
          label={t('directory.field.alert')}
          hint={t('directory.field.alertHint')}
          className="md:col-span-2"
          registration={form.register('alert')}
          error={errors.alert}
        />
      </Fieldset>
      <CategoriesFields form={form} />
      <EligibilityFields form={form} />
      <LanguageCostFields form={form} />
      <WhereFields form={form} locations={locations} />
      <Fieldset legend={t('directory.form.referral')}>
        <SelectField
          label={t('directory.field.referral_method')}
          required
          options={options.method}
          registration={form.register('referral_method')}
          error={errors.referral_method}
        />
        {method === 'phone' ? (
          <TextField
            label={t('directory.field.referral_phone')}
            type="tel"
            required
            registration={form.register('referral_phone')}
            error={errors.referral_phone}
          />
        ) : null}
        {method === 'email' ? (
          <TextField
            label={t('directory.field.referral_email')}
            type="email"
            required
            registration={form.register('referral_email')}
            error={errors.referral_email}
          />
        ) : null}
        <TextField
          label={t('directory.field.response_business_days')}
          hint={t('directory.field.responseDaysHint')}
          inputMode="numeric"
          registration={form.register('response_business_days')}
          error={errors.response_business_days}
        />
        <TextAreaField
          label={t('directory.field.application_process')}
          rows={3}
          className="md:col-span-2"
          registration={form.register('application_process')}
          error={errors.application_process}
        />
      </Fieldset>
      <Fieldset legend={t('directory.form.availability')}>
        <SelectField
          label={t('directory.field.availability')}
          options={options.availability}
          registration={form.register('availability')}
          error={errors.availability}
        />
        <TextField
          label={t('directory.field.capacity_available')}
          hint={t('directory.field.capacityHint')}
          inputMode="numeric"
          registration={form.register('capacity_available')}
          error={errors.capacity_available}
        />
      </Fieldset>
    </FormShell>
  );
}
