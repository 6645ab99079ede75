import { describe, expect, it } from 'vitest';
import type { CareApproval, CareView } from '../../lib/careApi';
import {
  closureResolver,
  closureWarnings,
  currentClosure,
  decisionResolver,
  emptyClosureRequest,
  hasPendingClosure,
  isClosureField,
  mayDecide,
  mayWithdraw,
  pastRequests,
  pendingRequests,
  type ClosureFormValues,
} from './supervisionValues';

const approval = (over: Partial<CareApproval>): CareApproval => ({
  id: 'a1',
  kind: 'closure',
  status: 'pending',
  requestedBy: 'Ana',
  requestedById: 'ana',
  requestedAt: '2026-11-30T16:00:00Z',
  comment: '',
  planVersion: null,
  closureReason: 'moved_away',
  checklist: [],
  decidedBy: null,
  decidedAt: null,
  decisionComment: '',
  reopened: null,
  ...over,
});
const care = (approvals: CareApproval[]): CareView => ({
  caseStatus: 'open',
  needs: [],
  goals: [],
  plan: { status: 'empty', version: 0 },
  approvals,
  closureChecks: { openNeeds: 0, openActions: 0, riskLevel: null },
  servicesConsent: true,
  canDecide: false,
});
const opts = { fields: {}, shouldUseNativeValidation: false };
const codes = (errors: object): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (node: object, path: string) => {
    for (const [key, value] of Object.entries(node) as [string, { message?: string }][]) {
      const here = path ? `${path}.${key}` : key;
      if (typeof value.message === 'string') out[here] = (JSON.parse(value.message) as { code: string }).code;
      else walk(value, here);
    }
  };
  walk(errors, '');
  return out;
};

describe('supervision on the case page', () => {
  it('splits pending requests from the history and finds the closure in force', () => {
    const reopened = approval({
      id: 'old',
      status: 'approved',
      reopened: { by: 'Bea', at: '2026-11-01T10:00:00Z', reason: 'Volvió' },
    });
    const closed = approval({ id: 'new', status: 'approved' });
    const plan = approval({ id: 'p', kind: 'care_plan', closureReason: null });
    const view = care([plan, closed, reopened]);
    expect(pendingRequests(view).map((a) => a.id)).toEqual(['p']);
    expect(pastRequests(view).map((a) => a.id)).toEqual(['new', 'old']);
    expect(hasPendingClosure(view)).toBe(false);
    expect(currentClosure(view)?.id).toBe('new');
    expect(currentClosure(care([reopened]))).toBeNull();
  });

  it('lets nobody decide her own request, and the requester or a decider withdraw it', () => {
    const pending = approval({});
    expect(mayDecide(pending, 'ana', true)).toBe(false);
    expect(mayDecide(pending, 'bea', true)).toBe(true);
    expect(mayDecide(pending, 'bea', false)).toBe(false);
    expect(mayWithdraw(pending, 'ana', false)).toBe(true);
    expect(mayWithdraw(pending, 'bea', false)).toBe(false);
    expect(mayWithdraw(pending, 'bea', true)).toBe(true);
    expect(mayWithdraw({ ...pending, status: 'returned' }, 'ana', true)).toBe(false);
  });

  it('warns before closing with open needs, open actions or a high risk', () => {
    expect(closureWarnings({ openNeeds: 0, openActions: 0, riskLevel: 'medium' })).toEqual([]);
    expect(closureWarnings({ openNeeds: 2, openActions: 1, riskLevel: 'critical' })).toEqual([
      'open_needs',
      'open_actions',
      'high_risk',
    ]);
  });

  it('asks for a reason and every checklist item before a closure request', async () => {
    const values = emptyClosureRequest();
    values.checklist.survivor_informed = true;
    const { errors } = await closureResolver(values, undefined, opts);
    expect(codes(errors)).toEqual({
      reason: 'invalid_choice',
      'checklist.safety_reviewed': 'checklist_incomplete',
      'checklist.referrals_followed_up': 'checklist_incomplete',
      'checklist.documents_handled': 'checklist_incomplete',
      'checklist.file_complete': 'checklist_incomplete',
    });
    const complete: ClosureFormValues = {
      reason: 'moved_away',
      comment: '',
      checklist: Object.fromEntries(Object.keys(values.checklist).map((k) => [k, true])) as never,
    };
    expect((await closureResolver(complete, undefined, opts)).errors).toEqual({});
  });

  it('asks for a comment to return a request, not to approve it', async () => {
    const back = await decisionResolver({ decision: 'return', comment: ' ' }, undefined, opts);
    expect(codes(back.errors)).toEqual({ comment: 'comment_required' });
    expect((await decisionResolver({ decision: 'approve', comment: '' }, undefined, opts)).errors).toEqual(
      {},
    );
  });

  it('knows its fields', () => {
    expect(isClosureField('checklist.file_complete')).toBe(true);
    expect(isClosureField('reason')).toBe(true);
    expect(isClosureField('kind')).toBe(false);
  });
});
