import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ConsentStatus } from '@senda/domain';
import { documentFileUrl, type CaseConsent } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { WithdrawForm } from './WithdrawForm';
import { canWithdraw } from './consentValues';

const STATUS_STYLE: Record<ConsentStatus, string> = {
  active: 'border-emerald-800 bg-emerald-50 text-emerald-950',
  not_yet: 'border-slate-500 bg-white text-slate-900',
  expired: 'border-slate-500 bg-slate-100 text-slate-900',
  withdrawn: 'border-red-800 bg-red-50 text-red-900',
};
const STATUS_ICON: Record<ConsentStatus, string> = {
  active: '✓',
  not_yet: '◷',
  expired: '⌛',
  withdrawn: '✗',
};

function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const label = useEnumLabel();
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap',
        STATUS_STYLE[status],
      )}
    >
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {label('consentStatus', status)}
    </span>
  );
}

/** One consent record: for what, which data, who gave it and how, when, its state, its withdrawal. */
export function ConsentCard({
  caseId,
  consent,
  onWithdrawn,
}: {
  caseId: string;
  consent: CaseConsent;
  onWithdrawn: () => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const titleId = useId();
  const [withdrawing, setWithdrawing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusButton = useRef(false);
  useEffect(() => {
    if (!withdrawing && focusButton.current) {
      focusButton.current = false;
      button.current?.focus();
    }
  }, [withdrawing]);
  const purpose = label('consentPurpose', consent.purpose);
  const title = consent.recipient
    ? t('consents.card.titleTo', { purpose, recipient: consent.recipient })
    : purpose;
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className="text-slate-700">{term}</dt>
      <dd className="break-words">{value}</dd>
    </>
  );
  const w = consent.withdrawal;
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-4">
      <h3
        ref={heading}
        id={titleId}
        tabIndex={-1}
        className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        <span className="break-words">{title}</span>
        <ConsentStatusBadge status={consent.status} />
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        {row(t('consents.field.scope'), consent.scope.map((s) => label('consentScope', s)).join(', '))}
        {row(
          t('consents.field.givenBy'),
          consent.givenBy === 'caregiver'
            ? t('consents.card.caregiver', {
                name: consent.caregiverName,
                relationship: consent.caregiverRelationship || '—',
              }) + (consent.childAssent ? ` · ${t('consents.card.childAssent')}` : '')
            : label('consentGiver', consent.givenBy),
        )}
        {row(
          t('consents.field.method'),
          <>
            {label('consentMethod', consent.method)}
            {consent.witnessName ? ` · ${t('consents.card.witness', { name: consent.witnessName })}` : null}
            {consent.documentId ? (
              <>
                {' · '}
                <a
                  href={documentFileUrl(caseId, consent.documentId)}
                  download
                  className="text-teal-800 underline underline-offset-2"
                >
                  {t('consents.card.downloadForm')}
                </a>
              </>
            ) : null}
          </>,
        )}
        {row(t('consents.field.givenOn'), f.date(consent.givenOn))}
        {row(
          t('consents.field.expiresOn'),
          consent.expiresOn ? f.date(consent.expiresOn) : t('consents.card.noExpiry'),
        )}
        {row(t('consents.card.ageBand'), label('ageBand', consent.ageBand))}
        {w
          ? row(
              t('consents.card.withdrawal'),
              t('consents.card.withdrawalValue', {
                date: f.date(w.on),
                by: label('consentWithdrawer', w.by),
                recordedBy: w.recordedBy ?? '—',
              }) + (w.note ? ` — ${w.note}` : ''),
            )
          : null}
        {row(t('consents.card.recordedBy'), consent.recordedBy ?? '—')}
      </dl>
      {canWithdraw(consent.status) ? (
        withdrawing ? (
          <WithdrawForm
            caseId={caseId}
            consent={consent}
            title={title}
            onDone={(done) => {
              focusButton.current = !done;
              setWithdrawing(false);
              if (done) {
                // The button is gone once withdrawn: the focus goes to the record's title.
                heading.current?.focus();
                onWithdrawn();
              }
            }}
          />
        ) : (
          <button
            ref={button}
            type="button"
            className={`${buttonClass.secondary} mt-4`}
            onClick={() => setWithdrawing(true)}
          >
            {t('consents.withdraw')}
            <span className="sr-only"> ({title})</span>
          </button>
        )
      ) : null}
    </article>
  );
}
