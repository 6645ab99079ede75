import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { useOptionalT, useT } from '../../i18n/useT';
import { fieldLabelKey, formatFieldValue } from './fieldValues';

/**
 * The label of a field named in an audit entry. Entries about a case's parts
 * (incidents, documents, consents, risk, approvals) name the part's own fields; reading
 * the documents names the kinds read.
 */
function useFieldLabel(): (field: string, action?: string) => string {
  const t = useT();
  const optional = useOptionalT();
  return (field, action = '') => {
    const own =
      action.startsWith('case.incident') && field === 'facts'
        ? optional('audit.field.facts')
        : action.startsWith('case.incident')
          ? optional(`incidents.field.${field}`)
          : action === 'case.documents.read'
            ? optional(`enum.documentKind.${field}`)
            : action.startsWith('case.document')
              ? optional(`documents.field.${field}`)
              : action.startsWith('case.consent') ||
                  action.startsWith('case.risk') ||
                  action.startsWith('case.safety')
                ? optional(`audit.field.${field}`)
                : action.startsWith('case.approval') || action === 'case.close' || action === 'case.reopen'
                  ? optional(`supervision.auditField.${field}`)
                  : undefined;
    if (own) return own;
    const key = fieldLabelKey(field);
    return key ? t(key) : field;
  };
}

/** Who did what to the case and when: coordinators and admins only. */
export function AuditSection({ caseId }: { caseId: string }) {
  const t = useT();
  const optional = useOptionalT();
  const f = useFormatters();
  const fieldLabel = useFieldLabel();
  const audit = useQuery({
    queryKey: queryKeys.audit(caseId),
    queryFn: ({ signal }) => api.listAudit(caseId, signal),
  });
  const entries = audit.data ?? [];

  return (
    <section aria-labelledby="audit-heading" className={cardClass}>
      <h2 id="audit-heading" className="mb-4 text-xl font-semibold text-slate-900">
        {t('audit.title')}
      </h2>
      {audit.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {audit.isError ? <FormError error={audit.error} /> : null}
      {audit.isSuccess && entries.length === 0 ? <p className="text-slate-800">{t('audit.none')}</p> : null}
      {entries.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t('audit.title')}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('audit.col.when')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('audit.col.who')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('audit.col.action')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('audit.col.fields')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{f.dateTime(e.at)}</td>
                  <td className="px-3 py-2">{e.actorName ?? t('audit.system')}</td>
                  <td className="px-3 py-2">
                    {optional(`audit.action.${e.action}`) ?? <code className="break-all">{e.action}</code>}
                  </td>
                  <td className="px-3 py-2">
                    {f.list(e.fields.map((field) => fieldLabel(field, e.action)))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Every version of the case: which fields changed and what they were before. */
export function HistorySection({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormatters();
  const enumLabel = useEnumLabel();
  const fieldLabel = useFieldLabel();
  const history = useQuery({
    queryKey: queryKeys.history(caseId),
    queryFn: ({ signal }) => api.listHistory(caseId, signal),
  });
  const versions = [...(history.data ?? [])].sort((a, b) => b.version - a.version);

  return (
    <section aria-labelledby="history-heading" className={cardClass}>
      <h2 id="history-heading" className="mb-4 text-xl font-semibold text-slate-900">
        {t('history.title')}
      </h2>
      {history.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {history.isError ? <FormError error={history.error} /> : null}
      {history.isSuccess && versions.length === 0 ? (
        <p className="text-slate-800">{t('history.none')}</p>
      ) : null}
      <ol className="space-y-4">
        {versions.map((v) => (
          <li key={v.version} className="rounded-md border border-slate-300 p-4">
            <h3 className="font-semibold text-slate-900">
              {t('history.version', { version: v.version, date: f.dateTime(v.changedAt) })}
            </h3>
            <p className="mb-2 text-sm text-slate-700">
              {t('history.by', { name: v.changedBy ?? t('audit.system') })}
            </p>
            {v.fields.length === 0 ? (
              <p className="text-slate-800">{t('history.created')}</p>
            ) : (
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
                {v.fields.map((field) => (
                  <div key={field} className="contents">
                    <dt className="font-medium text-slate-900">{fieldLabel(field)}</dt>
                    <dd className="mb-2 break-words text-slate-800 sm:mb-0">
                      {field in v.before
                        ? t('history.before', {
                            value: formatFieldValue(field, v.before[field], f, t, enumLabel),
                          })
                        : t('history.noPrevious')}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
