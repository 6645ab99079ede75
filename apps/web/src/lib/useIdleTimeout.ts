/**
 * The session ends on the server after `idleTimeoutMinutes` without a request.
 * The browser keeps its own clock of that activity (every successful API
 * answer resets it, in this tab or in another tab of the same browser) so it
 * can warn before the end and forget the data on screen when it comes.
 */
import { useEffect, useRef, useState } from 'react';

/** The warning comes this long before the end (or at half the idle time, if that is shorter). */
export const WARN_BEFORE_MS = 2 * 60_000;
const STORAGE_KEY = 'senda.lastActivity';
/** setTimeout's largest delay (about 24 days). */
const MAX_DELAY = 2 ** 31 - 1;

let lastActivity = Date.now();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** The server just answered a request of this session successfully. */
export function noteActivity(): void {
  lastActivity = Date.now();
  try {
    // Only a time, shared with other tabs of this browser: no personal data.
    window.localStorage.setItem(STORAGE_KEY, String(lastActivity));
  } catch {
    // Storage disabled: other tabs will not know, each keeps its own clock.
  }
  notify();
}

export type IdleState =
  | { phase: 'active'; checkInMs: number }
  | { phase: 'warning'; deadline: number; minutesLeft: number; checkInMs: number }
  | { phase: 'expired' };

/**
 * Where a session stands `now`, and when to look again: at the start of the
 * warning, each time the minutes left change, and at the end.
 */
export function idleState(last: number, now: number, idleMs: number, warnMs: number): IdleState {
  const deadline = last + idleMs;
  const left = deadline - now;
  if (left <= 0) return { phase: 'expired' };
  if (left > warnMs) return { phase: 'active', checkInMs: left - warnMs };
  const minutesLeft = Math.ceil(left / 60_000);
  return { phase: 'warning', deadline, minutesLeft, checkInMs: left - (minutesLeft - 1) * 60_000 };
}

export interface IdleWarning {
  /** Whole minutes left, rounded up (2, then 1). */
  minutesLeft: number;
}

/**
 * Watch the idle time of the signed-in session: returns the warning to show
 * (or null), and calls `onTimeout` once when the time is up. Its timers and
 * listeners live exactly as long as the component using it.
 */
export function useIdleTimeout(idleMinutes: number, onTimeout: () => void): IdleWarning | null {
  const [warning, setWarning] = useState<IdleWarning | null>(null);
  const onTimeoutRef = useRef(onTimeout);
  useEffect(() => {
    onTimeoutRef.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    const idleMs = idleMinutes * 60_000;
    if (!(idleMs > 0)) return undefined;
    const warnMs = Math.min(WARN_BEFORE_MS, idleMs / 2);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;

    const check = () => {
      clearTimeout(timer);
      if (ended) return;
      const state = idleState(lastActivity, Date.now(), idleMs, warnMs);
      if (state.phase === 'expired') {
        ended = true;
        setWarning(null);
        onTimeoutRef.current();
        return;
      }
      const minutesLeft = state.phase === 'warning' ? state.minutesLeft : null;
      setWarning((previous) =>
        minutesLeft === null ? null : previous?.minutesLeft === minutesLeft ? previous : { minutesLeft },
      );
      timer = setTimeout(check, Math.min(state.checkInMs, MAX_DELAY));
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY || event.newValue === null) return;
      const at = Number(event.newValue);
      if (Number.isFinite(at) && at > lastActivity) {
        lastActivity = at;
        check();
      }
    };
    // Timers may fire late after the computer slept: look again when the page shows.
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };

    listeners.add(check);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisibility);
    timer = setTimeout(check, 0);
    return () => {
      ended = true;
      clearTimeout(timer);
      listeners.delete(check);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [idleMinutes]);

  return warning;
}
