import { Link } from '@tanstack/react-router';
import type { CaseSummary } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { RiskBadge } from '../risk/RiskBadge';

function fullName(c: Pick<CaseSummary, 'givenNames' | 'familyNames'>): string {
  return [c.givenNames, c.familyNames].filter(Boolean).join(' ');
}

export function CaseTable({ items }: { items: CaseSummary[] }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-300 bg-white md:block">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t('cases.list.tableCaption')}</caption>
        <thead className="bg-slate-100 text-sm text-slate-900">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.code')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.name')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.nationalities')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.state')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.status')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.step')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.risk')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('cases.col.familySize')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('cases.col.lastActivity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                <Link
                  to="/cases/$caseId"
                  params={{ caseId: c.id }}
                  className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500"
                >
                  {c.code}
                </Link>
              </td>
              <td className="px-3 py-2">
                {fullName(c)}
                {c.preferredName ? (
                  <span className="block text-sm text-slate-700">
                    {t('cases.preferredName', { name: c.preferredName })}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{f.list(c.nationalities.map((n) => f.country(n)))}</td>
              <td className="px-3 py-2">{f.state(c.state)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={c.status} />
              </td>
              <td className="px-3 py-2">{label('step', c.step)}</td>
              <td className="px-3 py-2">
                <RiskBadge level={c.riskLevel} />
              </td>
              <td className="px-3 py-2 text-right">{f.number(c.familySize)}</td>
              <td className="px-3 py-2 text-sm whitespace-nowrap">{f.dateTime(c.lastActivityAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaseCards({ items }: { items: CaseSummary[] }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <ul className="space-y-3 md:hidden" aria-label={t('cases.list.results')}>
      {items.map((c) => (
        <li key={c.id} className={cx(cardClass, 'p-4')}>
          <Link
            to="/cases/$caseId"
            params={{ caseId: c.id }}
            className="block min-h-11 rounded-sm focus-visible:outline-3 focus-visible:outline-amber-500"
          >
            <span className="block font-mono text-sm text-teal-800 underline">{c.code}</span>
            <span className="block text-lg font-semibold break-words text-slate-900">{fullName(c)}</span>
          </Link>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-700">{t('cases.col.nationalities')}</dt>
            <dd className="break-words">{f.list(c.nationalities.map((n) => f.country(n)))}</dd>
            <dt className="text-slate-700">{t('cases.col.state')}</dt>
            <dd>{f.state(c.state)}</dd>
            <dt className="text-slate-700">{t('cases.col.status')}</dt>
            <dd>
              <StatusBadge status={c.status} />
            </dd>
            <dt className="text-slate-700">{t('cases.col.step')}</dt>
            <dd>{label('step', c.step)}</dd>
            <dt className="text-slate-700">{t('cases.col.risk')}</dt>
            <dd>
              <RiskBadge level={c.riskLevel} />
            </dd>
            <dt className="text-slate-700">{t('cases.col.familySize')}</dt>
            <dd>{f.number(c.familySize)}</dd>
            <dt className="text-slate-700">{t('cases.col.lastActivity')}</dt>
            <dd>{f.dateTime(c.lastActivityAt)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: CaseSummary['status'] }) {
  const label = useEnumLabel();
  return (
    <span
      className={cx(
        'inline-block rounded-full px-2 py-0.5 text-sm font-medium',
        status === 'open' ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-200 text-slate-900',
      )}
    >
      {label('status', status)}
    </span>
  );
}
