import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  CASE_PROFILE_FIELDS,
  caseUpdateInput,
  type CaseUpdate,
  type CaseUpdateInput,
  type FieldError as DomainFieldError,
} from '@senda/domain';
import { api, isApiError, type CaseDetail } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { Fieldset, FormError, SelectField } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { isCaseFormPath, type CaseFormValues } from './caseForm';
import { ProfileFields } from './ProfileFields';
import { PROFILE_GROUPS, formatFieldValue } from './fieldValues';
import { needsContactWarning } from './caseNotices';

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function formValuesOf(detail: CaseDetail): CaseFormValues {
  const values: Record<string, unknown> = {};
  for (const key of CASE_PROFILE_FIELDS) values[key] = detail[key];
  return { ...(values as CaseFormValues), step: detail.step };
}

/** Only what really changed goes to the server (the audit trail records exactly that). */
export function changedFields(detail: CaseDetail, next: CaseUpdate): CaseUpdateInput {
  const original = formValuesOf(detail) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!sameValue(value, original[key])) out[key] = value;
  }
  return out;
}

export function ProfileSection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="profile-heading" className={cardClass}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="profile-heading" className="text-xl font-semibold text-slate-900">
          {t('case.profile.title')}
        </h2>
        {detail.abilities.update && !editing ? (
          <button
            ref={editButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('case.profile.edit')}
          </button>
        ) : null}
      </div>
      <p role="status" className={cx(saved ? 'mb-4 text-emerald-900' : 'sr-only')}>
        {saved ? t('case.profile.saved') : ''}
      </p>
      {editing ? (
        <ProfileEditForm
          detail={detail}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <ProfileView detail={detail} />
      )}
    </section>
  );
}

function ProfileView({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const f = useFormatters();
  const enumLabel = useEnumLabel();
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {PROFILE_GROUPS.map((group) => (
        <div key={group.legend}>
          <h3 className="mb-2 font-semibold text-slate-900">{t(group.legend)}</h3>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
            {group.fields.map((field) => (
              <div key={field} className="contents">
                <dt className="text-sm text-slate-700 sm:text-base">
                  {t(`case.field.${field}` as Parameters<typeof t>[0])}
                </dt>
                <dd className="mb-2 break-words text-slate-900 sm:mb-0">
                  {formatFieldValue(field, (detail as Record<string, unknown>)[field], f, t, enumLabel)}
                  {field === 'contactDetails' && needsContactWarning(detail) ? (
                    <span className="mt-1 flex gap-2 rounded-md border border-amber-700 bg-amber-50 p-2 text-sm font-medium text-amber-950">
                      <span aria-hidden="true">⚠</span>
                      <span>{t('case.contactConsentMissing')}</span>
                    </span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

const updateResolver = zodResolver(caseUpdateInput, zodErrorMap) as unknown as Resolver<
  CaseFormValues,
  unknown,
  CaseUpdate
>;

function ProfileEditForm({ detail, onDone }: { detail: CaseDetail; onDone: (saved: boolean) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const steps = useEnumOptions('step');
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const [nothingChanged, setNothingChanged] = useState(false);

  const form = useForm<CaseFormValues, unknown, CaseUpdate>({
    resolver: updateResolver,
    defaultValues: formValuesOf(detail),
  });
  const { errors, isSubmitted } = form.formState;

  const save = useMutation({
    mutationFn: (changes: CaseUpdateInput) => api.updateCase(detail.id, changes),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.case(detail.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.history(detail.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit(detail.id) });
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] });
      onDone(true);
    },
    onError: (error) => {
      setOtherErrors(
        isApiError(error, 'validation_failed')
          ? applyServerFieldErrors(error.fields, form.setError, isCaseFormPath)
          : [],
      );
    },
  });

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          setOtherErrors([]);
          const changes = changedFields(detail, values);
          if (Object.keys(changes).length === 0) {
            setNothingChanged(true);
            return;
          }
          setNothingChanged(false);
          save.mutate(changes);
        })(event)
      }
    >
      <Fieldset legend={t('case.section.stage')}>
        <SelectField
          label={t('case.field.step')}
          options={steps}
          registration={form.register('step')}
          error={errors.step}
        />
      </Fieldset>
      <ProfileFields form={form} />
      {isSubmitted && Object.keys(errors).length > 0 && !save.isError ? (
        <FormError error={null} messageKey="form.fixErrors" />
      ) : null}
      {save.isError ? <FormError error={save.error} extraFields={otherErrors} /> : null}
      {nothingChanged ? (
        <p role="status" className="text-slate-800">
          {t('case.profile.nothingChanged')}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
