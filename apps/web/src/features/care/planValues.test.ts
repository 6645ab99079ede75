import { describe, expect, it } from 'vitest';
import type { CareAction, CareGoal, CareNeed, CareView } from '../../lib/careApi';
import {
  EMPTY_ACTION,
  actionChanges,
  canSendPlan,
  emptyFollowUp,
  followUpDue,
  goalsByNeed,
  isOverdue,
  newestFirst,
  responsibleOptions,
  sentPlanChanged,
  toActionInput,
  toFollowUpInput,
  valuesOfAction,
} from './planValues';

const need = (id: string, over: Partial<CareNeed> = {}): CareNeed => ({
  id,
  domain: 'shelter_housing',
  detail: null,
  priority: 'medium',
  status: 'identified',
  unmetReason: null,
  description: '',
  identifiedOn: '2026-11-01',
  recordedBy: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  ...over,
});
const goal = (id: string, needId: string): CareGoal => ({
  id,
  needId,
  title: id,
  actions: [],
  createdAt: '2026-11-02T10:00:00Z',
});
const action = (over: Partial<CareAction> = {}): CareAction => ({
  id: 'a1',
  goalId: 'g1',
  title: 'Acompañarla a la COMAR',
  responsibleId: 'u1',
  responsibleName: 'Ana',
  dueOn: '2026-11-30',
  status: 'pending',
  nextFollowUpOn: null,
  followUps: [],
  createdAt: '2026-11-02T10:00:00Z',
  updatedAt: '2026-11-02T10:00:00Z',
  ...over,
});

describe('goals under their needs', () => {
  it('follows the needs’ order and leaves out closed needs without goals', () => {
    const needs = [
      need('low', { priority: 'low' }),
      need('met-with-goal', { status: 'met' }),
      need('met-alone', { status: 'met' }),
      need('urgent', { priority: 'urgent' }),
    ];
    const groups = goalsByNeed(needs, [goal('g1', 'low'), goal('g2', 'met-with-goal'), goal('g3', 'low')]);
    expect(groups.map((g) => [g.need.id, g.goals.map((x) => x.id)])).toEqual([
      ['urgent', []],
      ['low', ['g1', 'g3']],
      ['met-with-goal', ['g2']],
    ]);
  });
});

describe('the plan’s status', () => {
  it('may be sent when in preparation, returned or changed since approved', () => {
    expect(canSendPlan('draft')).toBe(true);
    expect(canSendPlan('returned')).toBe(true);
    expect(canSendPlan('changed_since_approval')).toBe(true);
    expect(canSendPlan('empty')).toBe(false);
    expect(canSendPlan('submitted')).toBe(false);
    expect(canSendPlan('approved')).toBe(false);
  });

  it('tells when the plan changed after it was sent', () => {
    const care = (version: number) =>
      ({
        plan: { status: 'submitted', version },
        approvals: [
          { kind: 'closure', status: 'pending', planVersion: null },
          { kind: 'care_plan', status: 'pending', planVersion: 3 },
        ],
      }) as unknown as Pick<CareView, 'approvals' | 'plan'>;
    expect(sentPlanChanged(care(3))).toBe(false);
    expect(sentPlanChanged(care(4))).toBe(true);
  });
});

describe('actions', () => {
  it('are overdue, or due a follow-up, only while open', () => {
    expect(isOverdue(action(), '2026-12-01')).toBe(true);
    expect(isOverdue(action(), '2026-11-30')).toBe(false);
    expect(isOverdue(action({ status: 'done' }), '2026-12-01')).toBe(false);
    expect(isOverdue(action({ dueOn: null }), '2026-12-01')).toBe(false);
    expect(followUpDue(action({ nextFollowUpOn: '2026-12-01' }), '2026-12-01')).toBe(true);
    expect(followUpDue(action({ nextFollowUpOn: '2026-12-02' }), '2026-12-01')).toBe(false);
    expect(followUpDue(action({ nextFollowUpOn: '2026-11-01', status: 'cancelled' }), '2026-12-01')).toBe(
      false,
    );
  });

  it('are sent whole when new, and only what changed otherwise', () => {
    expect(toActionInput('g1', { ...EMPTY_ACTION, title: '  Llamar al albergue ' })).toEqual({
      goalId: 'g1',
      title: 'Llamar al albergue',
      responsibleId: null,
      dueOn: null,
      status: 'pending',
    });
    const stored = action();
    expect(actionChanges(stored, valuesOfAction(stored))).toEqual({});
    expect(actionChanges(stored, { ...valuesOfAction(stored), status: 'done', dueOn: '' })).toEqual({
      status: 'done',
      dueOn: null,
    });
  });

  it('offer the staff on the case, and keep someone responsible who has left it', () => {
    const staff = [{ userId: 'u2', displayName: 'Bea' }];
    expect(responsibleOptions(staff)).toEqual([{ value: 'u2', label: 'Bea' }]);
    expect(responsibleOptions(staff, action())).toEqual([
      { value: 'u2', label: 'Bea' },
      { value: 'u1', label: 'Ana' },
    ]);
  });
});

describe('follow-ups', () => {
  it('are listed newest first', () => {
    const list = newestFirst([
      { id: 'a', on: '2026-11-01', createdAt: '2026-11-01T10:00:00Z' },
      { id: 'c', on: '2026-11-20', createdAt: '2026-11-20T09:00:00Z' },
      { id: 'b', on: '2026-11-20', createdAt: '2026-11-20T08:00:00Z' },
    ]);
    expect(list.map((f) => f.id)).toEqual(['c', 'b', 'a']);
  });

  it('keep a next follow-up still to come, and send no status when it does not change', () => {
    expect(emptyFollowUp('2026-12-01', '2026-12-05').nextFollowUpOn).toBe('2026-12-05');
    expect(emptyFollowUp('2026-12-01', '2026-12-01').nextFollowUpOn).toBe('');
    const values = { ...emptyFollowUp('2026-12-01'), note: ' La llamé ', status: 'pending' as const };
    expect(toFollowUpInput(values, 'pending')).toEqual({
      on: '2026-12-01',
      note: 'La llamé',
      status: null,
      nextFollowUpOn: null,
    });
    expect(toFollowUpInput({ ...values, status: 'done' }, 'pending').status).toBe('done');
  });
});
