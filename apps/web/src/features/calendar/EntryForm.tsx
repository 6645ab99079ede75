import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { datedEntrySchema, type DatedEntryInput } from '@senda/domain';
import { api, isApiError, type Authority } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumLabel } from '../../lib/options';
import { FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { refreshDeadlines } from '../../lib/refresh';

type EntryKind = DatedEntryInput['kind'];
interface EntryFormValues {
  kind: EntryKind;
  date: string;
  from: string;
  to: string;
  source: string;
  note: string;
}

const EMPTY: EntryFormValues = { kind: 'non_business_day', date: '', from: '', to: '', source: '', note: '' };
const FIELDS = new Set(['kind', 'date', 'from', 'to', 'source', 'note']);

/** The request body for the chosen kind: only its own fields, empty note left out. */
function toEntry(values: EntryFormValues, authority: Authority): DatedEntryInput {
  const common = {
    authority,
    source: values.source,
    ...(values.note.trim() ? { note: values.note } : {}),
  };
  return values.kind === 'suspension'
    ? { ...common, kind: 'suspension', from: values.from, to: values.to }
    : { ...common, kind: 'non_business_day', date: values.date };
}

const validateEntry = zodResolver(datedEntrySchema, zodErrorMap);

/** Declare a non-business day or a suspension period for one authority's calendar (admins, coordinators). */
export function EntryForm({ authority }: { authority: Authority }) {
  const t = useT();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const resolver: Resolver<EntryFormValues, unknown, DatedEntryInput> = (values, context, options) =>
    validateEntry(toEntry(values, authority), context, options as never);
  const form = useForm<EntryFormValues, unknown, DatedEntryInput>({ resolver, defaultValues: EMPTY });
  const errors = form.formState.errors;
  const kind = useWatch({ control: form.control, name: 'kind' });

  const add = useMutation({
    mutationFn: (input: DatedEntryInput) => api.addCalendarEntry(input),
    onSuccess: async (entry) => {
      form.reset({ ...EMPTY, kind: entry.kind });
      setAnnouncement(t('calendar.entry.added', { authority: label('authority', entry.authority) }));
      await refreshDeadlines(queryClient, queryKeys.calendar);
    },
    onError: (error) => {
      if (isApiError(error, 'validation_failed'))
        applyServerFieldErrors(error.fields, form.setError, (p) => FIELDS.has(p));
    },
  });

  return (
    <form
      noValidate
      aria-labelledby="calendar-entry-title"
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          setAnnouncement('');
          add.mutate(values);
        })(event)
      }
    >
      <h3 id="calendar-entry-title" className="text-lg font-semibold text-slate-900">
        {t('calendar.entry.addTitle', { authority: label('authority', authority) })}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('calendar.entry.kind')}
          required
          options={[
            { value: 'non_business_day', label: t('calendar.entry.kind.non_business_day') },
            { value: 'suspension', label: t('calendar.entry.kind.suspension') },
          ]}
          registration={form.register('kind')}
          error={errors.kind}
          className="md:col-span-2"
        />
        {kind === 'suspension' ? (
          <>
            <TextField
              type="date"
              label={t('calendar.entry.from')}
              required
              registration={form.register('from')}
              error={errors.from}
            />
            <TextField
              type="date"
              label={t('calendar.entry.to')}
              required
              registration={form.register('to')}
              error={errors.to}
            />
          </>
        ) : (
          <TextField
            type="date"
            label={t('calendar.entry.date')}
            required
            registration={form.register('date')}
            error={errors.date}
          />
        )}
        <TextField
          label={t('calendar.entry.source')}
          hint={t('calendar.entry.sourceHint')}
          required
          registration={form.register('source')}
          error={errors.source}
          className="md:col-span-2"
        />
        <TextField
          label={t('calendar.entry.note')}
          hint={t('calendar.entry.noteHint')}
          registration={form.register('note')}
          error={errors.note}
          className="md:col-span-2"
        />
      </div>
      {add.isError && !isApiError(add.error, 'validation_failed') ? <FormError error={add.error} /> : null}
      <p role="status" className={announcement ? 'text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      <button type="submit" className={buttonClass.primary} disabled={add.isPending}>
        {add.isPending ? t('common.saving') : t('calendar.entry.submit')}
      </button>
    </form>
  );
}
