import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { noteCreateInput, type NoteCreateInput } from '@senda/domain';
import { api, isApiError, type CaseDetail } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { FormError, SelectField, TextAreaField } from '../../components/forms';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

export function NotesSection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const { readNoteClasses, writeNoteClasses } = detail.abilities;
  const notes = useQuery({
    queryKey: queryKeys.notes(detail.id),
    queryFn: ({ signal }) => api.listNotes(detail.id, signal),
  });
  // Show only the classes this person may read, even if more were sent.
  const visible = (notes.data ?? []).filter((n) => readNoteClasses.includes(n.noteClass));

  return (
    <section aria-labelledby="notes-heading" className={cardClass}>
      <h2 id="notes-heading" className="mb-4 text-xl font-semibold text-slate-900">
        {t('notes.title')}
      </h2>
      {writeNoteClasses.length > 0 ? <NoteForm detail={detail} /> : null}
      {notes.isPending ? (
        <p role="status" className="mt-4 text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {notes.isError ? <FormError error={notes.error} /> : null}
      <div className="mt-6 space-y-6">
        {readNoteClasses.map((noteClass) => {
          const items = visible.filter((n) => n.noteClass === noteClass);
          const headingId = `notes-${noteClass}`;
          return (
            <section key={noteClass} aria-labelledby={headingId}>
              <h3 id={headingId} className="mb-2 text-lg font-semibold text-slate-900">
                {t('notes.classHeading', { noteClass: label('noteClass', noteClass), count: items.length })}
              </h3>
              {items.length === 0 ? (
                <p className="text-slate-700">{t('notes.none')}</p>
              ) : (
                <ol className="space-y-3">
                  {items.map((n) => (
                    <li key={n.id}>
                      <article className="rounded-md border border-slate-300 bg-slate-50 p-4">
                        <p className="mb-2 text-sm text-slate-700">
                          {t('notes.byline', { author: n.authorName, date: f.dateTime(n.createdAt) })}
                        </p>
                        {n.unreadable ? (
                          <p className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
                            <span aria-hidden="true">⚠ </span>
                            {t('notes.unreadable')}
                          </p>
                        ) : (
                          <p className="break-words whitespace-pre-wrap text-slate-900">{n.body}</p>
                        )}
                      </article>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function NoteForm({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const classes = detail.abilities.writeNoteClasses;
  const form = useForm<NoteCreateInput, unknown, z.output<typeof noteCreateInput>>({
    resolver: zodResolver(noteCreateInput, zodErrorMap),
    defaultValues: { noteClass: classes[0] ?? 'general', body: '' },
  });
  const errors = form.formState.errors;

  const add = useMutation({
    mutationFn: (input: z.output<typeof noteCreateInput>) => api.addNote(detail.id, input),
    onSuccess: async (note) => {
      form.reset({ noteClass: note.noteClass, body: '' });
      setAnnouncement(t('notes.added', { noteClass: label('noteClass', note.noteClass) }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.notes(detail.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.case(detail.id), exact: true });
    },
    onError: (error) => {
      if (isApiError(error, 'validation_failed'))
        applyServerFieldErrors(error.fields, form.setError, (p) => p === 'body' || p === 'noteClass');
    },
  });

  return (
    <form
      noValidate
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      aria-labelledby="note-form-title"
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          setAnnouncement('');
          add.mutate(values);
        })(event)
      }
    >
      <h3 id="note-form-title" className="font-semibold text-slate-900">
        {t('notes.addTitle')}
      </h3>
      <SelectField
        label={t('notes.class')}
        hint={t('notes.classHint')}
        options={classes.map((c) => ({ value: c, label: label('noteClass', c) }))}
        registration={form.register('noteClass')}
        error={errors.noteClass}
      />
      <TextAreaField
        label={t('notes.body')}
        required
        rows={5}
        registration={form.register('body')}
        error={errors.body}
      />
      {add.isError ? <FormError error={add.error} /> : null}
      <p role="status" className={announcement ? 'text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      <button type="submit" className={buttonClass.primary} disabled={add.isPending}>
        {add.isPending ? t('common.saving') : t('notes.submit')}
      </button>
    </form>
  );
}
