import { useId } from 'react';
import { useFieldArray, type Control, type UseFormRegister } from 'react-hook-form';
import { buttonClass, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { PlanList, SafetyPlanFormValues } from './riskValues';

/**
 * A list of short texts: one input per item, each with its own name ("Medida 2"),
 * a "Quitar" button naming what it removes, and "Agregar" at the end. The new
 * item's input takes the focus.
 */
export function ListEditor({
  name,
  legend,
  itemLabel,
  control,
  register,
}: {
  name: PlanList;
  legend: string;
  /** The accessible name of item n (1-based). */
  itemLabel: (n: number) => string;
  control: Control<SafetyPlanFormValues>;
  register: UseFormRegister<SafetyPlanFormValues>;
}) {
  const t = useT();
  const id = useId();
  const { fields, append, remove } = useFieldArray({ control, name });
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 font-medium text-slate-900">{legend}</legend>
      <ul className="space-y-2">
        {fields.map((field, i) => (
          <li key={field.id} className="flex items-center gap-2">
            <label htmlFor={`${id}-${i}`} className="sr-only">
              {itemLabel(i + 1)}
            </label>
            <input
              id={`${id}-${i}`}
              type="text"
              autoComplete="off"
              maxLength={300}
              className={inputClass}
              {...register(`${name}.${i}.value`)}
            />
            <button type="button" className={buttonClass.secondary} onClick={() => remove(i)}>
              {t('common.remove')}
              <span className="sr-only"> ({itemLabel(i + 1)})</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${buttonClass.secondary} mt-2`}
        onClick={() => append({ value: '' }, { shouldFocus: true })}
      >
        {t('risk.plan.addItem')}
        <span className="sr-only"> ({legend})</span>
      </button>
    </fieldset>
  );
}
