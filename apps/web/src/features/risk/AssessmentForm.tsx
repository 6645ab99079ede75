import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm, useWatch, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import {
  RISK_ANSWERS,
  RISK_QUESTION_CODES,
  todayInMexico,
  type FieldError as DomainFieldError,
  type RiskAssessmentInput,
} from '@senda/domain';
import { api, isApiError, type RiskAssessment } from '../../lib/api';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import {
  ErrorText,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  describedBy,
} from '../../components/forms';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { RiskBadge } from './RiskBadge';
import {
  assessmentResolver,
  emptyAssessment,
  isAssessmentField,
  liveRisk,
  type RiskFormValues,
} from './riskValues';

/** One question: a fieldset whose legend is the question, with Sí / No / No se sabe. */
function AnswerGroup({
  legend,
  registration,
  error,
}: {
  legend: string;
  registration: UseFormRegisterReturn;
  error: FieldError | undefined;
}) {
  const label = useEnumLabel();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={cx('min-w-0 rounded-md border p-3', error ? 'border-red-700' : 'border-slate-300')}
      aria-describedby={describedBy(error && errorId)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="px-1 font-medium text-slate-900">{legend}</legend>
      <div className="flex flex-wrap gap-x-6">
        {RISK_ANSWERS.map((answer) => (
          <label key={answer} className="flex min-h-11 items-center gap-2 text-slate-900">
            <input type="radio" value={answer} className="size-5 accent-teal-800" {...registration} />
            {label('riskAnswer', answer)}
          </label>
        ))}
      </div>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

/**
 * A new risk assessment: the day, the twelve questions, the level they give
 * (computed as she answers, and announced), and — when the assessor judges
 * otherwise — a different level with its reason; notes (sealed).
 */
export function AssessmentForm({
  caseId,
  onDone,
}: {
  caseId: string;
  onDone: (outcome: RiskAssessment | 'cancelled') => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const levels = useEnumOptions('riskLevel');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<RiskFormValues, unknown, RiskAssessmentInput>({
    resolver: assessmentResolver,
    defaultValues: emptyAssessment(todayInMexico()),
  });
  const errors = form.formState.errors;
  const answers = useWatch({ control: form.control, name: 'answers' });
  const overrideLevel = useWatch({ control: form.control, name: 'overrideLevel' });
  const live = liveRisk(answers);

  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: (input: RiskAssessmentInput) => api.addRiskAssessment(caseId, input),
    onSuccess: (stored) => onDone(stored),
    onError: (error) => {
      setOtherErrors(
        isApiError(error) && error.fields.length > 0
          ? applyServerFieldErrors(error.fields, form.setError, isAssessmentField)
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
        {t('risk.addTitle')}
      </h3>
      <TextField
        label={t('risk.field.assessedOn')}
        type="date"
        required
        max={todayInMexico()}
        registration={form.register('assessedOn')}
        error={errors.assessedOn}
        className="max-w-xs"
      />
      <p className="text-slate-800">{t('risk.questionsHint')}</p>
      <div className="space-y-3">
        {RISK_QUESTION_CODES.map((code) => (
          <AnswerGroup
            key={code}
            legend={label('riskQuestion', code)}
            registration={form.register(`answers.${code}`)}
            error={errors.answers?.[code]}
          />
        ))}
      </div>
      <div aria-live="polite" className="rounded-md border border-slate-300 bg-white p-3 text-slate-900">
        <p className="flex flex-wrap items-center gap-2">
          <span>{t('risk.computed', { level: label('riskLevel', live.level), score: live.score })}</span>
          <RiskBadge level={live.level} />
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('risk.field.overrideLevel')}
          hint={t('risk.field.overrideLevelHint')}
          options={levels}
          emptyLabel={t('risk.field.overrideNone')}
          registration={form.register('overrideLevel')}
          error={errors.overrideLevel}
        />
        {overrideLevel !== '' ? (
          <TextAreaField
            label={t('risk.field.overrideReason')}
            required
            rows={2}
            registration={form.register('overrideReason')}
            error={errors.overrideReason}
          />
        ) : null}
        <TextAreaField
          label={t('risk.field.notes')}
          hint={t('risk.field.notesHint')}
          rows={3}
          registration={form.register('notes')}
          error={errors.notes}
          className="md:col-span-2"
        />
      </div>
      {save.isError && (!onFields || otherErrors.length > 0) ? (
        <FormError error={save.error} extraFields={otherErrors} />
      ) : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('risk.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
