import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { MAX_K, MIN_K, statSettingsInput, type FieldError as DomainFieldError } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { statisticsApi, statisticsKeys } from '../../lib/statisticsApi';
import { FormError, TextField } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import type { StatText } from './statText';

type SettingsInput = z.input<typeof statSettingsInput>;

/** The form once the current threshold is known (its default value is that threshold). */
function SettingsForm({ k, text }: { k: number; text: StatText }) {
  const { t } = text;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<number | null>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<SettingsInput, unknown, z.output<typeof statSettingsInput>>({
    resolver: zodResolver(statSettingsInput, zodErrorMap),
    defaultValues: { k },
  });
  const save = useMutation({
    mutationFn: (input: z.output<typeof statSettingsInput>) => statisticsApi.saveSettings(input.k),
    onSuccess: async (settings) => {
      setOtherErrors([]);
      form.reset({ k: settings.k });
      queryClient.setQueryData(statisticsKeys.settings, settings);
      // Every figure on the page was published under the old threshold.
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.all });
      setSaved(settings.k);
    },
    onError: (error) => {
      setSaved(null);
      setOtherErrors(
        isApiError(error, 'validation_failed')
          ? applyServerFieldErrors(error.fields, form.setError, (path) => path === 'k')
          : [],
      );
    },
  });

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        setSaved(null);
        void form.handleSubmit((input) => save.mutate(input))(event);
      }}
    >
      <TextField
        label={t('statistics.settings.k')}
        hint={t('statistics.settings.kHint', { min: MIN_K, max: MAX_K })}
        type="number"
        inputMode="numeric"
        min={MIN_K}
        max={MAX_K}
        className="max-w-xs"
        error={form.formState.errors.k}
        registration={form.register('k', { valueAsNumber: true })}
      />
      {save.isError && (otherErrors.length > 0 || !isApiError(save.error, 'validation_failed')) ? (
        <FormError error={save.error} extraFields={otherErrors} />
      ) : null}
      <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
        {save.isPending ? t('common.saving') : t('statistics.settings.save')}
      </button>
      <p role="status" className={saved === null ? 'sr-only' : 'text-emerald-900'}>
        {saved === null ? '' : t('statistics.settings.saved', { k: saved })}
      </p>
    </form>
  );
}

/** For admins: the threshold k under which a count is hidden (never below MIN_K). */
export function SettingsPanel({ text }: { text: StatText }) {
  const { t } = text;
  const settings = useQuery({
    queryKey: statisticsKeys.settings,
    queryFn: ({ signal }) => statisticsApi.settings(signal),
  });
  return (
    <section aria-labelledby="stat-settings-title" className={cx(cardClass, 'space-y-3')}>
      <h2 id="stat-settings-title" className="text-xl font-semibold text-slate-900">
        {t('statistics.settings.title')}
      </h2>
      {settings.data ? (
        <p className="max-w-3xl text-slate-800">
          {t('statistics.settings.intro', { defaultK: settings.data.defaultK, minK: settings.data.minK })}
        </p>
      ) : null}
      {settings.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {settings.isError ? <FormError error={settings.error} /> : null}
      {settings.data ? <SettingsForm k={settings.data.k} text={text} /> : null}
    </section>
  );
}
