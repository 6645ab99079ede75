import { Controller, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { todayInMexico } from '@senda/domain';
import { CheckboxField, Fieldset, SelectField, TextField } from '../../components/forms';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { useCountryOptions, useEnumOptions, useLanguageOptions, useStateOptions } from '../../lib/options';
import { useT } from '../../i18n/useT';
import { emptyToNull, toAge, type CaseFormValues } from './caseForm';

/**
 * The woman's profile, grouped as the intake interview goes. Shared by the
 * intake form and the profile edit form of the case page.
 */
export function ProfileFields<TOut extends FieldValues>({
  form,
}: {
  form: UseFormReturn<CaseFormValues, unknown, TOut>;
}) {
  const t = useT();
  const { register, control } = form;
  const errors = form.formState.errors;
  const today = todayInMexico();
  const countries = useCountryOptions();
  const languages = useLanguageOptions();
  const states = useStateOptions();
  const genders = useEnumOptions('genderIdentity');
  const contactMethods = useEnumOptions('contactMethod');
  const vulnerabilities = useEnumOptions('vulnerability');
  const documents = useEnumOptions('document');
  const referralSources = useEnumOptions('referralSource');
  const notRecorded = t('form.notRecorded');

  return (
    <>
      <Fieldset legend={t('case.section.identity')}>
        <TextField
          label={t('case.field.givenNames')}
          required
          registration={register('givenNames')}
          error={errors.givenNames}
        />
        <TextField
          label={t('case.field.familyNames')}
          registration={register('familyNames')}
          error={errors.familyNames}
        />
        <TextField
          label={t('case.field.preferredName')}
          hint={t('case.hint.preferredName')}
          registration={register('preferredName')}
          error={errors.preferredName}
        />
        <SelectField
          label={t('case.field.genderIdentity')}
          options={genders}
          registration={register('genderIdentity')}
          error={errors.genderIdentity}
        />
        <TextField
          label={t('case.field.birthDate')}
          type="date"
          max={today}
          registration={register('birthDate', { setValueAs: emptyToNull })}
          error={errors.birthDate}
        />
        <TextField
          label={t('case.field.estimatedAge')}
          hint={t('case.hint.estimatedAge')}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          registration={register('estimatedAge', { setValueAs: toAge })}
          error={errors.estimatedAge}
        />
      </Fieldset>

      <Fieldset legend={t('case.section.nationality')}>
        <Controller
          control={control}
          name="nationalities"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              className="md:col-span-2"
              legend={t('case.field.nationalities')}
              hint={t('case.hint.nationalities')}
              filterable
              max={5}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={countries}
              error={fieldState.error}
            />
          )}
        />
        <Controller
          control={control}
          name="languages"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              className="md:col-span-2"
              legend={t('case.field.languages')}
              filterable
              max={10}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={languages}
              error={fieldState.error}
            />
          )}
        />
        <CheckboxField
          label={t('case.field.needsInterpreter')}
          registration={register('needsInterpreter')}
          error={errors.needsInterpreter}
        />
      </Fieldset>

      <Fieldset legend={t('case.section.arrival')}>
        <TextField
          label={t('case.field.entryDate')}
          type="date"
          max={today}
          registration={register('entryDate', { setValueAs: emptyToNull })}
          error={errors.entryDate}
        />
        <TextField
          label={t('case.field.entryPlace')}
          hint={t('case.hint.entryPlace')}
          registration={register('entryPlace')}
          error={errors.entryPlace}
        />
      </Fieldset>

      <Fieldset legend={t('case.section.location')}>
        <SelectField
          label={t('case.field.state')}
          options={states}
          emptyLabel={notRecorded}
          registration={register('state', { setValueAs: emptyToNull })}
          error={errors.state}
        />
        <TextField
          label={t('case.field.municipality')}
          registration={register('municipality')}
          error={errors.municipality}
        />
        <SelectField
          label={t('case.field.contactMethod')}
          options={contactMethods}
          emptyLabel={notRecorded}
          registration={register('contactMethod', { setValueAs: emptyToNull })}
          error={errors.contactMethod}
        />
        <TextField
          label={t('case.field.contactDetails')}
          hint={t('case.hint.contactDetails')}
          registration={register('contactDetails')}
          error={errors.contactDetails}
        />
        <CheckboxField
          label={t('case.field.mayLeaveMessage')}
          registration={register('mayLeaveMessage')}
          error={errors.mayLeaveMessage}
        />
      </Fieldset>

      <Fieldset legend={t('case.section.vulnerabilities')}>
        <CheckboxField
          label={t('case.field.pregnant')}
          registration={register('pregnant')}
          error={errors.pregnant}
        />
        <CheckboxField
          label={t('case.field.disability')}
          registration={register('disability')}
          error={errors.disability}
        />
        <CheckboxField
          label={t('case.field.indigenous')}
          registration={register('indigenous')}
          error={errors.indigenous}
        />
        <CheckboxField
          label={t('case.field.lgbtiq')}
          registration={register('lgbtiq')}
          error={errors.lgbtiq}
        />
        <Controller
          control={control}
          name="vulnerabilities"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              className="md:col-span-2"
              legend={t('case.field.vulnerabilities')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={vulnerabilities}
              error={fieldState.error}
            />
          )}
        />
      </Fieldset>

      <Fieldset legend={t('case.section.documents')}>
        <Controller
          control={control}
          name="documents"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              className="md:col-span-2"
              legend={t('case.field.documents')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={documents}
              error={fieldState.error}
            />
          )}
        />
        <SelectField
          label={t('case.field.referralSource')}
          options={referralSources}
          emptyLabel={notRecorded}
          registration={register('referralSource', { setValueAs: emptyToNull })}
          error={errors.referralSource}
        />
      </Fieldset>
    </>
  );
}
