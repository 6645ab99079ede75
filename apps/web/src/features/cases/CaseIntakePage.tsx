import { useRef, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { todayInMexico, type caseCreateInput, type FieldError as DomainFieldError } from '@senda/domain';
import { api, isApiError } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumLabel } from '../../lib/options';
import { FormError } from '../../components/forms';
import { PageHeading } from '../../components/PageHeading';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { emptyCase, emptyMember, intakeResolver, isCaseFormPath, type CaseFormValues } from './caseForm';
import { PrivacyNoticeFields } from './PrivacyNoticeFields';
import { MemberFields, type MemberKey } from './MemberFields';
import { ProfileFields } from './ProfileFields';
import { NoCaseAccess } from './CaseListPage';

export function CaseIntakePage() {
  const session = useRequiredSession();
  if (!session.abilities.createCases) return <NoCaseAccess />;
  return <CaseIntakeForm />;
}

function CaseIntakeForm() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const addButton = useRef<HTMLButtonElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);

  const form = useForm<CaseFormValues, unknown, z.output<typeof caseCreateInput>>({
    resolver: intakeResolver,
    defaultValues: emptyCase(todayInMexico()),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const members = useFieldArray({ control: form.control, name: 'familyMembers' });
  const { errors, isSubmitted } = form.formState;

  const create = useMutation({
    mutationFn: (values: z.output<typeof caseCreateInput>) => api.createCase(values),
    onSuccess: async (created) => {
      queryClient.setQueryData(queryKeys.case(created.id), created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases, refetchType: 'none' });
      await navigate({ to: '/cases/$caseId', params: { caseId: created.id } });
    },
    onError: (error) => {
      if (isApiError(error, 'validation_failed')) {
        setOtherErrors(applyServerFieldErrors(error.fields, form.setError, isCaseFormPath));
      } else {
        setOtherErrors([]);
      }
    },
  });

  const hasClientErrors = isSubmitted && Object.keys(errors).length > 0 && !create.isError;

  return (
    <div>
      <PageHeading className="mb-2">{t('intake.title')}</PageHeading>
      <p className="mb-6 max-w-3xl text-slate-800">{t('intake.intro')}</p>
      <form
        noValidate
        className="space-y-6"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            setOtherErrors([]);
            create.mutate(values);
          })(event)
        }
      >
        <ProfileFields form={form} />

        <fieldset className="min-w-0 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <legend className="px-1 text-lg font-semibold text-slate-900">{t('case.section.family')}</legend>
          <p className="mb-4 text-slate-700">{t('intake.family.hint')}</p>
          {members.fields.length === 0 ? (
            <p className="mb-4 text-slate-800">{t('intake.family.none')}</p>
          ) : null}
          <ol className="space-y-4">
            {members.fields.map((field, index) => (
              <li key={field.id}>
                <MemberCard
                  form={form}
                  index={index}
                  onRemove={() => {
                    members.remove(index);
                    addButton.current?.focus();
                  }}
                />
              </li>
            ))}
          </ol>
          <button
            ref={addButton}
            type="button"
            className={cx(buttonClass.secondary, 'mt-4')}
            disabled={members.fields.length >= 20}
            onClick={() =>
              members.append(emptyMember(), {
                focusName: `familyMembers.${members.fields.length}.relationship`,
              })
            }
          >
            {t('intake.family.add')}
          </button>
        </fieldset>

        <PrivacyNoticeFields form={form} />

        {hasClientErrors ? <FormError error={null} messageKey="form.fixErrors" /> : null}
        {create.isError ? <FormError error={create.error} extraFields={otherErrors} /> : null}

        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('intake.submit')}
          </button>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => void navigate({ to: '/cases' })}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

type IntakeForm = UseFormReturn<CaseFormValues, unknown, z.output<typeof caseCreateInput>>;

function MemberCard({ form, index, onRemove }: { form: IntakeForm; index: number; onRemove: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const [relationship, name] = useWatch({
    control: form.control,
    name: [`familyMembers.${index}.relationship`, `familyMembers.${index}.givenNames`],
  });
  const errors = form.formState.errors.familyMembers?.[index];
  const heading =
    t('intake.family.memberN', { n: index + 1 }) +
    (relationship ? ` · ${label('relationship', relationship)}` : '');
  return (
    <section aria-label={heading} className="rounded-md border border-slate-300 bg-slate-50 p-4">
      <h3 className="mb-3 font-semibold text-slate-900">{heading}</h3>
      <MemberFields
        reg={(key, options) => form.register(`familyMembers.${index}.${key}`, options)}
        err={(key: MemberKey) => errors?.[key]}
      />
      <button type="button" className={cx(buttonClass.secondary, 'mt-4')} onClick={onRemove}>
        {t('intake.family.remove', { name: name || t('intake.family.memberN', { n: index + 1 }) })}
      </button>
    </section>
  );
}
