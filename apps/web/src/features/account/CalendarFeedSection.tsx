import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { queryKeys } from '../../lib/queryKeys';
import { ConfirmDialog } from '../../components/Dialogs';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

type Confirming = 'replace' | 'revoke' | null;

/**
 * Her deadlines in her own calendar app, through a secret, revocable URL. The
 * server returns the URL once: it lives only in this component's state, never
 * in the query cache or in storage, and is gone when she leaves the page.
 */
export function CalendarFeedSection() {
  const t = useT();
  const f = useFormatters();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusHeadingNext = useRef(false);

  const status = useQuery({
    queryKey: queryKeys.calendarFeed,
    queryFn: ({ signal }) => api.getCalendarFeed(signal),
  });
  const create = useMutation({
    mutationFn: () => api.createCalendarFeed(),
    onSuccess: async (newUrl) => {
      setConfirming(null);
      setAnnouncement('');
      setUrl(newUrl);
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.revokeCalendarFeed(),
    onSuccess: async () => {
      setConfirming(null);
      setUrl(null);
      setAnnouncement(t('account.feed.revoked'));
      focusHeadingNext.current = true;
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed });
    },
  });

  // A new URL takes the focus (once the dialog has closed), so she hears its
  // label and that it is shown only once.
  useEffect(() => {
    if (url) urlRef.current?.focus();
  }, [url]);
  // After revoking, the buttons she used are gone: start again from the section's title.
  useEffect(() => {
    if (focusHeadingNext.current && confirming === null) {
      focusHeadingNext.current = false;
      headingRef.current?.focus();
    }
  });

  const active = status.data?.active ?? false;
  return (
    <section aria-labelledby="account-feed-heading" className={cardClass}>
      <h2
        id="account-feed-heading"
        ref={headingRef}
        tabIndex={-1}
        className="mb-2 text-xl font-semibold text-slate-900 focus:outline-none"
      >
        {t('account.feed.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('account.feed.intro')}</p>
      <p role="status" className={announcement ? 'mb-4 font-medium text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {status.isPending ? <p className="text-slate-800">{t('common.loading')}</p> : null}
      {status.isError ? <FormError error={status.error} /> : null}
      {url ? <NewFeedUrl url={url} inputRef={urlRef} /> : null}
      {status.data && !url ? (
        <p className="mb-4 text-slate-800">
          {active
            ? t('account.feed.active', { date: f.dateTime(status.data.createdAt) })
            : t('account.feed.none')}
        </p>
      ) : null}
      {create.isError && confirming === null ? <FormError error={create.error} /> : null}
      {status.data ? (
        <div className="mt-4 flex flex-wrap gap-3">
          {active ? (
            <>
              <button
                type="button"
                className={buttonClass.secondary}
                onClick={() => {
                  create.reset();
                  setConfirming('replace');
                }}
              >
                {t('account.feed.replace')}
              </button>
              <button
                type="button"
                className={buttonClass.danger}
                onClick={() => {
                  revoke.reset();
                  setConfirming('revoke');
                }}
              >
                {t('account.feed.revoke')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className={buttonClass.primary}
              disabled={create.isPending}
              onClick={() => {
                create.reset();
                create.mutate();
              }}
            >
              {create.isPending ? t('common.saving') : t('account.feed.create')}
            </button>
          )}
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming === 'replace'}
        onOpenChange={(open) => {
          if (!open) setConfirming(null);
        }}
        title={t('account.feed.replaceTitle')}
        body={t('account.feed.replaceBody')}
        confirmLabel={t('account.feed.replaceConfirm')}
        onConfirm={() => create.mutate()}
        pending={create.isPending}
        error={create.isError ? <FormError error={create.error} /> : null}
      />
      <ConfirmDialog
        isOpen={confirming === 'revoke'}
        onOpenChange={(open) => {
          if (!open) setConfirming(null);
        }}
        title={t('account.feed.revokeTitle')}
        body={t('account.feed.revokeBody')}
        confirmLabel={t('account.feed.revokeConfirm')}
        onConfirm={() => revoke.mutate()}
        pending={revoke.isPending}
        error={revoke.isError ? <FormError error={revoke.error} /> : null}
      />
    </section>
  );
}

/** The URL just created: shown this once, with a copy button and how to subscribe. */
function NewFeedUrl({ url, inputRef }: { url: string; inputRef: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const id = useId();
  const [copyMessage, setCopyMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const copy = async () => {
    setCopyMessage(null);
    try {
      // Only on HTTPS (or localhost), and not in every browser.
      const clipboard = (navigator as Partial<Navigator>).clipboard;
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(url);
      setCopyMessage({ ok: true, text: t('account.feed.copied') });
    } catch {
      // No clipboard here (or not allowed): leave the URL selected for Ctrl+C or a long press.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyMessage({ ok: false, text: t('account.feed.copyFailed') });
    }
  };

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-url`} className="mb-1 block font-medium text-slate-900">
          {t('account.feed.url')}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-sm font-medium text-amber-950">
          <span aria-hidden="true">⚠ </span>
          {t('account.feed.urlHint')}
        </p>
        <div className="flex flex-wrap gap-2 sm:flex-nowrap">
          <input
            id={`${id}-url`}
            ref={inputRef}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${id}-hint ${id}-warning`}
            onFocus={(e) => e.currentTarget.select()}
            autoComplete="off"
            spellCheck={false}
            className={cx(inputClass, 'min-w-0 font-mono text-sm')}
          />
          <button type="button" className={cx(buttonClass.secondary, 'shrink-0')} onClick={() => void copy()}>
            {t('account.feed.copy')}
          </button>
        </div>
        <p
          role="status"
          className={
            copyMessage
              ? cx('mt-1 text-sm font-medium', copyMessage.ok ? 'text-emerald-900' : 'text-slate-900')
              : 'sr-only'
          }
        >
          {copyMessage?.text}
        </p>
      </div>
      <div>
        <h3 className="mb-1 font-semibold text-slate-900">{t('account.feed.howTitle')}</h3>
        <ul className="list-disc space-y-1 ps-5 text-slate-800">
          <li>{t('account.feed.howGoogle')}</li>
          <li>{t('account.feed.howOutlook')}</li>
          <li>{t('account.feed.howUpdates')}</li>
        </ul>
      </div>
      <p id={`${id}-warning`} className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
        <span aria-hidden="true">⚠ </span>
        {t('account.feed.warning')}
      </p>
    </div>
  );
}
