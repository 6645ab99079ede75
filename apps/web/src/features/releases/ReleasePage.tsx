import { useId, useState, type ReactNode } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { StatSections } from '../statistics/Sections';
import { CellValue } from '../statistics/StatTable';
import { scopeText } from '../statistics/SummaryHeader';
import { useStatText } from '../statistics/statText';
import {
  canReadReleases,
  releaseExportUrl,
  releaseKeys,
  releaseReportUrl,
  releasesApi,
  type Release,
} from './releasesApi';
import { NoReleasesAccess } from './ReleasesPage';
import { ModeText, StatusBadge } from './releaseText';

export function ReleasePage() {
  const session = useRequiredSession();
  if (!canReadReleases(session.user.role)) return <NoReleasesAccess />;
  return <ReleaseView />;
}

/**
 * One release: its parameters, who prepared and decided it, the frozen
 * figures (the same tables as the statistics page), the decision for another
 * coordinator, and the downloads once approved.
 */
function ReleaseView() {
  const text = useStatText();
  const { t, f } = text;
  const { releaseId } = useParams({ from: '/app/statistics/releases/$releaseId' });
  const query = useQuery({
    queryKey: releaseKeys.one(releaseId),
    queryFn: ({ signal }) => releasesApi.get(releaseId, signal),
  });
  const release = query.data;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/statistics/releases" className="text-teal-800 underline">
          {t('releases.backToList')}
        </Link>
      </p>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('releases.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {release ? (
        <>
          <div>
            <PageHeading>{release.title}</PageHeading>
            <p className="mt-2 text-slate-800">{scopeText(text, release.filters)}</p>
          </div>
          <section aria-labelledby="release-facts" className={cx(cardClass, 'space-y-4')}>
            <h2 id="release-facts" className="text-xl font-semibold text-slate-900">
              {t('releases.facts.title')}
            </h2>
            <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              <Fact term={t('releases.col.status')}>
                <StatusBadge status={release.status} />
              </Fact>
              <Fact term={t('releases.col.mode')}>
                <ModeText mode={release.mode} epsilon={release.epsilon} />
              </Fact>
              <Fact term={t('statistics.summary.k')}>{text.count(release.k)}</Fact>
              <Fact term={t('releases.facts.preparedBy')}>
                {release.preparedByName} · {f.dateTime(release.preparedAt)}
              </Fact>
              <Fact term={t('releases.facts.decidedBy')}>
                {release.decidedByName && release.decidedAt
                  ? `${release.decidedByName} · ${f.dateTime(release.decidedAt)}`
                  : '—'}
              </Fact>
              <Fact term={t('releases.facts.figuresAt')}>{f.dateTime(release.figuresAt)}</Fact>
              <Fact term={t('statistics.summary.universe')}>
                <CellValue cell={release.figures.universe} k={release.k} text={text} showReason />
              </Fact>
              <Fact term={t('statistics.summary.leftOut')}>
                <CellValue cell={release.figures.leftOut} k={release.k} text={text} showReason />
              </Fact>
            </dl>
            {release.decisionComment ? (
              <p className="text-slate-900">
                <span className="font-semibold">{t('releases.facts.comment')}</span> {release.decisionComment}
              </p>
            ) : null}
            <p className="text-slate-800">{t('releases.facts.frozen')}</p>
            {release.mode === 'differential_privacy' ? <BudgetNote release={release} /> : null}
            {release.figures.tooFew ? (
              <div
                role="status"
                className="rounded-md border border-amber-700 bg-amber-50 p-3 text-slate-900"
              >
                <p className="font-semibold">{t('statistics.tooFew.title')}</p>
                <p className="mt-1">{t('statistics.tooFew.body', { min: release.figures.minUniverse })}</p>
              </div>
            ) : null}
            <Downloads release={release} />
          </section>
          <Decision release={release} />
          {release.figures.tooFew ? null : <StatSections view={release.figures} text={text} />}
        </>
      ) : null}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 p-3">
      <dt className="text-sm text-slate-800">{term}</dt>
      <dd className="mt-1 font-semibold text-slate-900">{children}</dd>
    </div>
  );
}

function BudgetNote({ release }: { release: Release }) {
  const { t, f } = useStatText();
  const share = release.budget?.[0]?.epsilon;
  return (
    <div className="rounded-md border border-teal-700 bg-teal-50 p-3 text-slate-900">
      <h3 className="font-semibold">{t('releases.dp.title')}</h3>
      <p className="mt-1">
        {t('releases.dp.body', {
          epsilon: f.number(release.epsilon ?? 0),
          parts: release.budget?.length ?? 0,
          share: share === undefined ? '—' : f.number(Math.round(share * 1000) / 1000),
        })}
      </p>
      <p className="mt-1">{t('releases.dp.notPublished')}</p>
    </div>
  );
}

function Downloads({ release }: { release: Release }) {
  const { t, f } = useStatText();
  if (!release.can.export)
    return <p className="text-sm text-slate-800">{t('releases.export.afterApproval')}</p>;
  return (
    <ul className="flex flex-wrap gap-3">
      <li>
        <a href={releaseExportUrl(release.id, 'csv', f.locale)} download className={buttonClass.secondary}>
          {t('statistics.export.csv')}
        </a>
      </li>
      <li>
        <a href={releaseExportUrl(release.id, 'xlsx', f.locale)} download className={buttonClass.secondary}>
          {t('statistics.export.xlsx')}
        </a>
      </li>
      {(['es', 'en'] as const).map((lang) => (
        <li key={lang}>
          <a
            href={releaseReportUrl(release.id, lang)}
            hrefLang={lang}
            type="application/pdf"
            download
            className={buttonClass.secondary}
          >
            {t(lang === 'es' ? 'statistics.export.pdfEs' : 'statistics.export.pdfEn')}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Approve or return (another coordinator or admin), or withdraw (who prepared it), while pending. */
function Decision({ release }: { release: Release }) {
  const { t } = useStatText();
  const id = useId();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: (what: 'approve' | 'return' | 'withdraw') =>
      what === 'withdraw' ? releasesApi.withdraw(release.id) : releasesApi.decide(release.id, what, comment),
    onSuccess: async (saved) => {
      queryClient.setQueryData(releaseKeys.one(release.id), saved);
      await queryClient.invalidateQueries({ queryKey: releaseKeys.all, exact: true });
    },
  });
  const { can } = release;
  if (!can.approve && !can.withdraw) return null;
  return (
    <section aria-labelledby={`${id}-title`} className={cx(cardClass, 'space-y-3')}>
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {t('releases.decision.title')}
      </h2>
      {can.approve ? (
        <>
          <p className="text-slate-800">{t('releases.decision.intro')}</p>
          <div>
            <label htmlFor={`${id}-comment`} className="mb-1 block font-medium text-slate-900">
              {t('releases.decision.comment')}
            </label>
            <p id={`${id}-comment-hint`} className="mb-1 text-sm text-slate-700">
              {t('releases.decision.commentHint')}
            </p>
            <textarea
              id={`${id}-comment`}
              aria-describedby={`${id}-comment-hint`}
              maxLength={500}
              rows={2}
              className={inputClass}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
        </>
      ) : (
        <p className="text-slate-800">{t('releases.decision.waiting')}</p>
      )}
      {act.isError ? <FormError error={act.error} /> : null}
      <div className="flex flex-wrap gap-3">
        {can.approve ? (
          <>
            <button
              type="button"
              className={buttonClass.primary}
              disabled={act.isPending}
              onClick={() => act.mutate('approve')}
            >
              {t('releases.decision.approve')}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={act.isPending}
              onClick={() => act.mutate('return')}
            >
              {t('releases.decision.return')}
            </button>
          </>
        ) : null}
        {can.withdraw ? (
          <button
            type="button"
            className={buttonClass.danger}
            disabled={act.isPending}
            onClick={() => act.mutate('withdraw')}
          >
            {t('releases.decision.withdraw')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
