import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { networkInput, type FieldError as DomainFieldError, type NetworkInput } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { FormError, TextAreaField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { Network } from './networksApi';

const FIELDS = new Set(Object.keys(networkInput.shape));
type Values = z.output<typeof networkInput>;

/**
 * A network's name and description: to create one, or to rename it (the
 * installation's admins). The server's refusals (a name already taken) show
 * next to their field; what she typed stays.
 */
export function NetworkForm({
  initial,
  label,
  submitLabel,
  save,
  onSaved,
  onCancel,
}: {
  initial: NetworkInput;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  save: (input: Values) => Promise<Network>;
  onSaved: (network: Network) => void | Promise<void>;
  onCancel?: (() => void) | undefined;
}) {
  const t = useT();
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<NetworkInput, unknown, Values>({
    resolver: zodResolver(networkInput, zodErrorMap),
    defaultValues: initial,
  });
  const errors = form.formState.errors;
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (network) => {
      setOtherErrors([]);
      await onSaved(network);
    },
    onError: (error) => {
      if (
        (isApiError(error, 'validation_failed') || isApiError(error, 'conflict')) &&
        error.fields.length > 0
      ) {
        setOtherErrors(applyServerFieldErrors(error.fields, form.setError, (p) => FIELDS.has(p)));
      } else {
        setOtherErrors([]);
      }
    },
  });
  // A refusal on a field is said next to it; anything else at the top of the buttons.
  const onFields = isApiError(mutation.error) && mutation.error.fields.some((e) => FIELDS.has(e.path));

  return (
    <form
      noValidate
      aria-label={label}
      className="space-y-4"
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          setOtherErrors([]);
          mutation.mutate(values);
        })(event)
      }
    >
      <TextField
        label={t('networks.field.name')}
        required
        registration={form.register('name')}
        error={errors.name}
      />
      <TextAreaField
        label={t('networks.field.description')}
        hint={t('networks.field.descriptionHint')}
        rows={3}
        registration={form.register('description')}
        error={errors.description}
      />
      {mutation.isError && (!onFields || otherErrors.length > 0) ? (
        <FormError error={mutation.error} extraFields={otherErrors} />
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={buttonClass.secondary} onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
