import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrorsFromIssues } from '../errors.js';
import {
  approvalDecisionInput,
  carePlanStatus,
  closureRequestInput,
  CLOSURE_CHECKLIST,
} from './approvals.js';
import { NEED_DETAILS, NEED_DOMAINS, needInput, needIssues, needUpdateInput } from './needs.js';
import { actionInput, followUpInput } from './plan.js';

function errorsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return fieldErrorsFromIssues(result.error.issues);
}

describe('needs', () => {
  it('covers every domain the care model names, with finer kinds for legal, education and documentation', () => {
    expect(NEED_DOMAINS).toEqual([
      'legal',
      'mental_health',
      'physical_sexual_health',
      'shelter_housing',
      'food_basic_needs',
      'education',
      'employment_income',
      'documentation',
      'child_protection',
      'other',
    ]);
    expect(NEED_DETAILS.legal).toEqual(['asylum', 'documents', 'family_reunification', 'other']);
    expect(NEED_DETAILS.education).toEqual(['hers', 'children']);
    expect(NEED_DETAILS.documentation).toEqual(['curp', 'bank_account', 'other']);
  });

  it('fills in priority and status, and takes a finer kind only from its own domain', () => {
    expect(needInput.parse({ domain: 'legal', detail: 'asylum', identifiedOn: '2026-02-01' })).toMatchObject({
      priority: 'medium',
      status: 'identified',
      unmetReason: null,
      description: '',
    });
    expect(
      errorsOf(needInput, { domain: 'shelter_housing', detail: 'curp', identifiedOn: '2026-02-01' }),
    ).toEqual([{ path: 'detail', code: 'detail_not_in_domain' }]);
  });

  it('is unmet only with a reason, and a reason belongs to an unmet need only', () => {
    expect(errorsOf(needInput, { domain: 'education', status: 'unmet', identifiedOn: '2026-02-01' })).toEqual(
      [{ path: 'unmetReason', code: 'unmet_reason_required' }],
    );
    expect(
      errorsOf(needInput, {
        domain: 'education',
        status: 'met',
        unmetReason: 'cost',
        identifiedOn: '2026-02-01',
      }),
    ).toEqual([{ path: 'unmetReason', code: 'invalid' }]);
    expect(needIssues({ domain: 'education', status: 'unmet', unmetReason: 'waiting_list' })).toEqual([]);
  });

  it('takes partial changes and refuses unknown fields', () => {
    expect(needUpdateInput.parse({ status: 'met' })).toEqual({ status: 'met' });
    expect(errorsOf(needUpdateInput, { colour: 'red' })).toEqual([{ path: 'colour', code: 'unknown_field' }]);
  });
});

describe('care plan', () => {
  it('an action needs a goal and a title; responsible and due date are optional', () => {
    expect(
      actionInput.parse({ goalId: '0192f3a0-0000-7000-8000-000000000001', title: ' Acompañar a COMAR ' }),
    ).toMatchObject({ title: 'Acompañar a COMAR', responsibleId: null, dueOn: null, status: 'pending' });
    expect(errorsOf(actionInput, { goalId: 'x', title: ' ' })).toEqual([
      { path: 'goalId', code: 'invalid' },
      { path: 'title', code: 'required' },
    ]);
  });

  it('a follow-up has a note and happened already', () => {
    expect(errorsOf(followUpInput, { on: '2999-01-01', note: '' })).toEqual([
      { path: 'on', code: 'future_date' },
      { path: 'note', code: 'required' },
    ]);
  });

  it("the plan's status follows its goals, its version and its newest request", () => {
    expect(carePlanStatus(0, 0, null)).toBe('empty');
    expect(carePlanStatus(2, 3, null)).toBe('draft');
    expect(carePlanStatus(2, 3, { status: 'pending', planVersion: 3 })).toBe('submitted');
    expect(carePlanStatus(2, 3, { status: 'approved', planVersion: 3 })).toBe('approved');
    expect(carePlanStatus(2, 4, { status: 'approved', planVersion: 3 })).toBe('changed_since_approval');
    expect(carePlanStatus(2, 3, { status: 'returned', planVersion: 3 })).toBe('returned');
    expect(carePlanStatus(2, 4, { status: 'returned', planVersion: 3 })).toBe('draft');
    expect(carePlanStatus(2, 3, { status: 'withdrawn', planVersion: 3 })).toBe('draft');
  });
});

describe('supervision', () => {
  const checklist = Object.fromEntries(CLOSURE_CHECKLIST.map((item) => [item, true]));

  it('asks to close only with a reason and every checklist item confirmed', () => {
    expect(closureRequestInput.safeParse({ reason: 'needs_met', checklist }).success).toBe(true);
    expect(errorsOf(closureRequestInput, { reason: 'gone', checklist })).toEqual([
      { path: 'reason', code: 'invalid_choice' },
    ]);
    expect(
      errorsOf(closureRequestInput, {
        reason: 'moved_away',
        checklist: { ...checklist, file_complete: false },
      }),
    ).toEqual([{ path: 'checklist.file_complete', code: 'checklist_incomplete' }]);
    expect(errorsOf(closureRequestInput, { reason: 'lost_contact', checklist: {} })).toEqual(
      CLOSURE_CHECKLIST.map((item) => ({ path: `checklist.${item}`, code: 'checklist_incomplete' })),
    );
  });

  it('returns a request only with a comment', () => {
    expect(errorsOf(approvalDecisionInput, { decision: 'return', comment: '  ' })).toEqual([
      { path: 'comment', code: 'comment_required' },
    ]);
    expect(approvalDecisionInput.parse({ decision: 'approve' })).toEqual({
      decision: 'approve',
      comment: '',
    });
  });
});
