import { useId } from 'react';
import { documentFileUrl, type CaseDocument } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { formatFileSize, mediaTypeName } from './documentFiles';

/** "Informe médico: informe.pdf": the kind, and the name the file was uploaded with. */
export function useDocumentTitle(): (document: Pick<CaseDocument, 'kind' | 'fileName'>) => string {
  const t = useT();
  const label = useEnumLabel();
  return (document) =>
    t('documents.card.title', {
      kind: label('documentKind', document.kind),
      fileName: document.fileName || '—',
    });
}

/** "PDF", "Imagen PNG", "Word": the type as a person names it. */
function useMediaTypeLabel(): (mediaType: string) => string {
  const t = useT();
  return (mediaType) => {
    const { name, format } = mediaTypeName(mediaType);
    return t(`documents.type.${name}`, { format });
  };
}

/**
 * One document: what it is, its file (type and size), its date, who uploaded
 * it and when, a plain download link (the server sends it as an attachment
 * and records the download) and, for whom may, the button to delete it.
 */
export function DocumentCard({
  caseId,
  document,
  onDelete,
}: {
  caseId: string;
  document: CaseDocument;
  onDelete: (document: CaseDocument) => void;
}) {
  const t = useT();
  const f = useFormatters();
  const typeLabel = useMediaTypeLabel();
  const title = useDocumentTitle()(document);
  const titleId = useId();
  const fileName = document.fileName || '—';
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-4">
      <h3 id={titleId} className="text-lg font-semibold break-words text-slate-900">
        {title}
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        {document.description ? (
          <>
            <dt className="text-slate-700">{t('documents.field.description')}</dt>
            <dd className="break-words whitespace-pre-wrap">{document.description}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t('documents.field.file')}</dt>
        <dd>
          {t('documents.fileValue', {
            type: typeLabel(document.mediaType),
            size: formatFileSize(document.size, f.tag),
          })}
        </dd>
        {document.documentDate ? (
          <>
            <dt className="text-slate-700">{t('documents.field.documentDate')}</dt>
            <dd>{f.date(document.documentDate)}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t('documents.uploadedBy')}</dt>
        <dd>
          {t('documents.uploadedByValue', {
            name: document.uploadedBy ?? '—',
            date: f.dateTime(document.createdAt),
          })}
        </dd>
      </dl>
      <div className="mt-4 flex flex-wrap gap-3">
        {/* Same origin: the session cookie goes with it; the address holds only ids. */}
        <a href={documentFileUrl(caseId, document.id)} download className={buttonClass.secondary}>
          {t('documents.download')}
          <span className="sr-only"> ({fileName})</span>
        </a>
        {document.canDelete ? (
          <button type="button" className={buttonClass.secondary} onClick={() => onDelete(document)}>
            {t('documents.delete')}
            <span className="sr-only"> ({fileName})</span>
          </button>
        ) : null}
      </div>
    </article>
  );
}
