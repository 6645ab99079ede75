import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { todayInMexico, type ConsentInput, type FieldError as DomainFieldError } from '@senda/domain';
import { api, isApiError } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { CheckboxField, FormError, SelectField, TextField } from '../../components/forms';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useDocumentTitle } from '../documents/DocumentCard';
import { CONSENT_FIELDS, consentResolver, emptyConsent, type ConsentFormValues } from './consentValues';

/**
 * Record a consent: for what (and, for a referral, with which organization),
 * which data, who gave it (her, or her caregiver with the girl's assent), how
 * (a witness for a verbal consent, the signed form uploaded in Documents),
 * when and until when. Who must give it at her age is the server's to say.
 */
export function ConsentForm({ caseId, onDone }: { caseId: string; onDone: (saved: boolean) => void }) {
  const t = useT();
  const id = useId();
  const purposes = useEnumOptions('consentPurpose');
  const scopes = useEnumOptions('consentScope');
  const givers = useEnumOptions('consentGiver');
  const methods = useEnumOptions('consentMethod');
  const documentTitle = useDocumentTitle();
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const today = todayInMexico();
  const form = useForm<ConsentFormValues, unknown, ConsentInput>({
    resolver: consentResolver,
    defaultValues: emptyConsent(today),
  });
  const errors = form.formState.errors;
  const [purpose, givenBy, method] = useWatch({
    control: form.control,
    name: ['purpose', 'givenBy', 'method'],
  });
  const documents = useQuery({
    queryKey: queryKeys.documents(caseId),
    queryFn: ({ signal }) => api.listDocuments(caseId, signal),
    enabled: method === 'signed_form',
  });
  const forms = (documents.data ?? []).filter((d) => d.kind === 'consent_form');
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: (input: ConsentInput) => api.addConsent(caseId, input),
    onSuccess: () => onDone(true),
    onError: (error) => {
      setOtherErrors(
        isApiError(error) && error.fields.length > 0
          ? applyServerFieldErrors(error.fields, form.setError, (p) => CONSENT_FIELDS.has(p))
          : [],
      );
    },
  });
  const onFields = isApiError(save.error) && save.error.fields.length > 0;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => {
          setOtherErrors([]);
          save.mutate(input);
        })(event);
      }}
    >
      <h3
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('consents.addTitle')}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('consents.field.purpose')}
          required
          options={purposes}
          emptyLabel={t('form.choose')}
          registration={form.register('purpose')}
          error={errors.purpose}
        />
        {purpose === 'referral_sharing' ? (
          <TextField
            label={t('consents.field.recipient')}
            required
            registration={form.register('recipient')}
            error={errors.recipient}
          />
        ) : null}
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <CheckboxGroup
              legend={t('consents.field.scope')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={scopes}
              error={errors.scope as never}
              className="md:col-span-2"
            />
          )}
        />
        <SelectField
          label={t('consents.field.givenBy')}
          hint={t('consents.field.givenByHint')}
          required
          options={givers}
          registration={form.register('givenBy')}
          error={errors.givenBy}
        />
        {givenBy === 'caregiver' ? (
          <>
            <TextField
              label={t('consents.field.caregiverName')}
              required
              registration={form.register('caregiverName')}
              error={errors.caregiverName}
            />
            <TextField
              label={t('consents.field.caregiverRelationship')}
              registration={form.register('caregiverRelationship')}
              error={errors.caregiverRelationship}
            />
            <CheckboxField
              label={t('consents.field.childAssent')}
              hint={t('consents.field.childAssentHint')}
              registration={form.register('childAssent')}
              error={errors.childAssent}
            />
          </>
        ) : null}
        <SelectField
          label={t('consents.field.method')}
          required
          options={methods}
          emptyLabel={t('form.choose')}
          registration={form.register('method')}
          error={errors.method}
        />
        {method === 'verbal_witnessed' ? (
          <TextField
            label={t('consents.field.witnessName')}
            required
            registration={form.register('witnessName')}
            error={errors.witnessName}
          />
        ) : null}
        {method === 'signed_form' ? (
          documents.isSuccess && forms.length === 0 ? (
            <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
              {t('consents.field.documentNone')}
            </p>
          ) : (
            <SelectField
              label={t('consents.field.documentId')}
              required
              options={forms.map((d) => ({ value: d.id, label: documentTitle(d) }))}
              emptyLabel={t('form.choose')}
              registration={form.register('documentId')}
              error={errors.documentId}
            />
          )
        ) : null}
        <TextField
          label={t('consents.field.givenOn')}
          type="date"
          required
          max={today}
          registration={form.register('givenOn')}
          error={errors.givenOn}
        />
        <TextField
          label={t('consents.field.expiresOn')}
          hint={t('consents.field.expiresOnHint')}
          type="date"
          registration={form.register('expiresOn')}
          error={errors.expiresOn}
        />
      </div>
      {save.isError && (!onFields || otherErrors.length > 0) ? (
        <FormError error={save.error} extraFields={otherErrors} />
      ) : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('consents.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
