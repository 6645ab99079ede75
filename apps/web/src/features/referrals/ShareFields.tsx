import { useId } from 'react';
import type { FieldError } from 'react-hook-form';
import type { ReferralShare } from '@senda/domain';
import type { CaseDocument } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { ErrorText, describedBy } from '../../components/forms';
import { useT } from '../../i18n/useT';
import type { ShareChoice } from './referralValues';

const checkboxClass = 'mt-0.5 size-5 shrink-0 accent-teal-800';

/**
 * What the referral shares: one checkbox per item. Items her consent to share
 * with that organization does not cover are disabled, and say why; her own
 * accounts (narratives) carry a warning that they go word for word.
 */
export function ShareFields({
  choices,
  organization,
  value,
  onChange,
  error,
  focusRef,
}: {
  choices: readonly ShareChoice[];
  organization: string;
  value: readonly ReferralShare[];
  onChange: (next: ReferralShare[]) => void;
  error: FieldError | undefined;
  /** The form's focus target when the field is refused (its first choice she can tick). */
  focusRef?: (element: HTMLInputElement | null) => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const first = choices.find((c) => c.allowed)?.value;
  const toggle = (item: ReferralShare, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== item), item] : value.filter((v) => v !== item));
  return (
    <fieldset className="min-w-0" aria-describedby={describedBy(hintId, error && errorId)}>
      <legend className="mb-1 font-medium text-slate-900">{t('referrals.form.scope')}</legend>
      <p id={hintId} className="mb-2 text-sm text-slate-700">
        {t('referrals.form.scopeHint', { organization })}
      </p>
      <ul className="space-y-2">
        {choices.map((choice) => {
          const optionId = `${id}-${choice.value}`;
          const noteId = `${optionId}-note`;
          const note = !choice.allowed
            ? t('referrals.form.notConsented')
            : choice.verbatim
              ? t('referrals.form.verbatimWarning')
              : null;
          return (
            <li key={choice.value} className="flex min-h-11 items-start gap-3 py-1">
              <input
                id={optionId}
                ref={choice.value === first ? focusRef : undefined}
                type="checkbox"
                className={checkboxClass}
                checked={value.includes(choice.value)}
                disabled={!choice.allowed}
                aria-describedby={note ? noteId : undefined}
                onChange={(e) => toggle(choice.value, e.target.checked)}
              />
              <div className="min-w-0">
                <label htmlFor={optionId} className={choice.allowed ? 'text-slate-900' : 'text-slate-700'}>
                  {label('referralShare', choice.value)}
                </label>
                {note ? (
                  <p
                    id={noteId}
                    className={
                      choice.allowed ? 'text-sm font-medium text-amber-950' : 'text-sm text-slate-700'
                    }
                  >
                    <span aria-hidden="true">{choice.allowed ? '⚠ ' : '⊘ '}</span>
                    {note}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

/** The case's documents to share (shown once "Documents" is ticked). */
export function DocumentPicker({
  documents,
  value,
  onChange,
  error,
  focusRef,
}: {
  documents: readonly CaseDocument[] | undefined;
  value: readonly string[];
  onChange: (next: string[]) => void;
  error: FieldError | undefined;
  /** The form's focus target when the field is refused (the first document). */
  focusRef?: (element: HTMLInputElement | null) => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const id = useId();
  const errorId = `${id}-error`;
  const atMax = value.length >= 20;
  return (
    <fieldset className="min-w-0" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 font-medium text-slate-900">{t('referrals.form.documents')}</legend>
      {documents === undefined ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : documents.length === 0 ? (
        <p className="text-slate-700">{t('referrals.form.noDocuments')}</p>
      ) : (
        <ul className="space-y-1">
          {documents.map((d, i) => {
            const optionId = `${id}-${d.id}`;
            const checked = value.includes(d.id);
            return (
              <li key={d.id} className="flex min-h-11 items-start gap-3 py-1">
                <input
                  id={optionId}
                  ref={i === 0 ? focusRef : undefined}
                  type="checkbox"
                  className={checkboxClass}
                  checked={checked}
                  disabled={!checked && atMax}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...value, d.id] : value.filter((v) => v !== d.id))
                  }
                />
                <label htmlFor={optionId} className="min-w-0 break-words text-slate-900">
                  <span className="font-medium">{label('documentKind', d.kind)}</span>
                  {' · '}
                  {d.fileName || '—'}
                  {d.documentDate ? ` · ${f.date(d.documentDate)}` : null}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}
