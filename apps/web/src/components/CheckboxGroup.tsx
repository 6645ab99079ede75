import { useId, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { useT } from '../i18n/useT';
import { ErrorText, describedBy, type Option } from './forms';
import { cx, inputClass } from './styles';

/**
 * A keyboard-accessible multi-select: a group of checkboxes, with a filter box
 * for long lists, and the current choices listed as removable buttons.
 */
export function CheckboxGroup({
  legend,
  value,
  onChange,
  onBlur,
  options,
  error,
  hint,
  filterable = false,
  max,
  className,
}: {
  legend: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  options: readonly Option[];
  error?: FieldError | undefined;
  hint?: string | undefined;
  filterable?: boolean;
  max?: number;
  className?: string;
}) {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const filterId = `${id}-filter`;
  const [filter, setFilter] = useState('');
  const selected = new Set(value);
  const folded = fold(filter);
  const visible = folded
    ? options.filter((o) => fold(o.label).includes(folded) || o.value.toLowerCase() === folded)
    : options;
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const atMax = max !== undefined && value.length >= max;

  const toggle = (v: string, checked: boolean) => {
    if (checked) onChange(selected.has(v) ? [...value] : [...value, v]);
    else onChange(value.filter((x) => x !== v));
  };

  return (
    <fieldset
      className={cx('min-w-0', className)}
      aria-describedby={describedBy(hint && hintId, error && errorId)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-1 font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {filterable && value.length > 0 ? (
        <ul
          className="mb-2 flex flex-wrap gap-2"
          aria-label={t('form.multiselect.selected', { label: legend })}
        >
          {value.map((v) => (
            <li key={v}>
              <button
                type="button"
                className="inline-flex min-h-11 items-center gap-2 rounded-full border border-teal-800 bg-teal-50 px-3 text-sm text-teal-900 hover:bg-teal-100"
                onClick={() => toggle(v, false)}
                aria-label={t('form.multiselect.remove', { item: labelOf.get(v) ?? v })}
              >
                {labelOf.get(v) ?? v}
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {filterable ? (
        <div className="mb-2">
          <label htmlFor={filterId} className="mb-1 block text-sm text-slate-800">
            {t('form.multiselect.filter', { label: legend })}
          </label>
          <input
            id={filterId}
            type="search"
            autoComplete="off"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              // Enter in the filter must not submit the whole form.
              if (e.key === 'Enter') e.preventDefault();
            }}
            className={inputClass}
          />
        </div>
      ) : null}
      <div
        className={cx(
          'grid gap-x-4 sm:grid-cols-2',
          filterable && 'max-h-64 overflow-y-auto rounded-md border border-slate-300 p-2',
        )}
      >
        {visible.map((o) => {
          const checked = selected.has(o.value);
          const optionId = `${id}-${o.value}`;
          return (
            <div key={o.value} className="flex min-h-11 items-center gap-3">
              <input
                id={optionId}
                type="checkbox"
                className="size-5 shrink-0 accent-teal-800"
                checked={checked}
                disabled={!checked && atMax}
                onChange={(e) => toggle(o.value, e.target.checked)}
                onBlur={onBlur}
              />
              <label htmlFor={optionId} className="text-slate-900">
                {o.label}
              </label>
            </div>
          );
        })}
        {visible.length === 0 ? <p className="py-2 text-slate-700">{t('form.multiselect.noMatch')}</p> : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {filterable ? t('form.multiselect.count', { count: value.length }) : ''}
      </p>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}
