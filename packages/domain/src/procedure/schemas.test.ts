import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { procedureEventSchema, procedureEventsSchema, timeline } from './events.js';
import type { ProcedureEventInput } from './events.js';
import { DEFAULT_DEADLINE_RULES, deadlineRuleSchema, deadlineRulesSchema } from './rules.js';
import type { DeadlineRuleInput } from './rules.js';

/** The custom codes of a failed parse (or the Zod codes when there is none). */
function issueCodes(result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const params = (issue as { params?: { code?: string } }).params;
    return params?.code ?? issue.code;
  });
}

describe('procedureEventSchema', () => {
  it('accepts events with and without details, filling empty details', () => {
    const parsed = procedureEventSchema.parse({ id: 'a', type: 'ratified', date: '2025-03-05' });
    expect(parsed).toEqual({ id: 'a', type: 'ratified', date: '2025-03-05', details: {} });
    expect(
      procedureEventSchema.parse({
        id: 'b',
        type: 'application_filed',
        date: '2025-03-03',
        details: { filedBy: 'representative', office: '  COMAR Tapachula ', state: '07' },
      }).details,
    ).toEqual({ filedBy: 'representative', office: 'COMAR Tapachula', state: '07' });
  });

  it.each([
    ['missing filedBy', { id: 'a', type: 'application_filed', date: '2025-03-03', details: {} }],
    ['unknown detail', { id: 'a', type: 'ratified', date: '2025-03-03', details: { outcome: 'negative' } }],
    [
      'bad outcome',
      { id: 'a', type: 'decision_notified', date: '2025-03-03', details: { outcome: 'granted' } },
    ],
    ['bad date', { id: 'a', type: 'entry', date: '2025-02-29' }],
    ['bad effectiveOn', { id: 'a', type: 'entry', date: '2025-02-20', effectiveOn: '20/02/2025' }],
    ['unknown type', { id: 'a', type: 'appeal', date: '2025-03-03' }],
    ['empty id', { id: '', type: 'entry', date: '2025-03-03' }],
    [
      'signing without office',
      { id: 'a', type: 'signing_obligation_set', date: '2025-03-03', details: { frequency: 'weekly' } },
    ],
    [
      'unknown state',
      {
        id: 'a',
        type: 'application_filed',
        date: '2025-03-03',
        details: { filedBy: 'applicant', state: '33' },
      },
    ],
  ])('rejects %s', (_what, event) => {
    expect(procedureEventSchema.safeParse(event).success).toBe(false);
  });

  it('rejects duplicate identifiers in a procedure', () => {
    const events = [
      { id: 'a', type: 'entry', date: '2025-01-06' },
      { id: 'a', type: 'ratified', date: '2025-01-07' },
    ];
    expect(issueCodes(procedureEventsSchema.safeParse(events))).toEqual(['duplicate_id']);
  });
});

describe('timeline', () => {
  it('sorts by date, then natural procedural order, then as given', () => {
    const events: ProcedureEventInput[] = [
      { id: 'decision', type: 'decision_notified', date: '2025-06-01', details: { outcome: 'negative' } },
      { id: 'ratified', type: 'ratified', date: '2025-03-03' },
      { id: 'sign2', type: 'signing_done', date: '2025-03-10' },
      { id: 'filed', type: 'application_filed', date: '2025-03-03', details: { filedBy: 'representative' } },
      { id: 'sign1', type: 'signing_done', date: '2025-03-10' },
      { id: 'entry', type: 'entry', date: '2025-01-06' },
      { id: 'revision', type: 'revision_filed', date: '2025-06-01' },
    ];
    const copy = [...events];
    expect(timeline(events).map((e) => e.id)).toEqual([
      'entry',
      'filed',
      'ratified',
      'sign2',
      'sign1',
      'decision',
      'revision',
    ]);
    expect(events).toEqual(copy);
  });
});

describe('deadlineRuleSchema', () => {
  const base = DEFAULT_DEADLINE_RULES.find((r) => r.code === 'revision') as DeadlineRuleInput;

  it('accepts the default rule set and fills defaults', () => {
    const parsed = deadlineRulesSchema.parse(DEFAULT_DEADLINE_RULES);
    expect(parsed.map((r) => r.code)).toEqual([
      'application_window',
      'ratification',
      'comar_resolution',
      'withdrawal_ratification',
      'curp_temporal_renewal',
      'curp_temporal_expiry',
      'next_signing',
      'revision',
      'nulidad',
      'amparo',
      'nulidad_after_revision',
      'amparo_after_revision',
    ]);
    expect(parsed.every((r) => r.active)).toBe(true);
    expect(parsed.find((r) => r.code === 'comar_resolution')?.extension).toEqual({
      eventType: 'resolution_extended',
      amount: 45,
      maxTimes: 1,
    });
  });

  it.each<[string, Partial<DeadlineRuleInput>, string[]]>([
    [
      'a condition on a field the trigger does not have',
      {
        trigger: {
          eventType: 'decision_notified',
          conditions: [{ field: 'filedBy', in: ['representative'] }],
        },
      },
      ['unknown_condition_field'],
    ],
    [
      'a condition value outside the field',
      {
        trigger: {
          eventType: 'decision_notified',
          conditions: [{ field: 'outcome', in: ['negative', 'granted'] }],
        },
      },
      ['invalid_condition_value'],
    ],
    [
      'the same field twice',
      {
        trigger: {
          eventType: 'decision_notified',
          conditions: [
            { field: 'outcome', in: ['negative'] },
            { field: 'outcome', in: ['abandonment'] },
          ],
        },
      },
      ['duplicate_condition'],
    ],
    [
      'a recurring period without a frequency',
      { period: { kind: 'recurring' } },
      ['recurring_needs_frequency'],
    ],
    ['121 months', { period: { kind: 'fixed', amount: 121, unit: 'months' } }, ['period_too_long']],
    [
      'an extension beyond the longest period',
      {
        period: { kind: 'fixed', amount: 3600, unit: 'business_days' },
        extension: { eventType: 'resolution_extended', amount: 51 },
      },
      ['period_too_long'],
    ],
    ['an event both meeting and superseding', { supersededBy: ['revision_filed'] }, ['met_and_superseded']],
    ['a bad code', { code: 'Revisión' }, ['invalid_format']],
    ['an unknown calendar', { calendar: 'scjn' as never }, ['invalid_value']],
    ['an empty legal basis', { legalBasis: '  ' }, ['too_small']],
  ])('rejects %s', (_what, change, expected) => {
    expect(issueCodes(deadlineRuleSchema.safeParse({ ...base, ...change }))).toEqual(expected);
  });

  it('rejects duplicate codes in a rule set', () => {
    expect(issueCodes(deadlineRulesSchema.safeParse([base, base]))).toEqual(['duplicate_code']);
  });
});
