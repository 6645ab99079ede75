import type { ReactNode } from 'react';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';

/** A notice's card classes: unread ones stand out. */
export const noticeCardClass = (read: boolean) =>
  cx(
    'rounded-lg border p-4',
    read ? 'border-slate-300 bg-slate-50 text-slate-800' : 'border-s-4 border-teal-800 bg-white',
  );

/** The heading of a notice card (focusable after "mark read"), with its read or unread mark. */
export function NoticeHeader({ id, read, children }: { id: string; read: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <h2
        id={id}
        tabIndex={-1}
        className={cx(
          'text-lg break-words text-slate-900 focus:outline-none',
          read ? 'font-medium' : 'font-bold',
        )}
      >
        {children}
        {read ? null : (
          <>
            {' '}
            <span className="ms-1 inline-flex items-center gap-1 rounded-full border border-teal-800 bg-teal-50 px-2 py-0.5 align-middle text-sm font-semibold whitespace-nowrap text-teal-900">
              <span aria-hidden="true">●</span>
              {t('notifications.unread')}
            </span>
          </>
        )}
      </h2>
      {read ? (
        <span className="inline-flex items-center gap-1 text-sm whitespace-nowrap text-slate-700">
          <span aria-hidden="true">✓</span>
          {t('notifications.read')}
        </span>
      ) : null}
    </div>
  );
}
