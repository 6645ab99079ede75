import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { isApiError } from '../../lib/api';
import { encodeFieldError } from '../../lib/fieldErrors';
import {
  materialFileUrl,
  workshopsApi,
  type WorkshopDetail,
  type WorkshopMaterial,
} from '../../lib/workshopsApi';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { FileField, FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ACCEPTED_EXTENSIONS, formatFileSize, mediaTypeName } from '../documents/documentFiles';
import { fileProblem } from '../documents/documentValues';

/**
 * The files kept with a workshop (programme, presentation, photos of the
 * room): listed with their type and size, downloaded through a plain link
 * (the server sends them as attachments), added one at a time and removed
 * after confirming. The server decides a file's type from its content and
 * applies the size limit; what it refuses is said on the file field.
 */
export function MaterialsSection({ workshop }: { workshop: WorkshopDetail }) {
  const t = useT();
  const f = useFormatters();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removing, setRemoving] = useState<WorkshopMaterial | null>(null);
  const form = useForm<{ file: FileList | null }>({ defaultValues: { file: null } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.workshops });

  const upload = useMutation({
    mutationFn: (file: File) => workshopsApi.uploadMaterial(workshop.id, file),
    onSuccess: async (stored) => {
      form.reset();
      setAnnouncement(t('workshops.materials.added', { name: stored.fileName || '—' }));
      await refresh();
    },
    onError: (error) => {
      const onFile = isApiError(error) ? error.fields.find((e) => e.path === 'file') : undefined;
      if (onFile)
        form.setError(
          'file',
          { type: 'server', message: encodeFieldError({ code: onFile.code, params: onFile.params }) },
          { shouldFocus: true },
        );
    },
  });
  const remove = useMutation({
    mutationFn: (material: WorkshopMaterial) => workshopsApi.removeMaterial(workshop.id, material.id),
    onSuccess: async (_data, material) => {
      setRemoving(null);
      setAnnouncement(t('workshops.materials.deleted', { name: material.fileName || '—' }));
      await refresh();
      heading.current?.focus();
    },
  });
  const onField = isApiError(upload.error) && upload.error.fields.some((e) => e.path === 'file');

  return (
    <section aria-labelledby="materials-heading" className={cardClass}>
      <h2
        ref={heading}
        id="materials-heading"
        tabIndex={-1}
        className="mb-2 text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('workshops.materials.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('workshops.materials.intro')}</p>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {workshop.materials.length === 0 ? (
        <p className="mb-4 text-slate-700">{t('workshops.materials.none')}</p>
      ) : (
        <ul className="mb-4 space-y-3" aria-label={t('workshops.materials.listLabel')}>
          {workshop.materials.map((material) => {
            const { name, format } = mediaTypeName(material.mediaType);
            const fileName = material.fileName || '—';
            return (
              <li key={material.id} className="rounded-md border border-slate-300 p-3">
                <p className="font-medium break-words text-slate-900">{fileName}</p>
                <p className="text-slate-800">
                  {t('documents.fileValue', {
                    type: t(`documents.type.${name}`, { format }),
                    size: formatFileSize(material.size, f.tag),
                  })}
                  {' · '}
                  {t('documents.uploadedByValue', {
                    name: material.uploadedBy ?? '—',
                    date: f.dateTime(material.createdAt),
                  })}
                </p>
                <div className="mt-2 flex flex-wrap gap-3">
                  <a
                    href={materialFileUrl(workshop.id, material.id)}
                    download
                    className={buttonClass.secondary}
                  >
                    {t('documents.download')}
                    <span className="sr-only"> ({fileName})</span>
                  </a>
                  <button
                    type="button"
                    className={buttonClass.secondary}
                    onClick={() => {
                      setAnnouncement('');
                      remove.reset();
                      setRemoving(material);
                    }}
                  >
                    {t('documents.delete')}
                    <span className="sr-only"> ({fileName})</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <form
        noValidate
        aria-label={t('workshops.materials.add')}
        className="space-y-3"
        onSubmit={(event) =>
          void form.handleSubmit((values) => {
            const problem = fileProblem(values.file);
            const file = values.file?.[0];
            if (problem || !file) {
              form.setError(
                'file',
                { type: 'validate', message: encodeFieldError({ code: problem ?? 'file_required' }) },
                { shouldFocus: true },
              );
              return;
            }
            setAnnouncement('');
            upload.mutate(file);
          })(event)
        }
      >
        <FileField
          label={t('workshops.materials.file')}
          hint={t('workshops.materials.fileHint')}
          accept={ACCEPTED_EXTENSIONS}
          registration={form.register('file')}
          error={form.formState.errors.file}
        />
        {upload.isError && !onField ? <FormError error={upload.error} /> : null}
        <button type="submit" className={buttonClass.primary} disabled={upload.isPending}>
          {upload.isPending ? t('documents.uploading') : t('workshops.materials.add')}
        </button>
      </form>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('workshops.materials.deleteTitle')}
        body={removing ? t('workshops.materials.deleteBody', { name: removing.fileName || '—' }) : null}
        confirmLabel={t('documents.delete')}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
        pending={remove.isPending}
        error={remove.isError ? <FormError error={remove.error} /> : null}
      />
    </section>
  );
}
