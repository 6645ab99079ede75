import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MIN_NETWORK_ORGS, todayInMexico } from '@senda/domain';
import { ConfirmDialog } from '../../components/Dialogs';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { isApiError } from '../../lib/api';
import { useReturnFocus } from '../../lib/focus';
import { fieldErrorKey, useT } from '../../i18n/useT';
import { useStatText } from '../statistics/statText';
import { NetworkForm } from './NetworkForm';
import { networkKeys, networksApi, type Network } from './networksApi';

type Confirming = 'join' | 'leave' | null;

/**
 * One network: what it is for, the organizations that share with it (and
 * the months they share), the caller's organization's part, and what the
 * caller may do — see the combined figures, opt in or out (after saying in
 * plain words what that means), or rename it.
 */
export function NetworkCard({ network, focusOnMount = false }: { network: Network; focusOnMount?: boolean }) {
  const text = useStatText();
  const { t } = text;
  const id = useId();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const focusHeadingNext = useRef(focusOnMount);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);
  const refresh = () => queryClient.invalidateQueries({ queryKey: networkKeys.all });

  const act = useMutation({
    mutationFn: (kind: 'join' | 'leave') =>
      kind === 'join' ? networksApi.join(network.id) : networksApi.leave(network.id),
    onSuccess: async (_network, kind) => {
      setConfirming(null);
      setAnnouncement(t(kind === 'join' ? 'networks.joined' : 'networks.left', { name: network.name }));
      // The button she pressed is gone: start again from the network's name.
      focusHeadingNext.current = true;
      await refresh();
    },
  });
  useEffect(() => {
    if (focusHeadingNext.current && confirming === null) {
      focusHeadingNext.current = false;
      heading.current?.focus();
    }
  });

  const current = network.members.filter((m) => m.until === null);
  const own = network.membership;
  const thisMonth = todayInMexico().slice(0, 7);
  const ownStatus = () => {
    if (own === null) return t('networks.status.none');
    if (own.until === null) return t('networks.status.member', { month: text.month(own.since) });
    if (own.until < own.since) return t('networks.status.leftNone');
    return t('networks.status.left', { since: text.month(own.since), until: text.month(own.until) });
  };
  const open = (kind: Confirming) => {
    act.reset();
    setAnnouncement('');
    setConfirming(kind);
  };

  return (
    <article aria-labelledby={`${id}-title`} className={cx(cardClass, 'space-y-4')}>
      <div>
        <h2
          ref={heading}
          id={`${id}-title`}
          tabIndex={-1}
          className="text-xl font-semibold break-words text-slate-900 focus:outline-none"
        >
          {network.name}
        </h2>
        {network.description ? (
          <p className="mt-1 break-words whitespace-pre-line text-slate-800">{network.description}</p>
        ) : null}
      </div>
      <p role="status" className={announcement ? 'font-medium text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      <div>
        <h3 className="font-semibold text-slate-900">{t('networks.members.title')}</h3>
        {network.members.length === 0 ? (
          <p className="mt-1 text-slate-800">{t('networks.members.none')}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 ps-5 text-slate-900">
            {network.members.map((m) => (
              <li key={m.orgId} className="break-words">
                {m.name}{' '}
                <span className="text-slate-800">
                  {m.until === null
                    ? t('networks.member.since', { month: text.month(m.since) })
                    : m.until < m.since
                      ? t('networks.member.leftNone')
                      : t('networks.member.left', { since: text.month(m.since), until: text.month(m.until) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {current.length < MIN_NETWORK_ORGS ? (
          <p className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-slate-900">
            {t('networks.fewMembers', { min: MIN_NETWORK_ORGS, count: current.length })}
          </p>
        ) : null}
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">{t('networks.status.title')}</h3>
        <p className="mt-1 text-slate-800">{ownStatus()}</p>
      </div>
      {editing ? (
        <NetworkForm
          initial={{ name: network.name, description: network.description }}
          label={t('networks.edit.title', { name: network.name })}
          submitLabel={t('common.save')}
          save={(input) => networksApi.update(network.id, input)}
          onSaved={async (saved) => {
            setAnnouncement(t('networks.saved', { name: saved.name }));
            returnFocusToEdit();
            setEditing(false);
            await refresh();
          }}
          onCancel={() => {
            returnFocusToEdit();
            setEditing(false);
          }}
        />
      ) : null}
      <div className="flex flex-wrap gap-3">
        {network.can.figures ? (
          <Link
            to="/statistics/networks/$networkId"
            params={{ networkId: network.id }}
            className={buttonClass.primary}
          >
            {t('networks.figuresLink')}
            <span className="sr-only"> ({network.name})</span>
          </Link>
        ) : null}
        {network.can.join ? (
          <button type="button" className={buttonClass.primary} onClick={() => open('join')}>
            {t('networks.join')}
            <span className="sr-only"> ({network.name})</span>
          </button>
        ) : null}
        {network.can.leave ? (
          <button type="button" className={buttonClass.secondary} onClick={() => open('leave')}>
            {t('networks.leave')}
            <span className="sr-only"> ({network.name})</span>
          </button>
        ) : null}
        {network.can.edit && !editing ? (
          <button
            ref={editButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              setAnnouncement('');
              setEditing(true);
            }}
          >
            {t('networks.edit')}
            <span className="sr-only"> ({network.name})</span>
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        isOpen={confirming === 'join'}
        onOpenChange={(isOpen) => {
          if (!isOpen) setConfirming(null);
        }}
        title={t('networks.join.title', { name: network.name })}
        body={
          <div className="space-y-2">
            <p>{t('networks.join.what')}</p>
            <p>{t('networks.join.when', { month: text.month(thisMonth) })}</p>
            <p>{t('networks.join.leaving')}</p>
          </div>
        }
        confirmLabel={t('networks.join.confirm')}
        onConfirm={() => act.mutate('join')}
        pending={act.isPending}
        error={act.isError ? <ActError error={act.error} /> : null}
      />
      <ConfirmDialog
        isOpen={confirming === 'leave'}
        onOpenChange={(isOpen) => {
          if (!isOpen) setConfirming(null);
        }}
        title={t('networks.leave.title', { name: network.name })}
        body={
          <div className="space-y-2">
            <p>{t('networks.leave.when', { month: text.month(thisMonth) })}</p>
            <p>{t('networks.leave.final')}</p>
          </div>
        }
        confirmLabel={t('networks.leave.confirm')}
        onConfirm={() => act.mutate('leave')}
        pending={act.isPending}
        error={act.isError ? <ActError error={act.error} /> : null}
      />
    </article>
  );
}

/** Why joining or leaving was refused (already a member, left before…), in her language. */
function ActError({ error }: { error: unknown }) {
  const t = useT();
  const reason = isApiError(error) ? error.fields[0] : undefined;
  return (
    <div className="mt-3">
      {reason ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-medium">{t(fieldErrorKey(reason.code), reason.params ?? {})}</p>
        </div>
      ) : (
        <FormError error={error} />
      )}
    </div>
  );
}
