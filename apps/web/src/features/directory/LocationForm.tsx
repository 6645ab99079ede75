import { useForm, useWatch } from 'react-hook-form';
import type { DirectoryLocation as LocationOutput } from '@senda/domain';
import { directoryApi, type DirectoryLocation } from '../../lib/directoryApi';
import { useCountryOptions, useEnumOptions, useStateOptions } from '../../lib/options';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/forms';
import { useT } from '../../i18n/useT';
import {
  LOCATION_FIELDS,
  emptyLocation,
  locationResolver,
  valuesOfLocation,
  type LocationFormValues,
} from './entryFormValues';
import { FormShell, useServerFieldErrors } from './FormShell';
import { useDirectoryMutation } from './useDirectory';

export type LocationFormOutcome = DirectoryLocation | 'cancelled';

/**
 * A location of an entry (the whole location is saved). A confidential one (a
 * shelter) needs the contact path everyone else is told instead of its
 * address, postal code, coordinates and phone.
 */
export function LocationForm({
  organizationId,
  location,
  onDone,
}: {
  organizationId: string;
  location?: DirectoryLocation;
  onDone: (outcome: LocationFormOutcome) => void;
}) {
  const t = useT();
  const form = useForm<LocationFormValues, unknown, LocationOutput>({
    resolver: locationResolver,
    defaultValues: location ? valuesOfLocation(location) : emptyLocation(),
  });
  const errors = form.formState.errors;
  const confidential = useWatch({ control: form.control, name: 'confidential' });
  const options = {
    type: useEnumOptions('locationType'),
    state: useStateOptions(),
    country: useCountryOptions(),
  };
  const server = useServerFieldErrors(form.setError, (p) => LOCATION_FIELDS.has(p));
  const save = useDirectoryMutation(
    (input: LocationOutput) =>
      location
        ? directoryApi.saveLocation(location.id, input)
        : directoryApi.addLocation(organizationId, input),
    { onSuccess: (saved) => onDone(saved), onError: server.onError },
  );

  return (
    <FormShell
      level="h4"
      title={
        location
          ? t('directory.location.editTitle', { name: location.name })
          : t('directory.location.addTitle')
      }
      onSubmit={(event) =>
        void form.handleSubmit((input) => {
          server.reset();
          save.mutate(input);
        })(event)
      }
      saving={save.isPending}
      submitLabel={location ? t('common.save') : t('directory.location.addSubmit')}
      onCancel={() => onDone('cancelled')}
      error={save.error}
      otherErrors={server.other}
      invalid={Object.keys(errors).length > 0}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t('directory.field.locationName')}
          hint={t('directory.field.locationNameHint')}
          required
          registration={form.register('name')}
          error={errors.name}
        />
        <SelectField
          label={t('directory.field.location_type')}
          options={options.type}
          registration={form.register('location_type')}
          error={errors.location_type}
        />
        <CheckboxField
          label={t('directory.field.confidential')}
          hint={t('directory.field.confidentialHint')}
          className="md:col-span-2"
          registration={form.register('confidential')}
          error={errors.confidential}
        />
        {confidential ? (
          <TextField
            label={t('directory.field.confidential_contact')}
            hint={t('directory.field.confidentialContactHint')}
            required
            className="md:col-span-2"
            registration={form.register('confidential_contact')}
            error={errors.confidential_contact}
          />
        ) : null}
        <TextField
          label={t('directory.field.address_1')}
          autoComplete="off"
          registration={form.register('address_1')}
          error={errors.address_1}
        />
        <TextField
          label={t('directory.field.address_2')}
          registration={form.register('address_2')}
          error={errors.address_2}
        />
        <TextField
          label={t('directory.field.city')}
          registration={form.register('city')}
          error={errors.city}
        />
        <SelectField
          label={t('directory.field.state_province')}
          options={options.state}
          emptyLabel={t('form.notRecorded')}
          registration={form.register('state_province')}
          error={errors.state_province}
        />
        <TextField
          label={t('directory.field.postal_code')}
          inputMode="numeric"
          registration={form.register('postal_code')}
          error={errors.postal_code}
        />
        <SelectField
          label={t('directory.field.country')}
          options={options.country}
          registration={form.register('country')}
          error={errors.country}
        />
        <TextField
          label={t('directory.field.phone')}
          type="tel"
          registration={form.register('phone')}
          error={errors.phone}
        />
        <div className="grid grid-cols-2 gap-4">
          <TextField
            label={t('directory.field.latitude')}
            inputMode="text"
            registration={form.register('latitude')}
            error={errors.latitude}
          />
          <TextField
            label={t('directory.field.longitude')}
            inputMode="text"
            registration={form.register('longitude')}
            error={errors.longitude}
          />
        </div>
        <TextAreaField
          label={t('directory.field.locationDescription')}
          rows={3}
          className="md:col-span-2"
          registration={form.register('description')}
          error={errors.description}
        />
      </div>
    </FormShell>
  );
}
