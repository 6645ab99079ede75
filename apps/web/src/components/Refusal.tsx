import type { FieldError as DomainFieldError } from '@senda/domain';
import { isApiError } from '../lib/api';
import type { MessageKey } from '../i18n/catalogues';
import { fieldErrorKey, useT } from '../i18n/useT';
import { FormError } from './forms';

/**
 * Why an act was refused, announced at once. A refusal that names its reason
 * as a field code ("nobody decides on her own request", "record her consent
 * first"…) says it in words, with what to do instead where `hints` has it;
 * reasons a form already shows on its own fields are left out (`fields` to
 * list, or `shown` to skip); an error without reasons shows its message.
 */
export function Refusal({
  error,
  fields,
  shown = () => false,
  hints = {},
}: {
  error: unknown;
  fields?: readonly DomainFieldError[] | undefined;
  shown?: (field: DomainFieldError) => boolean;
  hints?: Partial<Record<string, MessageKey>>;
}) {
  const t = useT();
  if (!error) return null;
  const all = isApiError(error) ? error.fields : [];
  const reasons = (fields ?? all).filter((f) => !shown(f));
  if (reasons.length === 0) return all.length > 0 ? null : <FormError error={error} />;
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
      <ul className="space-y-1">
        {reasons.map((f) => {
          const hint = hints[f.code];
          return (
            <li key={`${f.path}:${f.code}`}>
              <span aria-hidden="true">⚠ </span>
              <span className="font-medium">{t(fieldErrorKey(f.code), f.params ?? {})}</span>
              {hint ? <> {t(hint)}</> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
