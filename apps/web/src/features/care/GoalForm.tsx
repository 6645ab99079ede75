import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { goalInput, type FieldError as DomainFieldError, type GoalInput } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareGoal, type CareNeed } from '../../lib/careApi';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useCareContext } from './careContext';
import { CareError } from './CareError';
import { orderNeeds } from './needValues';
import { useCareMutation } from './useCare';
import { useNeedTitle } from './useNeedTitle';

const GOAL_FIELDS = new Set(['needId', 'title']);

/** What became of the form: saved (the goal's title), nothing to save, or cancelled. */
export type GoalFormOutcome = { title: string } | 'unchanged' | 'cancelled';

/**
 * Add a goal to a need (`needId`), or change one (`goal`): its title and, when
 * changing it, the need it answers. A change sends only what differs.
 */
export function GoalForm({
  needId,
  needTitle,
  goal,
  needs = [],
  onDone,
}: {
  needId: string;
  needTitle: string;
  goal?: CareGoal;
  /** The needs a goal being changed may move to. */
  needs?: readonly CareNeed[];
  onDone: (outcome: GoalFormOutcome) => void;
}) {
  const t = useT();
  const id = useId();
  const titleOf = useNeedTitle();
  const f = useFormatters();
  const { caseId } = useCareContext();
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[] | undefined>(undefined);
  const form = useForm<GoalInput>({
    resolver: zodResolver(goalInput, zodErrorMap),
    defaultValues: { needId: goal?.needId ?? needId, title: goal?.title ?? '' },
  });
  const errors = form.formState.errors;
  const { open, closed } = orderNeeds(needs);
  useEffect(() => heading.current?.focus(), []);

  const save = useCareMutation(
    caseId,
    (input: GoalInput) => {
      if (!goal) return careApi.addGoal(caseId, input);
      return careApi.updateGoal(caseId, goal.id, {
        ...(input.needId !== goal.needId ? { needId: input.needId } : {}),
        ...(input.title !== goal.title ? { title: input.title } : {}),
      });
    },
    {
      onSuccess: (_care, input) => onDone({ title: input.title }),
      onError: (error) =>
        setOtherErrors(
          isApiError(error, 'validation_failed')
            ? applyServerFieldErrors(error.fields, form.setError, (p) => GOAL_FIELDS.has(p))
            : undefined,
        ),
    },
  );
  const hiddenByFields = isApiError(save.error, 'validation_failed') && otherErrors?.length === 0;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => {
          setOtherErrors(undefined);
          if (goal && input.needId === goal.needId && input.title === goal.title) onDone('unchanged');
          else save.mutate(input);
        })(event);
      }}
    >
      <h5
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {goal
          ? t('care.goal.editTitle', { title: goal.title })
          : t('care.goal.addTitle', { need: needTitle })}
      </h5>
      <TextField
        label={t('care.goal.title')}
        hint={t('care.goal.titleHint')}
        required
        registration={form.register('title')}
        error={errors.title}
      />
      {goal ? (
        <SelectField
          label={t('care.goal.need')}
          required
          options={[...open, ...closed].map((n) => ({
            value: n.id,
            label: `${titleOf(n)} (${f.date(n.identifiedOn)})`,
          }))}
          registration={form.register('needId')}
          error={errors.needId}
        />
      ) : null}
      {save.isError && !hiddenByFields ? <CareError error={save.error} fields={otherErrors} /> : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : goal ? t('common.save') : t('care.goal.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
