import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, FIELD_ERROR_CODES, errorBodySchema, fieldErrorsFromIssues } from './errors.js';

function fieldErrors(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return fieldErrorsFromIssues(result.error.issues);
}

describe('fieldErrorsFromIssues', () => {
  it.each([
    ['a missing value', z.object({ a: z.string() }), {}, { path: 'a', code: 'required' }],
    [
      'an empty required text',
      z.object({ a: z.string().min(1) }),
      { a: '' },
      { path: 'a', code: 'required' },
    ],
    [
      'a short text',
      z.object({ a: z.string().min(12) }),
      { a: 'short' },
      { path: 'a', code: 'too_short', params: { min: 12 } },
    ],
    [
      'a long text',
      z.object({ a: z.string().max(3) }),
      { a: 'long' },
      { path: 'a', code: 'too_long', params: { max: 3 } },
    ],
    [
      'an empty required list',
      z.object({ a: z.array(z.string()).min(1) }),
      { a: [] },
      { path: 'a', code: 'required' },
    ],
    [
      'a short list',
      z.object({ a: z.array(z.string()).min(2) }),
      { a: ['x'] },
      { path: 'a', code: 'too_small', params: { min: 2 } },
    ],
    [
      'a long list',
      z.object({ a: z.array(z.string()).max(1) }),
      { a: ['x', 'y'] },
      { path: 'a', code: 'too_big', params: { max: 1 } },
    ],
    [
      'a small number',
      z.object({ a: z.number().min(0) }),
      { a: -1 },
      { path: 'a', code: 'too_small', params: { min: 0 } },
    ],
    [
      'a big number',
      z.object({ a: z.number().max(120) }),
      { a: 121 },
      { path: 'a', code: 'too_big', params: { max: 120 } },
    ],
    ['a wrong type', z.object({ a: z.string() }), { a: 5 }, { path: 'a', code: 'invalid_type' }],
    [
      'a value not in the list',
      z.object({ a: z.enum(['x', 'y']) }),
      { a: 'z' },
      { path: 'a', code: 'invalid_choice' },
    ],
    ['a bad date', z.object({ a: z.iso.date() }), { a: '2024-13-01' }, { path: 'a', code: 'invalid_date' }],
    ['a bad e-mail', z.object({ a: z.email() }), { a: 'nope' }, { path: 'a', code: 'invalid_email' }],
    ['a bad uuid', z.object({ a: z.uuid() }), { a: 'nope' }, { path: 'a', code: 'invalid' }],
    [
      'a refinement with a code',
      z.object({ a: z.string().refine(() => false, { params: { code: 'future_date' } }) }),
      { a: 'x' },
      { path: 'a', code: 'future_date' },
    ],
    [
      'a refinement without a code',
      z.object({ a: z.string().refine(() => false) }),
      { a: 'x' },
      { path: 'a', code: 'invalid' },
    ],
    [
      'a nested list item',
      z.object({ a: z.array(z.object({ b: z.int() })) }),
      { a: [{ b: 1 }, { b: 1.5 }] },
      { path: 'a.1.b', code: 'invalid_type' },
    ],
  ])('maps %s', (_name, schema, value, expected) => {
    expect(fieldErrors(schema, value)).toEqual([expected]);
  });

  it('gives one unknown_field per unknown key, with its full path', () => {
    const schema = z.strictObject({ a: z.strictObject({ b: z.string() }) });
    expect(fieldErrors(schema, { a: { b: 'x', c: 1, d: 2 }, e: 3 })).toEqual(
      expect.arrayContaining([
        { path: 'a.c', code: 'unknown_field' },
        { path: 'a.d', code: 'unknown_field' },
        { path: 'e', code: 'unknown_field' },
      ]),
    );
  });

  it('never echoes the value that was sent', () => {
    const schema = z.strictObject({ name: z.string().max(3), email: z.email(), role: z.enum(['a']) });
    const sent = { name: 'Guadalupe', email: 'guadalupe@', role: 'Guadalupe-role', Guadalupe: 1 };
    const out = JSON.stringify(fieldErrors(schema, sent));
    expect(out).not.toContain('guadalupe@');
    expect(out).not.toContain('Guadalupe-role');
    expect(out.replace('"Guadalupe"', '')).not.toContain('Guadalupe');
  });

  it('only produces known field codes', () => {
    const schema = z.strictObject({
      a: z.string().min(2).max(3),
      b: z.array(z.enum(['x'])).min(1),
      c: z.iso.date(),
      d: z.email(),
      e: z.int(),
    });
    for (const value of [
      {},
      { a: 1, b: 'x', c: 1, d: 1, e: 'x' },
      { a: 'x', b: ['y'], c: 'x', d: 'x', e: 1.5, f: 1 },
    ]) {
      for (const f of fieldErrors(schema, value)) expect(FIELD_ERROR_CODES).toContain(f.code);
    }
  });
});

describe('errorBodySchema', () => {
  it('accepts the one error shape with known codes only', () => {
    expect(errorBodySchema.safeParse({ error: { code: 'not_found', message: 'Not found' } }).success).toBe(
      true,
    );
    expect(
      errorBodySchema.safeParse({
        error: { code: 'validation_failed', message: 'x', fields: [{ path: 'a', code: 'required' }] },
      }).success,
    ).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
    expect(
      errorBodySchema.safeParse({ error: 'Bad Request', code: 'FST_ERR_BAD_URL', message: 'x' }).success,
    ).toBe(false);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
