import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch, type FieldError, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { DEADLINE_UNITS, deadlineRuleSchema, type DeadlineRuleInput } from '@senda/domain';
import { api, isApiError, type DeadlineRuleItem } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { CheckboxField, FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { conditionFieldsOf, conditionGroup, ruleOfValues, type RuleFormValues } from './ruleFormValues';
import { refreshDeadlines } from '../../lib/refresh';

const validateRule = zodResolver(deadlineRuleSchema, zodErrorMap);

/** The first error at `path` or below it (a list's item, a condition's value). */
function errorAt(errors: unknown, path: string): FieldError | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const first = (value: unknown): FieldError | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    if (typeof (value as FieldError).message === 'string') return value as FieldError;
    for (const child of Object.values(value)) {
      const found = first(child);
      if (found) return found;
    }
    return undefined;
  };
  return first(node);
}

/** Change a rule (or add one of the clinic's own): every field of the rule, validated as the server does. */
export function RuleForm({
  initial,
  isNew,
  title,
  onDone,
}: {
  initial: RuleFormValues;
  isNew: boolean;
  title: string;
  onDone: (saved: DeadlineRuleItem | null) => void;
}) {
  const t = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const eventOptions = useEnumOptions('eventType');
  const authorityOptions = useEnumOptions('authority');
  const responsibleOptions = useEnumOptions('responsible');
  const unitOptions = DEADLINE_UNITS.map((unit) => ({ value: unit, label: t(`rules.unit.${unit}`) }));
  // Errors keep the rule's paths (trigger.conditions.0…): read with errorAt, not by the form's shape.
  const resolver: Resolver<RuleFormValues, unknown, DeadlineRuleInput> = async (values, context, options) =>
    (await validateRule(ruleOfValues(values), context, options as never)) as Awaited<
      ReturnType<Resolver<RuleFormValues, unknown, DeadlineRuleInput>>
    >;
  const form = useForm<RuleFormValues, unknown, DeadlineRuleInput>({ resolver, defaultValues: initial });
  const errors = form.formState.errors;
  const eventType = useWatch({ control: form.control, name: 'trigger.eventType' });
  const periodKind = useWatch({ control: form.control, name: 'period.kind' });
  const unit = useWatch({ control: form.control, name: 'period.unit' });
  const extension = useWatch({ control: form.control, name: 'extension.enabled' });

  const save = useMutation({
    mutationFn: (rule: DeadlineRuleInput) => api.saveDeadlineRule(rule),
    onSuccess: async (saved) => {
      await refreshDeadlines(queryClient, queryKeys.deadlineRules);
      onDone(saved);
    },
    onError: (error) => {
      if (!isApiError(error, 'validation_failed')) return;
      for (const field of error.fields) {
        form.setError(field.path as never, {
          type: 'server',
          message: encodeFieldError({ code: field.code, params: field.params }),
        });
      }
    },
  });
  const err = (path: string) => errorAt(errors, path);

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => void form.handleSubmit((rule) => save.mutate(rule))(event)}
    >
      <h3 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        {isNew ? (
          <>
            <TextField
              label={t('rules.field.code')}
              hint={t('rules.field.codeHint')}
              required
              registration={form.register('code')}
              error={err('code')}
            />
            <TextField
              label={t('rules.field.name')}
              required
              registration={form.register('name')}
              error={err('name')}
            />
          </>
        ) : null}
        <SelectField
          label={t('rules.field.trigger')}
          required
          options={eventOptions}
          registration={form.register('trigger.eventType')}
          error={err('trigger.eventType')}
        />
        <SelectField
          label={t('rules.field.calendar')}
          required
          options={authorityOptions}
          registration={form.register('calendar')}
          error={err('calendar')}
        />
        {conditionFieldsOf(eventType).map(([field, values]) => (
          <ConditionField
            key={`${eventType}-${field}`}
            form={form}
            eventType={eventType}
            field={field}
            values={values}
          />
        ))}
        {err('trigger.conditions') ? (
          <p className="text-sm font-medium text-red-800 md:col-span-2">
            <span aria-hidden="true">⚠ </span>
            {t('field.invalid_condition_value')}
          </p>
        ) : null}
        <SelectField
          label={t('rules.field.periodKind')}
          required
          options={[
            { value: 'fixed', label: t('rules.periodKind.fixed') },
            { value: 'recurring', label: t('rules.periodKind.recurring') },
          ]}
          registration={form.register('period.kind')}
          error={err('period.kind') ?? (err('period.amount') ? undefined : err('period'))}
        />
        {periodKind === 'fixed' ? (
          <div className="grid grid-cols-2 gap-3">
            <TextField
              label={t('rules.field.amount')}
              required
              inputMode="numeric"
              registration={form.register('period.amount')}
              error={err('period.amount')}
            />
            <SelectField
              label={t('rules.field.unit')}
              required
              options={unitOptions}
              registration={form.register('period.unit')}
              error={err('period.unit')}
            />
          </div>
        ) : null}
        {periodKind === 'recurring' || unit !== 'business_days' ? (
          <SelectField
            label={t('rules.field.roll')}
            options={[
              { value: 'none', label: t('rules.roll.none') },
              { value: 'next_business_day', label: t('rules.roll.next_business_day') },
            ]}
            registration={form.register('roll')}
            error={err('roll')}
          />
        ) : null}
        <SelectField
          label={t('rules.field.responsible')}
          required
          options={responsibleOptions}
          registration={form.register('responsible')}
          error={err('responsible')}
        />
        <TextField
          label={t('rules.field.legalBasis')}
          hint={t('rules.field.legalBasisHint')}
          required
          registration={form.register('legalBasis')}
          error={err('legalBasis')}
          className="md:col-span-2"
        />
        <Controller
          control={form.control}
          name="metBy"
          render={({ field }) => (
            <CheckboxGroup
              legend={t('rules.field.metBy')}
              hint={t('rules.field.metByHint')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={eventOptions}
              filterable
              error={err('metBy')}
            />
          )}
        />
        <Controller
          control={form.control}
          name="supersededBy"
          render={({ field }) => (
            <CheckboxGroup
              legend={t('rules.field.supersededBy')}
              hint={t('rules.field.supersededByHint')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={eventOptions}
              filterable
              error={err('supersededBy')}
            />
          )}
        />
        <fieldset className="min-w-0 md:col-span-2">
          <legend className="mb-1 font-medium text-slate-900">{t('rules.field.extension')}</legend>
          <CheckboxField
            label={t('rules.field.extensionEnabled')}
            registration={form.register('extension.enabled')}
          />
          {extension ? (
            <div className="mt-2 grid gap-3 sm:grid-cols-3">
              <SelectField
                label={t('rules.field.extensionEvent')}
                required
                options={eventOptions}
                registration={form.register('extension.eventType')}
                error={err('extension.eventType')}
              />
              <TextField
                label={t('rules.field.extensionAmount')}
                required
                inputMode="numeric"
                registration={form.register('extension.amount')}
                error={err('extension.amount')}
              />
              <TextField
                label={t('rules.field.extensionTimes')}
                required
                inputMode="numeric"
                registration={form.register('extension.maxTimes')}
                error={err('extension.maxTimes')}
              />
            </div>
          ) : null}
        </fieldset>
        <div className="md:col-span-2">
          <CheckboxField
            label={t('rules.field.earlierMeetingCloses')}
            registration={form.register('earlierMeetingCloses')}
          />
          <CheckboxField
            label={t('rules.field.justificationWhenLate')}
            registration={form.register('justificationWhenLate')}
          />
          <CheckboxField
            label={t('rules.field.active')}
            hint={t('rules.field.activeHint')}
            registration={form.register('active')}
          />
        </div>
      </div>
      {save.isError && !isApiError(save.error, 'validation_failed') ? <FormError error={save.error} /> : null}
      {save.isError && isApiError(save.error, 'validation_failed') ? (
        <p role="alert" className="font-medium text-red-800">
          {t('rules.fixErrors')}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('rules.save')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ConditionField({
  form,
  eventType,
  field,
  values,
}: {
  form: ReturnType<typeof useForm<RuleFormValues, unknown, DeadlineRuleInput>>;
  eventType: RuleFormValues['trigger']['eventType'];
  field: string;
  values: readonly string[];
}) {
  const t = useT();
  const all = useEnumOptions(conditionGroup(eventType, field));
  const options = all.filter((o) => values.includes(o.value));
  return (
    <Controller
      control={form.control}
      name={`trigger.conditions.${field}`}
      defaultValue={[]}
      render={({ field: control }) => (
        <CheckboxGroup
          legend={t('rules.field.condition', { detail: t(`procedure.detail.${field}` as never) })}
          hint={t('rules.field.conditionHint')}
          value={control.value}
          onChange={control.onChange}
          onBlur={control.onBlur}
          options={options}
          className={cx('md:col-span-2')}
        />
      )}
    />
  );
}
