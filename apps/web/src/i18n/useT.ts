import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { FIELD_ERROR_CODES, type ErrorCode, type FieldErrorCode } from '@senda/domain';
import type { MessageKey } from './catalogues';

export type MessageValues = Record<string, string | number>;
export type Translate = (id: MessageKey, values?: MessageValues) => string;

/** A typed shortcut to `intl.formatMessage`: only keys of the catalogue compile. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id: MessageKey, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}

/** A message for a key known only at run time (e.g. an audit action), or undefined. */
export function useOptionalT(): (id: string, values?: MessageValues) => string | undefined {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: MessageValues) =>
      id in intl.messages ? intl.formatMessage({ id }, values) : undefined,
    [intl],
  );
}

/** Field errors only the web app finds (or words more precisely than the server's code). */
export const WEB_FIELD_ERROR_CODES = [
  'passwords_differ',
  'current_password_wrong',
  'privacy_notice_not_accepted',
] as const;
type WebFieldErrorCode = (typeof WEB_FIELD_ERROR_CODES)[number];

export function isFieldErrorCode(code: string): code is FieldErrorCode | WebFieldErrorCode {
  return (
    (FIELD_ERROR_CODES as readonly string[]).includes(code) ||
    (WEB_FIELD_ERROR_CODES as readonly string[]).includes(code)
  );
}

export function fieldErrorKey(code: string): MessageKey {
  return isFieldErrorCode(code) ? `field.${code}` : 'field.invalid';
}

export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}
