import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  CLOSURE_CHECKLIST,
  type ClosureRequestInput,
  type FieldError as DomainFieldError,
} from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareView } from '../../lib/careApi';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useReturnFocus } from '../../lib/focus';
import { useFormatters } from '../../lib/format';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { CheckboxField, FormError, SelectField, TextAreaField } from '../../components/forms';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { RiskBadge } from '../risk/RiskBadge';
import { Refusal } from '../../components/Refusal';
import {
  closureResolver,
  closureWarnings,
  emptyClosureRequest,
  hasPendingClosure,
  isClosureField,
  type ClosureFormValues,
} from './supervisionValues';
import { useCareMutation } from '../care/useCare';

/** What the record shows before closing: open needs and actions, her current risk, with warnings. */
function ClosureChecks({ checks }: { checks: CareView['closureChecks'] }) {
  const t = useT();
  const f = useFormatters();
  const warnings = closureWarnings(checks);
  return (
    <div
      className={cx(
        'mb-4 rounded-md border p-3 text-slate-900',
        warnings.length > 0 ? 'border-amber-700 bg-amber-50' : 'border-slate-300 bg-slate-50',
      )}
    >
      <h4 className="mb-1 font-semibold">{t('supervision.checks.title')}</h4>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1">
        <dt className="text-slate-700">{t('supervision.checks.openNeeds')}</dt>
        <dd className="font-medium">{f.number(checks.openNeeds)}</dd>
        <dt className="text-slate-700">{t('supervision.checks.openActions')}</dt>
        <dd className="font-medium">{f.number(checks.openActions)}</dd>
        <dt className="text-slate-700">{t('supervision.checks.risk')}</dt>
        <dd>
          <RiskBadge level={checks.riskLevel} />
        </dd>
      </dl>
      {warnings.length > 0 ? (
        <ul className="mt-2 space-y-1">
          {warnings.map((w) => (
            <li key={w} className="flex gap-2 font-medium text-amber-950">
              <span aria-hidden="true">⚠</span>
              {t(`supervision.checks.warning.${w}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 flex gap-2">
          <span aria-hidden="true" className="text-emerald-800">
            ✓
          </span>
          {t('supervision.checks.clear')}
        </p>
      )}
    </div>
  );
}

/** An open case: what the record shows, and the request to close it (unless one is pending). */
export function ClosurePanel({
  caseId,
  care,
  onDone,
}: {
  caseId: string;
  care: CareView;
  onDone: (announcement: string) => void;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const { target, returnFocus } = useReturnFocus(asking);
  const pending = hasPendingClosure(care);
  return (
    <div className="mt-6">
      <h3 className="mb-2 text-lg font-semibold text-slate-900">{t('supervision.closure.title')}</h3>
      <p className="mb-3 text-slate-800">{t('supervision.closure.intro')}</p>
      <ClosureChecks checks={care.closureChecks} />
      {pending ? (
        <p className="text-slate-800">{t('supervision.closure.pending')}</p>
      ) : asking ? (
        <ClosureRequestForm
          caseId={caseId}
          onDone={(sent) => {
            if (!sent) returnFocus();
            setAsking(false);
            if (sent) onDone(t('supervision.closure.requested'));
          }}
        />
      ) : (
        <button ref={target} type="button" className={buttonClass.secondary} onClick={() => setAsking(true)}>
          {t('supervision.closure.ask')}
        </button>
      )}
    </div>
  );
}

function ClosureRequestForm({ caseId, onDone }: { caseId: string; onDone: (sent: boolean) => void }) {
  const t = useT();
  const id = useId();
  const label = useEnumLabel();
  const reasons = useEnumOptions('closureReason');
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<ClosureFormValues, unknown, ClosureRequestInput>({
    resolver: closureResolver,
    defaultValues: emptyClosureRequest(),
  });
  const errors = form.formState.errors;
  useEffect(() => heading.current?.focus(), []);
  const send = useCareMutation(
    caseId,
    (input: ClosureRequestInput) => careApi.requestClosure(caseId, input),
    {
      onSuccess: () => onDone(true),
      onError: (error) =>
        setOtherErrors(
          isApiError(error) ? applyServerFieldErrors(error.fields, form.setError, isClosureField) : [],
        ),
    },
  );

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => {
          setOtherErrors([]);
          send.mutate(input);
        })(event);
      }}
    >
      <h4
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('supervision.closure.formTitle')}
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('case.field.closureReason')}
          required
          options={reasons}
          emptyLabel={t('form.choose')}
          registration={form.register('reason')}
          error={errors.reason}
        />
        <TextAreaField
          label={t('supervision.comment')}
          hint={t('supervision.closure.commentHint')}
          rows={3}
          registration={form.register('comment')}
          error={errors.comment}
          className="md:col-span-2"
        />
      </div>
      <fieldset className="min-w-0 rounded-md border border-slate-300 bg-white p-3">
        <legend className="px-1 font-medium text-slate-900">
          {t('supervision.closure.checklist')} ({t('form.required')})
        </legend>
        <p className="mb-2 text-sm text-slate-700">{t('supervision.closure.checklistHint')}</p>
        <div className="space-y-2">
          {CLOSURE_CHECKLIST.map((item) => (
            <CheckboxField
              key={item}
              label={label('closureChecklist', item)}
              hint={t(`supervision.checklistHint.${item}`)}
              registration={form.register(`checklist.${item}`)}
              error={errors.checklist?.[item]}
            />
          ))}
        </div>
      </fieldset>
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      {send.isError ? (
        <Refusal error={send.error} shown={(f) => !otherErrors.some((o) => o.path === f.path)} />
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={send.isPending}>
          {send.isPending ? t('common.saving') : t('supervision.closure.submit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
