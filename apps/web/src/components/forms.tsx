import { useId, type ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import type { FieldError as DomainFieldError } from '@senda/domain';
import { ApiError } from '../lib/api';
import { decodeFieldError } from '../lib/fieldErrors';
import { errorKey, fieldErrorKey, useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/catalogues';
import { cx, inputClass } from './styles';

/** The translated text of a field error (a code and its parameters). */
export function useFieldErrorText(): (error: FieldError | undefined) => string | undefined {
  const t = useT();
  return (error) => {
    if (!error) return undefined;
    const { code, params } = decodeFieldError(error.message);
    return t(fieldErrorKey(code), params ?? {});
  };
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}

export function ErrorText({ id, error }: { id: string; error: FieldError | undefined }) {
  const text = useFieldErrorText()(error);
  if (!text) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

interface BaseFieldProps {
  label: string;
  error?: FieldError | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
}

function Label({
  htmlFor,
  label,
  required,
}: {
  htmlFor: string;
  label: string;
  required?: boolean | undefined;
}) {
  const t = useT();
  return (
    <label htmlFor={htmlFor} className="mb-1 block font-medium text-slate-900">
      {label}
      {required ? (
        <>
          {' '}
          <span className="text-sm font-normal text-slate-700">({t('form.required')})</span>
        </>
      ) : null}
    </label>
  );
}

export function TextField({
  label,
  registration,
  error,
  hint,
  required,
  className,
  type = 'text',
  autoComplete = 'off',
  inputMode,
  max,
  min,
}: BaseFieldProps & {
  registration: UseFormRegisterReturn;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search' | 'tel';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  max?: string | number;
  min?: string | number;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <Label htmlFor={id} label={label} required={required} />
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        max={max}
        min={min}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(hint && hintId, error && errorId)}
        className={cx(inputClass, error && 'border-red-700')}
        {...registration}
      />
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  registration,
  error,
  hint,
  required,
  className,
  rows = 4,
}: BaseFieldProps & { registration: UseFormRegisterReturn; rows?: number }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <Label htmlFor={id} label={label} required={required} />
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(hint && hintId, error && errorId)}
        className={cx(inputClass, 'min-h-24', error && 'border-red-700')}
        {...registration}
      />
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

/**
 * A file input. Its value is the browser's FileList (react-hook-form reads it
 * as such); `accept` only helps to choose, it checks nothing.
 */
export function FileField({
  label,
  registration,
  error,
  hint,
  required,
  className,
  accept,
}: BaseFieldProps & { registration: UseFormRegisterReturn; accept?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <Label htmlFor={id} label={label} required={required} />
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(hint && hintId, error && errorId)}
        className={cx(
          inputClass,
          'min-w-0 file:me-3 file:rounded-md file:border file:border-slate-500 file:bg-slate-100 file:px-3 file:py-1 file:font-medium file:text-slate-900',
          error && 'border-red-700',
        )}
        {...registration}
      />
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  registration,
  error,
  hint,
  required,
  className,
  options,
  emptyLabel,
}: BaseFieldProps & {
  registration: UseFormRegisterReturn;
  options: readonly Option[];
  /** When set, a first empty option with this text (for optional choices). */
  emptyLabel?: string | undefined;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <Label htmlFor={id} label={label} required={required} />
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(hint && hintId, error && errorId)}
        className={cx(inputClass, error && 'border-red-700')}
        {...registration}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

export function CheckboxField({
  label,
  registration,
  error,
  hint,
  className,
}: BaseFieldProps & { registration: UseFormRegisterReturn }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint && hintId, error && errorId)}
          className="size-5 shrink-0 accent-teal-800"
          {...registration}
        />
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <ErrorText id={errorId} error={error} />
    </div>
  );
}

export function Fieldset({
  legend,
  children,
  className,
}: {
  legend: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={cx('min-w-0 rounded-lg border border-slate-300 bg-white p-4 sm:p-6', className)}>
      <legend className="px-1 text-lg font-semibold text-slate-900">{legend}</legend>
      <div className="mt-2 grid gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/**
 * A form-level error, announced at once: the translated API error code and,
 * for field errors that match no visible field, their translated texts.
 */
export function FormError({
  error,
  extraFields = [],
  messageKey,
}: {
  error: unknown;
  extraFields?: readonly DomainFieldError[];
  messageKey?: MessageKey | undefined;
}) {
  const t = useT();
  if (!error && !messageKey) return null;
  const key: MessageKey = messageKey ?? (error instanceof ApiError ? errorKey(error.code) : 'error.internal');
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{t(key)}</p>
      {extraFields.length > 0 ? (
        <ul className="mt-1 list-disc ps-5">
          {extraFields.map((f) => (
            <li key={`${f.path}:${f.code}`}>
              {f.path ? `${f.path}: ` : ''}
              {t(fieldErrorKey(f.code), f.params ?? {})}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
