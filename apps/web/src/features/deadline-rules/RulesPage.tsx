import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type DeadlineRuleItem } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoCaseAccess } from '../cases/CaseListPage';
import { useRuleLabel } from '../procedure/DeadlineCard';
import { RuleForm } from './RuleForm';
import { NEW_RULE, conditionGroup, valuesOfRule } from './ruleFormValues';
import { useReturnFocus } from '../../lib/focus';
import { refreshDeadlines } from '../../lib/refresh';

/**
 * The deadline rules in effect for the organization, with their legal basis.
 * Everyone who works on cases reads them; an admin changes a rule, adds one of
 * the clinic's own, or goes back to the default. Deadlines follow at once.
 */
export function RulesPage() {
  const session = useRequiredSession();
  if (!session.abilities.createCases) return <NoCaseAccess />;
  return <RulesView canEdit={session.user.role === 'admin'} />;
}

function RulesView({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const query = useQuery({
    queryKey: queryKeys.deadlineRules,
    queryFn: ({ signal }) => api.listDeadlineRules(signal),
  });
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t('rules.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('rules.intro')}</p>
        <p className="mt-2 text-slate-800">{canEdit ? t('rules.introAdmin') : t('rules.readOnly')}</p>
      </div>
      <p role="status" className={announcement ? 'text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {canEdit ? (
        adding ? (
          <RuleForm
            initial={NEW_RULE}
            isNew
            title={t('rules.addTitle')}
            onDone={(saved) => {
              returnFocusToAdd();
              setAdding(false);
              if (saved) setAnnouncement(t('rules.saved', { rule: saved.rule.name ?? saved.rule.code }));
            }}
          />
        ) : (
          <button
            ref={addButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              setAnnouncement('');
              setAdding(true);
            }}
          >
            {t('rules.add')}
          </button>
        )
      ) : null}
      {query.data ? (
        <ul className="space-y-4">
          {query.data.map((item) => (
            <li key={item.rule.code}>
              <RuleCard item={item} canEdit={canEdit} onAnnounce={setAnnouncement} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function usePeriodText(): (rule: DeadlineRuleItem['rule']) => string {
  const t = useT();
  const label = useEnumLabel();
  return (rule) => {
    const calendar = label('authority', rule.calendar);
    if (rule.period.kind === 'recurring') return t('rules.period.recurring', { calendar });
    const period = t(`rules.amount.${rule.period.unit}`, { count: rule.period.amount });
    if (!rule.extension) return t('rules.period.fixed', { period, calendar });
    return t('rules.period.extended', {
      period,
      calendar,
      extra: t(`rules.amount.${rule.period.unit}`, { count: rule.extension.amount }),
      event: label('eventType', rule.extension.eventType),
      times: rule.extension.maxTimes,
    });
  };
}

function RuleCard({
  item,
  canEdit,
  onAnnounce,
}: {
  item: DeadlineRuleItem;
  canEdit: boolean;
  onAnnounce: (text: string) => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const ruleLabel = useRuleLabel();
  const periodText = usePeriodText();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);
  const { rule, origin } = item;
  const name = ruleLabel({ ruleCode: rule.code, ruleName: rule.name ?? null });
  const reset = useMutation({
    mutationFn: () => api.resetDeadlineRule(rule.code),
    onSuccess: async () => {
      setConfirming(false);
      onAnnounce(t(origin === 'custom' ? 'rules.removed' : 'rules.restored', { rule: name }));
      await refreshDeadlines(queryClient, queryKeys.deadlineRules);
    },
  });
  const events = (list: readonly string[]) =>
    list.length ? list.map((type) => label('eventType', type)).join(', ') : t('rules.none');
  const conditions = rule.trigger.conditions
    .map((c) =>
      c.in.map((v) => label(conditionGroup(rule.trigger.eventType, c.field), v)).join(t('rules.or')),
    )
    .join('; ');
  const titleId = `rule-${rule.code}`;

  return (
    <article aria-labelledby={titleId} className={cx(cardClass, !rule.active && 'bg-slate-100')}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={titleId} className="text-xl font-semibold break-words text-slate-900">
          {name}
        </h2>
        <div className="flex flex-wrap gap-2">
          <span className="rounded-full border border-slate-500 px-2 py-0.5 text-sm">
            {t(`rules.origin.${origin}`)}
          </span>
          {rule.active ? null : (
            <span className="rounded-full border border-slate-700 bg-white px-2 py-0.5 text-sm font-medium">
              {t('rules.inactive')}
            </span>
          )}
        </div>
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">{t('rules.field.trigger')}</dt>
        <dd>
          {label('eventType', rule.trigger.eventType)}
          {conditions ? ` (${conditions})` : ''}
        </dd>
        <dt className="text-slate-700">{t('rules.field.period')}</dt>
        <dd>{periodText(rule)}</dd>
        <dt className="text-slate-700">{t('rules.field.metBy')}</dt>
        <dd>{events(rule.metBy)}</dd>
        <dt className="text-slate-700">{t('rules.field.supersededBy')}</dt>
        <dd>{events(rule.supersededBy)}</dd>
        <dt className="text-slate-700">{t('rules.field.responsible')}</dt>
        <dd>{label('responsible', rule.responsible)}</dd>
        <dt className="text-slate-700">{t('rules.field.legalBasis')}</dt>
        <dd className="break-words">{rule.legalBasis}</dd>
        {item.updatedAt ? (
          <>
            <dt className="text-slate-700">{t('rules.changed')}</dt>
            <dd>{t('rules.changedBy', { name: item.updatedBy ?? '—', date: f.dateTime(item.updatedAt) })}</dd>
          </>
        ) : null}
      </dl>
      {canEdit && !editing ? (
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            ref={editButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              onAnnounce('');
              setEditing(true);
            }}
          >
            {t('rules.edit')}
            <span className="sr-only"> ({name})</span>
          </button>
          {origin !== 'default' ? (
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                reset.reset();
                setConfirming(true);
              }}
            >
              {origin === 'custom' ? t('rules.remove') : t('rules.restore')}
              <span className="sr-only"> ({name})</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <div className="mt-4">
          <RuleForm
            initial={valuesOfRule(rule)}
            isNew={false}
            title={t('rules.editTitle', { rule: name })}
            onDone={(saved) => {
              returnFocusToEdit();
              setEditing(false);
              if (saved) onAnnounce(t('rules.saved', { rule: name }));
            }}
          />
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={origin === 'custom' ? t('rules.removeTitle') : t('rules.restoreTitle')}
        body={t(origin === 'custom' ? 'rules.removeBody' : 'rules.restoreBody', { rule: name })}
        confirmLabel={origin === 'custom' ? t('rules.remove') : t('rules.restore')}
        onConfirm={() => reset.mutate()}
        pending={reset.isPending}
        error={reset.isError ? <FormError error={reset.error} /> : null}
      />
    </article>
  );
}
