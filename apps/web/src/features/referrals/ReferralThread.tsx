import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { FieldError as DomainFieldError } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { referralsApi, type Referral, type ReferralEvent } from '../../lib/referralsApi';
import { applyServerFieldErrors, encodeFieldError } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { TextAreaField } from '../../components/forms';
import { Refusal } from '../../components/Refusal';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { useReferralMutation } from './useReferral';

const SIDE: Record<ReferralEvent['side'], MessageKey> = {
  sender: 'referrals.thread.side.sender',
  recipient: 'referrals.thread.side.recipient',
  system: 'referrals.thread.side.system',
};

function EventItem({ event }: { event: ReferralEvent }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const title =
    event.kind === 'state'
      ? t('referrals.thread.state', { state: label('referralState', event.state) })
      : event.kind === 'assigned'
        ? t('referrals.thread.assigned')
        : null;
  return (
    <li
      className={cx(
        'rounded-md border p-3',
        event.side === 'recipient'
          ? 'border-teal-800 bg-teal-50 sm:ms-8'
          : 'border-slate-300 bg-white sm:me-8',
        event.side === 'system' && 'border-dashed bg-slate-50',
      )}
    >
      <p className="text-sm text-slate-700">
        <span className="font-medium text-slate-900">{t(SIDE[event.side])}</span>
        {event.organization ? <> · {event.organization}</> : null}
        {event.by ? <> · {event.by}</> : null}
        {' · '}
        <time dateTime={event.at}>{f.dateTime(event.at)}</time>
      </p>
      {title ? <p className="mt-1 font-semibold text-slate-900">{title}</p> : null}
      {event.body ? (
        <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{event.body}</p>
      ) : null}
    </li>
  );
}

/** The referral's story and conversation between both organizations, oldest first, and a new message. */
export function ReferralThread({ referral }: { referral: Referral }) {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const [rest, setRest] = useState<DomainFieldError[]>([]);
  const form = useForm<{ body: string }>({ defaultValues: { body: '' } });
  const send = useReferralMutation(
    referral.id,
    (body: string) => referralsApi.message(referral.id, { body }),
    {
      onSuccess: () => {
        form.reset({ body: '' });
        setAnnouncement(t('referrals.thread.sent'));
      },
    },
  );

  return (
    <section aria-labelledby="referral-thread-heading" className={`${cardClass} print:hidden`}>
      <h2 id="referral-thread-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('referrals.thread.title')}
      </h2>
      {referral.events.length === 0 ? (
        <p className="text-slate-700">{t('referrals.thread.none')}</p>
      ) : (
        <ol className="space-y-3" aria-label={t('referrals.thread.title')}>
          {referral.events.map((event) => (
            <EventItem key={event.id} event={event} />
          ))}
        </ol>
      )}
      <p role="status" className={announcement ? 'mt-3 font-medium text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {referral.can.message ? (
        <form
          noValidate
          className="mt-4 space-y-3"
          onSubmit={(e) =>
            void form.handleSubmit(({ body }) => {
              setAnnouncement('');
              setRest([]);
              if (!body.trim()) {
                form.setError(
                  'body',
                  { message: encodeFieldError({ code: 'required' }) },
                  { shouldFocus: true },
                );
                return;
              }
              send.mutate(body.trim(), {
                onError: (error) =>
                  setRest(
                    isApiError(error)
                      ? applyServerFieldErrors(error.fields, form.setError, (p) => p === 'body')
                      : [],
                  ),
              });
            })(e)
          }
        >
          <TextAreaField
            label={t('referrals.thread.message')}
            hint={t('referrals.thread.messageHint')}
            required
            rows={3}
            registration={form.register('body')}
            error={form.formState.errors.body}
          />
          <Refusal error={send.error} fields={rest} />
          <button type="submit" className={buttonClass.primary} disabled={send.isPending}>
            {t('referrals.thread.send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
