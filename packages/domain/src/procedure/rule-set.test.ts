import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import { fieldErrorsFromIssues } from '../errors.js';
import { computeDeadlines } from './deadlines.js';
import { DEFAULT_DEADLINE_RULES } from './rules.js';
import type { DeadlineRuleInput } from './rules.js';
import { defaultRule, isDefaultRuleCode, mergeDeadlineRules, validateRuleChange } from './rule-set.js';

const revision = defaultRule('revision');
if (!revision) throw new Error('the default rules have a revisión rule');

const calendars = {
  comar_inm: defaultCalendar('comar_inm'),
  amparo: defaultCalendar('amparo'),
  tfja: defaultCalendar('tfja'),
  labour: defaultCalendar('labour'),
};
const negative = [
  {
    id: 'd',
    type: 'decision_notified',
    date: '2026-04-01',
    details: { outcome: 'negative' },
  },
] as const;

function revisionDue(rules: readonly DeadlineRuleInput[]): string | undefined {
  return computeDeadlines({ events: negative, rules, calendars, today: '2026-04-02' }).find(
    (d) => d.ruleCode === 'revision',
  )?.dueDate;
}

describe('an organization’s deadline rules', () => {
  it('are the defaults, in their order, when nothing was changed', () => {
    expect(mergeDeadlineRules([]).map((r) => r.code)).toEqual(DEFAULT_DEADLINE_RULES.map((r) => r.code));
    expect(isDefaultRuleCode('revision')).toBe(true);
    expect(isDefaultRuleCode('consulado')).toBe(false);
  });

  it('replace a default in place and add their own rules after the defaults, by code', () => {
    const changed = {
      ...revision,
      period: { kind: 'fixed' as const, amount: 10, unit: 'business_days' as const },
    };
    const zeta = { ...revision, code: 'zeta', name: 'Zeta' };
    const alpha = { ...revision, code: 'alpha', name: 'Alpha' };
    const merged = mergeDeadlineRules([zeta, changed, alpha]);
    expect(merged.map((r) => r.code)).toEqual([
      ...DEFAULT_DEADLINE_RULES.map((r) => r.code),
      'alpha',
      'zeta',
    ]);
    expect(merged.find((r) => r.code === 'revision')).toBe(changed);
  });

  it('change the deadlines computed: a shorter revisión period gives an earlier due date', () => {
    expect(revisionDue(mergeDeadlineRules([]))).toBe('2026-04-22');
    const ten = {
      ...revision,
      period: { kind: 'fixed' as const, amount: 10, unit: 'business_days' as const },
    };
    expect(revisionDue(mergeDeadlineRules([ten]))).toBe('2026-04-15');
    expect(revisionDue(mergeDeadlineRules([{ ...revision, active: false }]))).toBeUndefined();
  });
});

describe('validating a changed rule', () => {
  it('accepts a valid change and returns the rule with its defaults filled in', () => {
    const result = validateRuleChange('revision', { ...revision, legalBasis: 'LRPCAP art. 25' }, []);
    expect(result.success && result.rule.legalBasis).toBe('LRPCAP art. 25');
  });

  it('refuses a body whose code differs from the address', () => {
    const result = validateRuleChange('amparo', revision, []);
    expect(result.success ? [] : fieldErrorsFromIssues(result.issues)).toEqual([
      { path: 'code', code: 'code_mismatch' },
    ]);
  });

  it('gives stable field codes for a rule that cannot work', () => {
    const bad = {
      ...revision,
      trigger: { eventType: 'decision_notified', conditions: [{ field: 'filedBy', in: ['x'] }] },
      supersededBy: ['revision_filed'],
      period: { kind: 'fixed', amount: 121, unit: 'months' },
    };
    const result = validateRuleChange('revision', bad, []);
    expect(result.success ? [] : fieldErrorsFromIssues(result.issues)).toEqual(
      expect.arrayContaining([
        { path: 'trigger.conditions.0.field', code: 'unknown_condition_field' },
        { path: 'supersededBy.0', code: 'met_and_superseded' },
        { path: 'period.amount', code: 'period_too_long', params: { max: 120 } },
      ]),
    );
  });

  it('refuses a recurring period on an event that has no frequency', () => {
    const result = validateRuleChange('revision', { ...revision, period: { kind: 'recurring' } }, []);
    expect(result.success ? [] : fieldErrorsFromIssues(result.issues)).toEqual([
      { path: 'period', code: 'recurring_needs_frequency' },
    ]);
  });
});
