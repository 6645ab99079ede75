import { useEffect, useRef, useState } from 'react';
import { referralsApi, type Referral } from '../../lib/referralsApi';
import { useEnumLabel } from '../../lib/options';
import { Refusal } from '../../components/Refusal';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { AcceptForm, AssignForm, CompleteForm, DeclineForm, WithdrawForm } from './ActionForms';
import { useReferralMutation } from './useReferral';

type Act = 'accept' | 'decline' | 'assign' | 'complete' | 'withdraw';
type Move =
  | { act: 'send' }
  | { act: 'accept'; input: Parameters<typeof referralsApi.accept>[1] }
  | { act: 'decline'; input: Parameters<typeof referralsApi.decline>[1] }
  | { act: 'assign'; input: Parameters<typeof referralsApi.assign>[1] }
  | { act: 'complete'; input: Parameters<typeof referralsApi.complete>[1] }
  | { act: 'withdraw'; input: Parameters<typeof referralsApi.withdraw>[1] };

const OPEN_LABEL: Record<Act, MessageKey> = {
  accept: 'referrals.act.accept',
  decline: 'referrals.act.decline',
  assign: 'referrals.act.assign',
  complete: 'referrals.act.complete',
  withdraw: 'referrals.act.withdraw',
};

const headingClass =
  'mb-2 text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/**
 * What she may do with the referral now, as the server says (`can`): send a
 * draft, accept or decline it, assign it, record its outcome, withdraw it.
 * Each opens its form in place; afterwards the result is announced and the
 * focus goes to this section's heading (the form is gone).
 */
export function ReferralActions({ referral }: { referral: Referral }) {
  const t = useT();
  const label = useEnumLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  const buttons = useRef<Partial<Record<Act, HTMLButtonElement | null>>>({});
  const [open, setOpen] = useState<Act | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { can } = referral;

  const move = useReferralMutation(
    referral.id,
    (m: Move) => {
      switch (m.act) {
        case 'send':
          return referralsApi.send(referral.id);
        case 'accept':
          return referralsApi.accept(referral.id, m.input);
        case 'decline':
          return referralsApi.decline(referral.id, m.input);
        case 'assign':
          return referralsApi.assign(referral.id, m.input);
        case 'complete':
          return referralsApi.complete(referral.id, m.input);
        case 'withdraw':
          return referralsApi.withdraw(referral.id, m.input);
      }
    },
    {
      onSuccess: (next, m) => {
        setOpen(null);
        setAnnouncement(
          m.act === 'assign'
            ? t('referrals.done.assigned', { name: next.assignedTo?.name ?? '—' })
            : t('referrals.done.state', { code: next.code, state: label('referralState', next.state) }),
        );
        heading.current?.focus();
      },
    },
  );
  const submit = (m: Move) => move.mutateAsync(m);
  // Cancelled: back on the button that opened the form, once it is shown again.
  const returnTo = useRef<Act | null>(null);
  useEffect(() => {
    if (open !== null || returnTo.current === null) return;
    buttons.current[returnTo.current]?.focus();
    returnTo.current = null;
  }, [open]);
  const close = (act: Act) => {
    returnTo.current = act;
    setOpen(null);
  };

  const acts: Act[] = (['accept', 'decline', 'assign', 'complete', 'withdraw'] as const).filter(
    (a) => can[a] && (a !== 'assign' || referral.assignable.length > 0),
  );
  const nothing = !can.send && acts.length === 0;
  const recordsForThem = referral.mode === 'outside' && referral.side === 'sender';

  return (
    <section aria-labelledby="referral-actions-heading" className={`${cardClass} print:hidden`}>
      <h2 ref={heading} id="referral-actions-heading" tabIndex={-1} className={headingClass}>
        {t('referrals.act.title')}
      </h2>
      <p role="status" className={announcement ? 'mb-3 font-medium text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {nothing ? <p className="text-slate-700">{t('referrals.act.nothing')}</p> : null}
      {recordsForThem && (can.accept || can.decline || can.complete) ? (
        <p className="mb-3 text-slate-800">
          {t('referrals.act.outsideHint', { organization: referral.to.name })}
        </p>
      ) : null}
      {can.send ? (
        <div className="mb-3">
          <p className="mb-2 text-slate-800">{t('referrals.act.sendHint')}</p>
          <button
            type="button"
            className={buttonClass.primary}
            disabled={move.isPending}
            onClick={() => {
              setAnnouncement('');
              move.mutate({ act: 'send' });
            }}
          >
            {t('referrals.act.send')}
          </button>
          {move.variables?.act === 'send' ? <Refusal error={move.error} /> : null}
        </div>
      ) : null}
      {open === null && acts.length > 0 ? (
        <div className="flex flex-wrap gap-3">
          {acts.map((act) => (
            <button
              key={act}
              ref={(el) => {
                buttons.current[act] = el;
              }}
              type="button"
              className={
                act === 'decline' || act === 'withdraw' ? buttonClass.secondary : buttonClass.primary
              }
              onClick={() => {
                setAnnouncement('');
                move.reset();
                setOpen(act);
              }}
            >
              {t(OPEN_LABEL[act])}
            </button>
          ))}
        </div>
      ) : null}
      {open === 'accept' ? (
        <AcceptForm
          assignable={referral.assignable}
          submit={(input) => submit({ act: 'accept', input })}
          onCancel={() => close('accept')}
        />
      ) : null}
      {open === 'decline' ? (
        <DeclineForm
          submit={(input) => submit({ act: 'decline', input })}
          onCancel={() => close('decline')}
        />
      ) : null}
      {open === 'assign' ? (
        <AssignForm
          assignable={referral.assignable}
          current={referral.assignedTo?.id ?? null}
          submit={(input) => submit({ act: 'assign', input })}
          onCancel={() => close('assign')}
        />
      ) : null}
      {open === 'complete' ? (
        <CompleteForm
          submit={(input) => submit({ act: 'complete', input })}
          onCancel={() => close('complete')}
        />
      ) : null}
      {open === 'withdraw' ? (
        <WithdrawForm
          submit={(input) => submit({ act: 'withdraw', input })}
          onCancel={() => close('withdraw')}
        />
      ) : null}
    </section>
  );
}
