import { useId, useState } from 'react';
import type { SafetyPlan } from '@senda/domain';
import type { RiskAssessment } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { RiskBadge } from './RiskBadge';
import { SafetyPlanForm } from './SafetyPlanForm';
import { PLAN_LISTS, planIsEmpty } from './riskValues';
import { useReturnFocus } from '../../lib/focus';

const LIST_TITLES: Record<(typeof PLAN_LISTS)[number], MessageKey> = {
  risks: 'risk.plan.risks',
  measures: 'risk.plan.measures',
  safePlaces: 'risk.plan.safePlaces',
  codeWords: 'risk.plan.codeWords',
};

function PlanView({ plan }: { plan: SafetyPlan }) {
  const t = useT();
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-2 text-slate-900 sm:grid-cols-[auto_1fr]">
      {(['risks', 'measures'] as const).map((list) =>
        plan[list].length > 0 ? (
          <PlanList key={list} title={t(LIST_TITLES[list])} items={plan[list]} />
        ) : null,
      )}
      {plan.safeContacts.length > 0 ? (
        <>
          <dt className="text-slate-700">{t('risk.plan.safeContacts')}</dt>
          <dd>
            <ul className="list-disc ps-5">
              {plan.safeContacts.map((c, i) => (
                <li key={i} className="break-words">
                  {[c.name, c.phone, c.note].filter(Boolean).join(' · ')}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {(['safePlaces', 'codeWords'] as const).map((list) =>
        plan[list].length > 0 ? (
          <PlanList key={list} title={t(LIST_TITLES[list])} items={plan[list]} />
        ) : null,
      )}
    </dl>
  );
}

function PlanList({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <>
      <dt className="text-slate-700">{title}</dt>
      <dd>
        <ul className="list-disc ps-5">
          {items.map((item, i) => (
            <li key={i} className="break-words">
              {item}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/**
 * One assessment: its day and level (and, when the assessor set another level,
 * the computed one and her reason), the red flags answered yes, the score,
 * notes, who assessed; then its safety plan, with the button to edit it.
 */
export function AssessmentCard({
  caseId,
  assessment,
  newest,
  onPlanSaved,
}: {
  caseId: string;
  assessment: RiskAssessment;
  newest: boolean;
  onPlanSaved: () => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);
  const date = f.date(assessment.assessedOn);
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-4">
      <h3 id={titleId} className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
        {t(newest ? 'risk.card.titleNewest' : 'risk.card.title', { date })}
        <RiskBadge level={assessment.level} />
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        {assessment.overrideLevel !== null ? (
          <>
            <dt className="text-slate-700">{t('risk.card.override')}</dt>
            <dd className="break-words">
              {t('risk.card.overrideValue', {
                computed: label('riskLevel', assessment.computedLevel),
                level: label('riskLevel', assessment.overrideLevel),
                reason: assessment.overrideReason,
              })}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t('risk.card.redFlags')}</dt>
        <dd>
          {assessment.redFlags.length === 0 ? (
            t('risk.card.noRedFlags')
          ) : (
            <ul className="list-disc ps-5">
              {assessment.redFlags.map((code) => (
                <li key={code}>{label('riskQuestion', code)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-slate-700">{t('risk.card.score')}</dt>
        <dd>{assessment.score}</dd>
        {assessment.notes ? (
          <>
            <dt className="text-slate-700">{t('risk.field.notes')}</dt>
            <dd className="break-words whitespace-pre-wrap">{assessment.notes}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t('risk.card.assessedBy')}</dt>
        <dd>{assessment.assessedBy ?? '—'}</dd>
      </dl>
      <h4 className="mt-4 font-semibold text-slate-900">{t('risk.plan.title')}</h4>
      {editing ? (
        <SafetyPlanForm
          caseId={caseId}
          assessment={assessment}
          onDone={(saved) => {
            returnFocusToEdit();
            setEditing(false);
            if (saved) onPlanSaved();
          }}
        />
      ) : (
        <>
          {planIsEmpty(assessment.safetyPlan) || assessment.safetyPlan === null ? (
            <p className="mt-1 text-slate-700">{t('risk.plan.none')}</p>
          ) : (
            <PlanView plan={assessment.safetyPlan} />
          )}
          <button
            ref={editButton}
            type="button"
            className={`${buttonClass.secondary} mt-3`}
            onClick={() => setEditing(true)}
          >
            {t('risk.plan.edit')}
            <span className="sr-only"> ({date})</span>
          </button>
        </>
      )}
    </article>
  );
}
