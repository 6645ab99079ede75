import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldError as DomainFieldError, referralCreateInput } from '@senda/domain';
import type { z } from 'zod';
import { api, isApiError } from '../../lib/api';
import { referralsApi, type ServiceMatch } from '../../lib/referralsApi';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { SelectField, TextAreaField } from '../../components/forms';
import { Refusal } from '../../components/Refusal';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { DocumentPicker, ShareFields } from './ShareFields';
import {
  emptyReferral,
  isReferralFormField,
  referralFormResolver,
  shareChoices,
  type ReferralFormValues,
} from './referralValues';

type Input = z.output<typeof referralCreateInput>;

const headingClass =
  'text-xl font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/** Where she records the consent a referral rests on: the case's consent section. */
function ConsentLink({ caseId }: { caseId: string }) {
  const t = useT();
  return (
    <Link to="/cases/$caseId" params={{ caseId }} hash="consents-heading" className={buttonClass.link}>
      {t('referrals.form.goToConsents')}
    </Link>
  );
}

/**
 * The referral to the chosen service: what it shares (within her consent),
 * the documents when it shares documents, how urgent it is and a message.
 * Saved as a draft or sent; then on to the referral's page.
 */
export function ReferralForm({
  caseId,
  needId,
  match,
  focusOnMount,
  onChangeService,
}: {
  caseId: string;
  needId: string;
  match: ServiceMatch;
  focusOnMount: boolean;
  onChangeService: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const urgencies = useEnumOptions('referralUrgency');
  const heading = useRef<HTMLHeadingElement>(null);
  const { service, consent } = match;
  const [rest, setRest] = useState<DomainFieldError[]>([]);
  const form = useForm<ReferralFormValues, unknown, Input>({
    resolver: referralFormResolver({ needId, serviceId: service.id }),
    defaultValues: emptyReferral(),
  });
  const scope = useWatch({ control: form.control, name: 'scope' });
  const sharesDocuments = scope.includes('documents');
  const documents = useQuery({
    queryKey: queryKeys.documents(caseId),
    queryFn: ({ signal }) => api.listDocuments(caseId, signal),
    enabled: sharesDocuments,
  });

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const create = useMutation({
    mutationFn: (input: Input) => referralsApi.create(caseId, input),
    onSuccess: async (referral) => {
      queryClient.setQueryData(queryKeys.referral(referral.id), referral);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.referrals, 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseReferrals(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.myWork });
      await navigate({ to: '/referrals/$referralId', params: { referralId: referral.id } });
    },
    onError: (error) => {
      setRest(
        isApiError(error) ? applyServerFieldErrors(error.fields, form.setError, isReferralFormField) : [],
      );
    },
  });
  const submit = (send: boolean) =>
    form.handleSubmit((input) => {
      setRest([]);
      create.mutate({ ...input, send });
    });
  const consentRefused = rest.some((f) => f.code === 'consent_required');

  return (
    <section aria-labelledby="refer-form-heading" className={cardClass}>
      <h2 ref={heading} id="refer-form-heading" tabIndex={-1} className={headingClass}>
        {t('referrals.form.title', { service: service.name })}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-900">
        <dt className="text-slate-700">{t('referrals.field.to')}</dt>
        <dd className="min-w-0 break-words">{service.organization}</dd>
        <dt className="text-slate-700">{t('referrals.field.mode')}</dt>
        <dd>{service.onSenda ? t('referrals.form.insideSenda') : t('referrals.form.outsideSenda')}</dd>
        <dt className="text-slate-700">{t('directory.field.response_business_days')}</dt>
        <dd>{t('directory.responseDays', { count: service.responseBusinessDays })}</dd>
      </dl>
      <button type="button" className={`${buttonClass.secondary} mt-3`} onClick={onChangeService}>
        {t('referrals.form.changeService')}
      </button>

      {!consent.holds ? (
        <div role="note" className="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          <p className="font-medium">
            <span aria-hidden="true">⚠ </span>
            {t('referrals.form.consentMissing', { organization: service.organization })}
          </p>
          <ConsentLink caseId={caseId} />
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void submit(true)(e)} className="mt-4 space-y-5">
          <Controller
            control={form.control}
            name="scope"
            render={({ field, fieldState }) => (
              <ShareFields
                choices={shareChoices(consent.scopes)}
                organization={service.organization}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error}
                focusRef={field.ref}
              />
            )}
          />
          {sharesDocuments ? (
            <Controller
              control={form.control}
              name="documentIds"
              render={({ field, fieldState }) => (
                <DocumentPicker
                  documents={documents.data}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error}
                  focusRef={field.ref}
                />
              )}
            />
          ) : null}
          <SelectField
            label={t('referrals.field.urgency')}
            options={urgencies}
            registration={form.register('urgency')}
            error={form.formState.errors.urgency}
          />
          <TextAreaField
            label={t('referrals.field.message')}
            hint={t('referrals.form.messageHint')}
            registration={form.register('message')}
            error={form.formState.errors.message}
          />
          {consentRefused ? (
            <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-medium">
                <span aria-hidden="true">⚠ </span>
                {t('referrals.form.consentRefused', { organization: service.organization })}
              </p>
              <ConsentLink caseId={caseId} />
            </div>
          ) : null}
          <Refusal error={create.error} fields={rest.filter((f) => f.code !== 'consent_required')} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
              {t('referrals.form.send')}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={create.isPending}
              onClick={(e) => void submit(false)(e)}
            >
              {t('referrals.form.saveDraft')}
            </button>
          </div>
          {create.isPending ? (
            <p role="status" className="text-slate-800">
              {t('common.saving')}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
