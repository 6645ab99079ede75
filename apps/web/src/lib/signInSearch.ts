/**
 * What the sign-in page is told in its URL: why the session ended, and the
 * page to return to afterwards. The return path is only ever a path of this
 * app (e.g. `/cases/<uuid>`): never a query string or hash, which could hold
 * a name, and never another site (no `//host`, no `https:`, no backslashes).
 */
export const SIGN_OUT_REASONS = ['idle', 'expired'] as const;
export type SignOutReason = (typeof SIGN_OUT_REASONS)[number];

export interface SignInSearch {
  /** Where she was when the session ended. */
  next?: string | undefined;
  /** `idle`: signed out after inactivity; `expired`: the server said the session was gone. */
  reason?: SignOutReason | undefined;
}

/** Plain path segments only: letters, digits, `-` and `_` (route paths and UUIDs). */
const SAFE_PATH = /^(?:\/[A-Za-z0-9_-]+)+\/?$/;
const MAX_LENGTH = 200;

/**
 * The path to come back to after signing in, or undefined when there is none
 * worth keeping: not a plain internal path, the home page, or sign-in itself.
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !SAFE_PATH.test(value)) return undefined;
  if (value === '/sign-in' || value.startsWith('/sign-in/')) return undefined;
  return value;
}

export function parseSignInSearch(search: Record<string, unknown>): SignInSearch {
  const out: SignInSearch = {};
  const next = safeReturnPath(search.next);
  if (next) out.next = next;
  const reason = search.reason;
  if (typeof reason === 'string' && (SIGN_OUT_REASONS as readonly string[]).includes(reason))
    out.reason = reason as SignOutReason;
  return out;
}

/** The sign-in search for leaving `pathname` (the query string is deliberately not kept). */
export function signInSearchFor(pathname: string, reason?: SignOutReason): SignInSearch {
  const out: SignInSearch = {};
  const next = safeReturnPath(pathname);
  if (next) out.next = next;
  if (reason) out.reason = reason;
  return out;
}
