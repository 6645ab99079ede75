import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentKindsFor } from '@senda/domain';
import { api, type CaseDocument } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { DocumentCard } from './DocumentCard';
import { DocumentUploadForm } from './DocumentUploadForm';
import { useReturnFocus } from '../../lib/focus';
import { refreshCasePart } from '../../lib/refresh';

/**
 * The case's documents: her papers, COMAR's constancia and resolutions,
 * medical reports, evidence, signed consent forms. The server lists only the
 * kinds her role reads and says which she may delete; the form offers only
 * the kinds her role may upload (the domain's rule, the server's too).
 */
export function DocumentsSection({ caseId }: { caseId: string }) {
  const t = useT();
  const session = useRequiredSession();
  const kinds = documentKindsFor(session.user.role);
  const queryClient = useQueryClient();
  const documents = useQuery({
    queryKey: queryKeys.documents(caseId),
    queryFn: ({ signal }) => api.listDocuments(caseId, signal),
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);

  const refresh = () => refreshCasePart(queryClient, caseId, queryKeys.documents(caseId));

  const remove = useMutation({
    mutationFn: (document: CaseDocument) => api.deleteDocument(caseId, document.id),
    onSuccess: async (_data, document) => {
      setRemoving(null);
      setAnnouncement(t('documents.deleted', { name: document.fileName || '—' }));
      await refresh();
      // The deleted card and its buttons are gone: on to "Upload a document", or the section's title.
      (addButton.current ?? heading.current)?.focus();
    },
  });

  const items = documents.data;
  return (
    <section aria-labelledby="documents-heading" className={cardClass}>
      <h2
        ref={heading}
        id="documents-heading"
        tabIndex={-1}
        className="mb-2 text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('documents.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('documents.intro')}</p>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {documents.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {documents.isError ? <FormError error={documents.error} /> : null}
      {items?.length === 0 ? <p className="mb-4 text-slate-700">{t('documents.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="space-y-4" aria-label={t('documents.listLabel')}>
          {items.map((document) => (
            <li key={document.id}>
              <DocumentCard
                caseId={caseId}
                document={document}
                onDelete={(chosen) => {
                  setAnnouncement('');
                  remove.reset();
                  setRemoving(chosen);
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-6">
        {adding ? (
          <DocumentUploadForm
            caseId={caseId}
            kinds={kinds}
            onDone={(outcome) => {
              returnFocusToAdd();
              setAdding(false);
              if (outcome !== 'cancelled') {
                setAnnouncement(t('documents.added', { name: outcome.fileName || '—' }));
                void refresh();
              }
            }}
          />
        ) : (
          <button
            ref={addButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              setAnnouncement('');
              setAdding(true);
            }}
          >
            {t('documents.add')}
          </button>
        )}
      </div>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('documents.deleteTitle')}
        body={removing ? t('documents.deleteBody', { name: removing.fileName || '—' }) : null}
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
