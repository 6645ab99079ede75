import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { DocumentKind, FieldError as DomainFieldError } from '@senda/domain';
import { api, isApiError, type CaseDocument, type DocumentUpload } from '../../lib/api';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumLabel } from '../../lib/options';
import { FileField, FormError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ACCEPTED_EXTENSIONS } from './documentFiles';
import { DOCUMENT_FIELDS, EMPTY_DOCUMENT, documentResolver, type DocumentFormValues } from './documentValues';

/** The kinds only some roles read: a hint says so when she may choose them. */
const RESTRICTED: readonly DocumentKind[] = ['medical', 'evidence'];

/**
 * Upload a document: its kind (only those her role may use), its own date and
 * a description, and the file. The server reads the file's content to decide
 * its type and applies the clinic's size limit; what it refuses comes back as
 * an error on the field it concerns, the file input included.
 */
export function DocumentUploadForm({
  caseId,
  kinds,
  onDone,
}: {
  caseId: string;
  kinds: readonly DocumentKind[];
  /** The stored document, or 'cancelled'. */
  onDone: (outcome: CaseDocument | 'cancelled') => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<DocumentFormValues, unknown, DocumentUpload>({
    resolver: documentResolver,
    defaultValues: EMPTY_DOCUMENT,
  });
  const errors = form.formState.errors;

  // The form opens where its button was: the focus goes to its title, so she hears what it is.
  useEffect(() => heading.current?.focus(), []);

  const upload = useMutation({
    mutationFn: (input: DocumentUpload) => api.uploadDocument(caseId, input),
    onSuccess: (stored) => onDone(stored),
    onError: (error) => {
      // Field errors come with 400 (the form), 413 (too large) and 415 (type not accepted).
      setOtherErrors(
        isApiError(error) && error.fields.length > 0
          ? applyServerFieldErrors(error.fields, form.setError, (p) => DOCUMENT_FIELDS.has(p))
          : [],
      );
    },
  });
  // Field errors are shown on their fields; the form-level message is for the rest.
  const onFields = isApiError(upload.error) && upload.error.fields.length > 0;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        // This form sits inside the page next to other forms: keep the event here.
        event.stopPropagation();
        void form.handleSubmit((input) => {
          setOtherErrors([]);
          upload.mutate(input);
        })(event);
      }}
    >
      <h3
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('documents.addTitle')}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('documents.field.kind')}
          hint={kinds.some((k) => RESTRICTED.includes(k)) ? t('documents.field.kindHint') : undefined}
          required
          options={kinds.map((kind) => ({ value: kind, label: label('documentKind', kind) }))}
          emptyLabel={t('form.choose')}
          registration={form.register('kind')}
          error={errors.kind}
        />
        <TextField
          label={t('documents.field.documentDate')}
          hint={t('documents.field.documentDateHint')}
          type="date"
          registration={form.register('documentDate')}
          error={errors.documentDate}
        />
        <TextAreaField
          label={t('documents.field.description')}
          hint={t('documents.field.descriptionHint')}
          rows={3}
          registration={form.register('description')}
          error={errors.description}
          className="md:col-span-2"
        />
        <FileField
          label={t('documents.field.file')}
          hint={t('documents.field.fileHint')}
          required
          accept={ACCEPTED_EXTENSIONS}
          registration={form.register('file')}
          error={errors.file}
          className="md:col-span-2"
        />
      </div>
      {upload.isError && (!onFields || otherErrors.length > 0) ? (
        <FormError error={upload.error} extraFields={otherErrors} />
      ) : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={upload.isPending}>
          {upload.isPending ? t('documents.uploading') : t('documents.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
