import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES, deadlineRuleSchema, fieldErrorsFromIssues } from '@senda/domain';
import { NEW_RULE, ruleOfValues, valuesOfRule } from './ruleFormValues';

describe('the deadline-rule form', () => {
  it.each(DEFAULT_DEADLINE_RULES.map((r) => [r.code, r] as const))(
    'shows the %s rule and sends it back unchanged',
    (_code, input) => {
      const rule = deadlineRuleSchema.parse(input);
      expect(deadlineRuleSchema.parse(ruleOfValues(valuesOfRule(rule)))).toEqual(rule);
    },
  );

  it('drops the conditions of details the chosen act does not have, and unticked ones', () => {
    const values = {
      ...NEW_RULE,
      code: 'x',
      legalBasis: 'Ley',
      trigger: {
        eventType: 'decision_notified' as const,
        conditions: { outcome: ['negative'], filedBy: ['representative'], frequency: [] },
      },
    };
    expect(ruleOfValues(values).trigger).toEqual({
      eventType: 'decision_notified',
      conditions: [{ field: 'outcome', in: ['negative'] }],
    });
  });

  it('passes a typed non-number on for the schema to report, rather than guessing', () => {
    const rule = ruleOfValues({
      ...NEW_RULE,
      code: 'x',
      legalBasis: 'Ley',
      period: { kind: 'fixed', amount: 'quince', unit: 'business_days' },
    });
    const parsed = deadlineRuleSchema.safeParse(rule);
    expect(parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues)).toEqual([
      { path: 'period.amount', code: 'invalid_type' },
    ]);
  });
});
