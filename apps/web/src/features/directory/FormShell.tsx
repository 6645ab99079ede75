import { useEffect, useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { FieldError as DomainFieldError } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { FormError } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

/**
 * The server's refusal of a form: field errors that name one of its fields go
 * on the field; the others are listed at the top of the form.
 */
export function useServerFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  known: (path: string) => boolean,
) {
  const [other, setOther] = useState<DomainFieldError[] | undefined>(undefined);
  return {
    other,
    reset: () => setOther(undefined),
    onError: (error: unknown) =>
      setOther(
        isApiError(error, 'validation_failed')
          ? applyServerFieldErrors(error.fields, setError, known)
          : undefined,
      ),
  };
}

const headingClass =
  'text-lg font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/**
 * An inline form of the manage page: its title takes the focus when it opens;
 * below the fields, why it was refused, and "Save" and "Cancel".
 */
export function FormShell({
  title,
  level = 'h3',
  onSubmit,
  saving,
  submitLabel,
  onCancel,
  error,
  otherErrors,
  invalid,
  children,
}: {
  title: string;
  level?: 'h3' | 'h4';
  onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
  /** The save's error, if any. */
  error: unknown;
  /** Its field errors that name no field of the form. */
  otherErrors: readonly DomainFieldError[] | undefined;
  /** The form has field errors of its own. */
  invalid: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = level;
  useEffect(() => heading.current?.focus(), []);
  // A refusal whose reasons all sit on fields is said by "fix the marked fields".
  const placed = isApiError(error, 'validation_failed') && otherErrors?.length === 0;
  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        onSubmit(event);
      }}
    >
      <Heading ref={heading} id={`${id}-title`} tabIndex={-1} className={headingClass}>
        {title}
      </Heading>
      {children}
      {error && !placed ? <FormError error={error} extraFields={otherErrors ?? []} /> : null}
      {invalid || placed ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={saving}>
          {saving ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
