import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN, type FieldError } from '@senda/domain';

const COMMON = new Set(dictionary.passwords.map((p) => p.toLowerCase()));
/** How many common passwords the server refuses (shipped by @zxcvbn-ts/language-common). */
export const COMMON_PASSWORD_COUNT = COMMON.size;

/** Argon2id (algorithm 2) with the OWASP-recommended cost. */
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random().toString(36)}-password`);
  return dummyHash;
}

/**
 * Length is checked by the schema; here: refuse common passwords, also when
 * padded with digits or symbols ("contraseña2024!") or repeated.
 */
export function passwordProblems(password: string, path = 'password'): FieldError[] {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const repeated = /^(.{1,6})\1+$/u.exec(lower)?.[1];
  if (
    COMMON.has(lower) ||
    (stripped.length >= 4 && COMMON.has(stripped)) ||
    (repeated !== undefined && (COMMON.has(repeated) || repeated.length <= 3)) ||
    new Set(lower).size < 4
  ) {
    return [{ path, code: 'password_common' }];
  }
  if (password.length < PASSWORD_MIN)
    return [{ path, code: 'password_too_short', params: { min: PASSWORD_MIN } }];
  return [];
}
