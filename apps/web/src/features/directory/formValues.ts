/**
 * What the directory's forms share: numbers typed in text boxes, the first
 * error at a path of a nested form (a list's item), and a resolver that runs
 * the domain schema on the API's shape and adds the whole-record rules even
 * when a field is missing, so every error shows at once.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';

/** A whole number typed in a text box: null when empty, the number, or the text itself for the schema to refuse. */
export function wholeNumber(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A decimal number (a coordinate): null when empty, the number, or the text for the schema to refuse. */
export function decimalNumber(text: string): number | null | string {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A number shown in a text box. */
export const numberText = (value: number | null | undefined): string => (value == null ? '' : String(value));

/** The first error at `path` or below it (a list's item, an area's state). */
export function errorAt(errors: unknown, path: string): FieldError | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const first = (value: unknown): FieldError | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    if (typeof (value as FieldError).message === 'string') return value as FieldError;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'ref') continue;
      const found = first(child);
      if (found) return found;
    }
    return undefined;
  };
  return first(node);
}

/**
 * A resolver for form values `V` that become the API's input through
 * `toInput`, checked with `schema`; `issues` are the record's own rules
 * (paths of top-level fields), added even when the schema stops early.
 */
export function domainResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => unknown,
  issues: (input: never) => readonly { path: string; code: string }[],
): Resolver<V, unknown, z.output<S>> {
  const validate = zodResolver(schema as never, zodErrorMap);
  return async (values, context, options) => {
    const input = toInput(values);
    const checked = await validate(input as never, context, options as never);
    const errors = { ...(checked.errors as FieldErrors<V>) } as Record<string, unknown>;
    for (const issue of issues(input as never))
      errors[issue.path] ??= { type: 'validate', message: encodeFieldError({ code: issue.code }) };
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<V> };
    return { values: checked.values as z.output<S>, errors: {} };
  };
}
