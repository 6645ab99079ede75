import { describe, expect, it } from 'vitest';
import { parseSignInSearch, safeReturnPath, signInSearchFor } from './signInSearch';

describe('the return path after signing in', () => {
  it('keeps plain paths of the app', () => {
    expect(safeReturnPath('/cases/0190a6b2-7c1e-7d3a-9f00-123456789abc')).toBe(
      '/cases/0190a6b2-7c1e-7d3a-9f00-123456789abc',
    );
    expect(safeReturnPath('/admin/users')).toBe('/admin/users');
    expect(safeReturnPath('/account')).toBe('/account');
  });

  it('refuses other sites, query strings, odd characters and sign-in itself', () => {
    for (const value of [
      '//evil.example/cases',
      'https://evil.example/',
      '/\\evil.example',
      'cases',
      '/cases?q=Maria',
      '/cases#x',
      '/cases/../admin',
      '/cases/%2F%2Fevil',
      '/cases/María',
      '/',
      '',
      '/sign-in',
      `/${'a'.repeat(300)}`,
      42,
      null,
      undefined,
      ['/cases'],
    ]) {
      expect(safeReturnPath(value), String(value)).toBeUndefined();
    }
  });

  it('reads the sign-in search, dropping what is not valid', () => {
    expect(parseSignInSearch({ next: '/cases/abc', reason: 'idle' })).toEqual({
      next: '/cases/abc',
      reason: 'idle',
    });
    expect(parseSignInSearch({ next: '//evil.example', reason: 'hacked', q: 'María' })).toEqual({});
  });

  it('keeps only the path of the page she leaves', () => {
    expect(signInSearchFor('/cases/abc', 'expired')).toEqual({ next: '/cases/abc', reason: 'expired' });
    expect(signInSearchFor('/')).toEqual({});
  });
});
