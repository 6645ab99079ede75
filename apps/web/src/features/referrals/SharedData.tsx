import type { ReactNode } from 'react';
import type { SharedData as Shared } from '../../lib/referralsApi';
import { referralDocumentUrl } from '../../lib/referralsApi';
import { useFormatters, type Formatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { formatPartialDate } from '../incidents/partialDates';
import { sharedParts, type SharedPart } from './referralValues';

const termsClass = 'grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]';
const itemClass = 'rounded-md border border-slate-300 p-3 break-words print:break-inside-avoid';

function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0 sm:contents">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="mb-1 min-w-0 break-words text-slate-900 sm:mb-0">{children}</dd>
    </div>
  );
}

const PART_TITLE = {
  identity: 'referrals.shared.identity',
  contact: 'referrals.shared.contact',
  family: 'referrals.shared.family',
  needs: 'referrals.shared.needs',
  procedure: 'referrals.shared.procedure',
  violence: 'referrals.shared.violence',
  narratives: 'referrals.shared.narratives',
  documents: 'referrals.shared.documents',
} as const satisfies Record<SharedPart, string>;

/**
 * Her data as the referral shares it: exactly the parts present, nothing
 * else. On the referral's page the documents link to their files (while the
 * referral is open); in the letter (`referralId` null) only their names show,
 * and `formatters` are those of the letter's language.
 */
export function SharedData({
  shared,
  referralId,
  formatters,
  level = 'h3',
}: {
  shared: Shared;
  referralId: string | null;
  formatters?: Formatters;
  /** The parts' heading level (under the section's own heading). */
  level?: 'h3' | 'h4';
}) {
  const Heading = level;
  const t = useT();
  const ui = useFormatters();
  const f = formatters ?? ui;
  const label = useEnumLabel();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const parts = sharedParts(shared);
  if (parts.length === 0) return <p className="text-slate-700">{t('referrals.shared.nothing')}</p>;

  const body = (part: SharedPart): ReactNode => {
    switch (part) {
      case 'identity': {
        const p = shared.identity;
        if (!p) return null;
        return (
          <dl className={termsClass}>
            <Term term={t('case.field.givenNames')}>{p.givenNames}</Term>
            <Term term={t('case.field.familyNames')}>{p.familyNames || '—'}</Term>
            {p.preferredName ? <Term term={t('case.field.preferredName')}>{p.preferredName}</Term> : null}
            <Term term={t('case.field.birthDate')}>
              {p.birthDate ? f.date(p.birthDate) : '—'}
              {p.age !== null ? ` (${t('referrals.shared.age', { age: p.age })})` : ''}
            </Term>
            <Term term={t('case.field.genderIdentity')}>{label('genderIdentity', p.genderIdentity)}</Term>
            <Term term={t('case.field.nationalities')}>{f.list(p.nationalities.map(f.country))}</Term>
            <Term term={t('case.field.languages')}>{f.list(p.languages.map(f.language))}</Term>
            <Term term={t('case.field.needsInterpreter')}>{yesNo(p.needsInterpreter)}</Term>
          </dl>
        );
      }
      case 'contact': {
        const c = shared.contact;
        if (!c) return null;
        return (
          <dl className={termsClass}>
            <Term term={t('case.field.contactMethod')}>{label('contactMethod', c.contactMethod)}</Term>
            <Term term={t('case.field.contactDetails')}>
              <span className="whitespace-pre-wrap">{c.contactDetails || '—'}</span>
            </Term>
            <Term term={t('case.field.mayLeaveMessage')}>{yesNo(c.mayLeaveMessage)}</Term>
            <Term term={t('case.field.state')}>{f.state(c.state)}</Term>
            <Term term={t('case.field.municipality')}>{c.municipality || '—'}</Term>
          </dl>
        );
      }
      case 'family':
        return (
          <ul className="space-y-1">
            {(shared.family ?? []).map((m, i) => (
              <li key={i}>
                <span className="font-medium">{label('relationship', m.relationship)}</span>: {m.givenNames}
                {' · '}
                {m.age !== null ? t('referrals.shared.age', { age: m.age }) : t('family.ageUnknown')}
                {' · '}
                {label('sex', m.sex)}
              </li>
            ))}
          </ul>
        );
      case 'needs':
        return (
          <ul className="space-y-1">
            {(shared.needs ?? []).map((n, i) => (
              <li key={i}>
                <span className="font-medium">
                  {label('needDomain', n.domain)}
                  {n.detail ? ` · ${label('needDetail', n.detail)}` : ''}
                </span>
                {' — '}
                {label('needPriority', n.priority)}, {label('needStatus', n.status)}
              </li>
            ))}
          </ul>
        );
      case 'procedure': {
        const p = shared.procedure;
        if (!p) return null;
        return (
          <dl className={termsClass}>
            <Term term={t('case.field.step')}>{label('step', p.step)}</Term>
            {p.events.map((e, i) => (
              <Term key={i} term={f.date(e.date)}>
                {label('eventType', e.type)}
              </Term>
            ))}
          </dl>
        );
      }
      case 'violence':
        return (
          <ul className="space-y-2">
            {(shared.violence ?? []).map((v, i) => (
              <li key={i} className={itemClass}>
                <dl className={termsClass}>
                  <Term term={t('incidents.field.from')}>{formatPartialDate(v.from, f.tag)}</Term>
                  <Term term={t('incidents.field.phase')}>{label('incidentPhase', v.phase)}</Term>
                  <Term term={t('incidents.field.types')}>
                    {f.list(v.types.map((type) => label('violenceType', type)))}
                  </Term>
                  <Term term={t('incidents.field.gbvType')}>{label('gbvType', v.gbvType)}</Term>
                  <Term term={t('incidents.field.perpetrator')}>{label('perpetrator', v.perpetrator)}</Term>
                </dl>
              </li>
            ))}
          </ul>
        );
      case 'narratives':
        return (
          <ul className="space-y-2">
            {(shared.narratives ?? []).map((n, i) => (
              <li key={i} className={itemClass}>
                <p className="font-medium text-slate-700">
                  {formatPartialDate(n.from, f.tag)} · {label('incidentPhase', n.phase)}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-900">{n.text}</p>
              </li>
            ))}
          </ul>
        );
      case 'documents':
        return (
          <ul className="space-y-1">
            {(shared.documents ?? []).map((d) => (
              <li key={d.id} className="break-words">
                <span className="font-medium">{label('documentKind', d.kind)}</span>
                {' · '}
                {referralId ? (
                  <a href={referralDocumentUrl(referralId, d.id)} className={`${buttonClass.link} break-all`}>
                    {d.fileName || t('referrals.shared.download')}
                  </a>
                ) : (
                  d.fileName || '—'
                )}
                {' · '}
                {t('referrals.shared.size', { kb: Math.max(1, Math.round(d.size / 1024)) })}
              </li>
            ))}
          </ul>
        );
    }
  };

  return (
    <div className="space-y-4">
      {parts.map((part) => (
        <section key={part} aria-labelledby={`shared-${part}`} className="print:break-inside-avoid">
          <Heading id={`shared-${part}`} className="mb-1 text-lg font-semibold text-slate-900">
            {t(PART_TITLE[part])}
          </Heading>
          {part === 'narratives' ? (
            <p className="mb-2 text-sm text-slate-700">{t('referrals.shared.narrativesNote')}</p>
          ) : null}
          {body(part)}
        </section>
      ))}
    </div>
  );
}
