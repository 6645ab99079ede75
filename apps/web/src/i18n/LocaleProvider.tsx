import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useQueryClient } from '@tanstack/react-query';
import { DEFAULT_LOCALE, UI_LOCALES, formattingLocale, type UiLocale } from '@senda/domain';
import { api, type SessionView } from '../lib/api';
import { queryKeys } from '../lib/queryKeys';
import { useSession } from '../lib/session';
import { CATALOGUES } from './catalogues';

const STORAGE_KEY = 'senda.locale';

function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

function storedLocale(): UiLocale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isUiLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function storeLocale(locale: UiLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

interface LocaleContextValue {
  locale: UiLocale;
  /** Change the interface language; saved on the server when signed in. */
  setLocale: (locale: UiLocale) => void;
  /**
   * After signing in: keep a language picked on the sign-in screen (and save
   * it as her preference); otherwise her saved preference applies.
   */
  afterSignIn: () => void;
  /** Before signing out: keep her language on this device. */
  beforeSignOut: () => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = use(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSession().data;
  const [deviceLocale, setDeviceLocale] = useState<UiLocale>(storedLocale);
  const pickedWhileSignedOut = useRef(false);
  // Signed in, the user's saved preference wins; signed out, this device's choice.
  const locale: UiLocale = session?.user.locale ?? deviceLocale;

  const setLocale = useCallback(
    (next: UiLocale) => {
      setDeviceLocale(next);
      storeLocale(next);
      const current = queryClient.getQueryData<SessionView | null>(queryKeys.session);
      if (current) {
        queryClient.setQueryData<SessionView | null>(queryKeys.session, (old) =>
          old ? { ...old, user: { ...old.user, locale: next } } : old,
        );
        api.setLocale(next).catch((error: unknown) => {
          console.error('Could not save the language preference', error);
        });
      } else {
        pickedWhileSignedOut.current = true;
      }
    },
    [queryClient],
  );

  const afterSignIn = useCallback(() => {
    const current = queryClient.getQueryData<SessionView | null>(queryKeys.session);
    if (current && pickedWhileSignedOut.current && current.user.locale !== deviceLocale)
      setLocale(deviceLocale);
    pickedWhileSignedOut.current = false;
  }, [queryClient, deviceLocale, setLocale]);

  const beforeSignOut = useCallback(() => {
    setDeviceLocale(locale);
    storeLocale(locale);
    pickedWhileSignedOut.current = false;
  }, [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(
    () => ({ locale, setLocale, afterSignIn, beforeSignOut }),
    [locale, setLocale, afterSignIn, beforeSignOut],
  );

  return (
    <LocaleContext value={value}>
      <IntlProvider
        locale={formattingLocale(locale)}
        defaultLocale={formattingLocale(DEFAULT_LOCALE)}
        messages={CATALOGUES[locale]}
      >
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}
