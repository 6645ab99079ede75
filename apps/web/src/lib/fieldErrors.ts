/**
 * Field errors travel through react-hook-form as a stable code with its
 * parameters (encoded in `message`), whether they come from the Zod schema in
 * the browser or from the server's `validation_failed` answer. The interface
 * translates the code at render time, so a language switch re-translates them.
 */
import type { z } from 'zod';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { fieldErrorsFromIssues, type FieldError as DomainFieldError } from '@senda/domain';

export interface EncodedFieldError {
  code: string;
  params?: Record<string, string | number> | undefined;
}

export function encodeFieldError(error: EncodedFieldError): string {
  return JSON.stringify({ code: error.code, params: error.params });
}

export function decodeFieldError(message: string | undefined): EncodedFieldError {
  if (!message) return { code: 'invalid' };
  try {
    const parsed = JSON.parse(message) as Partial<EncodedFieldError>;
    if (typeof parsed.code === 'string') return { code: parsed.code, params: parsed.params };
  } catch {
    // not one of ours
  }
  return { code: 'invalid' };
}

/**
 * A Zod error map for `zodResolver(schema, zodErrorMap)`: the message of each
 * issue becomes the same stable code the server would answer.
 */
export const zodErrorMap = {
  error: (issue: z.core.$ZodRawIssue): string => {
    const [first] = fieldErrorsFromIssues([{ ...issue, path: [], message: '' }]);
    return encodeFieldError(first ?? { code: 'invalid' });
  },
};

/**
 * Put the server's field errors on the form's fields. Returns those that match
 * no field of the form, to be shown at the top of the form.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  fields: readonly DomainFieldError[],
  setError: UseFormSetError<T>,
  knownPaths: (path: string) => boolean,
): DomainFieldError[] {
  const rest: DomainFieldError[] = [];
  let focused = false;
  for (const field of fields) {
    if (field.path && knownPaths(field.path)) {
      setError(
        field.path as Path<T>,
        { type: 'server', message: encodeFieldError({ code: field.code, params: field.params }) },
        { shouldFocus: !focused },
      );
      focused = true;
    } else {
      rest.push(field);
    }
  }
  return rest;
}
