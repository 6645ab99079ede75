import { useEffect, useRef, type ReactNode } from 'react';
import { consumeFocusRequest } from '../lib/focus';
import { cx } from './styles';

/**
 * The one h1 of a page. After an in-app navigation it takes the focus, so
 * screen-reader and keyboard users start reading at the new page's title.
 */
export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (consumeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className={cx('text-2xl font-bold text-slate-900 focus:outline-none sm:text-3xl', className)}
    >
      {children}
    </h1>
  );
}
