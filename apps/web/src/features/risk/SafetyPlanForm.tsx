import { useEffect, useId, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useFieldArray, useForm } from 'react-hook-form';
import { api, isApiError, type RiskAssessment } from '../../lib/api';
import { FormError } from '../../components/forms';
import { buttonClass, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { ListEditor } from './ListEditor';
import { planToValues, toSafetyPlanInput, type PlanList, type SafetyPlanFormValues } from './riskValues';

const LISTS: { name: PlanList; legend: MessageKey; item: MessageKey }[] = [
  { name: 'risks', legend: 'risk.plan.risks', item: 'risk.plan.riskItem' },
  { name: 'measures', legend: 'risk.plan.measures', item: 'risk.plan.measureItem' },
  { name: 'safePlaces', legend: 'risk.plan.safePlaces', item: 'risk.plan.safePlaceItem' },
  { name: 'codeWords', legend: 'risk.plan.codeWords', item: 'risk.plan.codeWordItem' },
];

/** Edit an assessment's safety plan: lists of short texts and safe contacts (sealed on the server). */
export function SafetyPlanForm({
  caseId,
  assessment,
  onDone,
}: {
  caseId: string;
  assessment: RiskAssessment;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<SafetyPlanFormValues>({ defaultValues: planToValues(assessment.safetyPlan) });
  const contacts = useFieldArray({ control: form.control, name: 'safeContacts' });
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: (values: SafetyPlanFormValues) =>
      api.saveSafetyPlan(caseId, assessment.id, toSafetyPlanInput(values)),
    onSuccess: () => onDone(true),
  });
  const fields = isApiError(save.error) ? save.error.fields : [];

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="mt-2 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((values) => save.mutate(values))(event);
      }}
    >
      <h5
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('risk.plan.editTitle')}
      </h5>
      <p className="text-sm text-slate-700">{t('risk.plan.hint')}</p>
      {LISTS.slice(0, 2).map((list) => (
        <ListEditor
          key={list.name}
          name={list.name}
          legend={t(list.legend)}
          itemLabel={(n) => t(list.item, { n })}
          control={form.control}
          register={form.register}
        />
      ))}
      <fieldset className="min-w-0">
        <legend className="mb-1 font-medium text-slate-900">{t('risk.plan.safeContacts')}</legend>
        <ul className="space-y-3">
          {contacts.fields.map((field, i) => (
            <li key={field.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
              {(['name', 'phone', 'note'] as const).map((part) => (
                <div key={part}>
                  <label htmlFor={`${id}-c${i}-${part}`} className="block text-sm text-slate-900">
                    {t(`risk.plan.contact.${part}`, { n: i + 1 })}
                  </label>
                  <input
                    id={`${id}-c${i}-${part}`}
                    type={part === 'phone' ? 'tel' : 'text'}
                    autoComplete="off"
                    className={inputClass}
                    {...form.register(`safeContacts.${i}.${part}`)}
                  />
                </div>
              ))}
              <button type="button" className={buttonClass.secondary} onClick={() => contacts.remove(i)}>
                {t('common.remove')}
                <span className="sr-only"> ({t('risk.plan.contactItem', { n: i + 1 })})</span>
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className={`${buttonClass.secondary} mt-2`}
          onClick={() => contacts.append({ name: '', phone: '', note: '' }, { shouldFocus: true })}
        >
          {t('risk.plan.addItem')}
          <span className="sr-only"> ({t('risk.plan.safeContacts')})</span>
        </button>
      </fieldset>
      {LISTS.slice(2).map((list) => (
        <ListEditor
          key={list.name}
          name={list.name}
          legend={t(list.legend)}
          itemLabel={(n) => t(list.item, { n })}
          control={form.control}
          register={form.register}
        />
      ))}
      {save.isError ? <FormError error={save.error} extraFields={fields} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('risk.plan.save')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
