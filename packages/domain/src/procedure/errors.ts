import type { z } from 'zod';

export const PROCEDURE_ERROR_CODES = [
  'invalid_events',
  'invalid_rules',
  'invalid_today',
  'invalid_option',
  'missing_calendar',
] as const;
export type ProcedureErrorCode = (typeof PROCEDURE_ERROR_CODES)[number];

/**
 * The error the procedure engine throws for input it cannot work with (data that
 * fails its schema, a calendar missing). Questionable but valid sequences never
 * throw: see `validateProcedure` for soft warnings.
 */
export class ProcedureError extends Error {
  override readonly name = 'ProcedureError';
  readonly code: ProcedureErrorCode;

  constructor(code: ProcedureErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
