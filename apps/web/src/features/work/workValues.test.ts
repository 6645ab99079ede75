import { describe, expect, it } from 'vitest';
import type { MyWork } from '../../lib/careApi';
import { decidesRequests, followUpDue, workCount } from './workValues';

const onCase = { caseId: 'c1', caseCode: 'IMU-2026-00001' };
const work: MyWork = {
  actions: [
    { ...onCase, actionId: 'a1', title: 'Cita COMAR', dueOn: null, status: 'pending', overdue: false },
  ],
  followUps: [{ ...onCase, actionId: 'a1', title: 'Cita COMAR', nextFollowUpOn: '2026-12-03' }],
  approvals: [
    { ...onCase, approvalId: 'p1', kind: 'closure', requestedBy: 'Ana', requestedAt: '2026-11-30T10:00:00Z' },
  ],
  returned: [],
  tasks: [
    { ...onCase, id: 't1', kind: 'high_risk_review', riskLevel: 'high', createdAt: '2026-11-29T10:00:00Z' },
  ],
  highRiskCases: [{ ...onCase, riskLevel: 'high', lastActivityAt: '2026-11-30T10:00:00Z' }],
  referrals: [
    {
      id: 'r1',
      code: 'R-0123ABCD',
      state: 'sent',
      mode: 'senda',
      urgency: 'high',
      needDomain: 'shelter_housing',
      service: { id: 's1', name: 'Albergue temporal' },
      from: { name: 'Clínica' },
      to: { name: 'Casa' },
      side: 'sender',
      ...onCase,
      sentOn: '2026-11-20',
      answerDue: '2026-11-25',
      flags: { waiting: true, overdue: true, withoutNews: false },
      assignedTo: null,
      updatedAt: '2026-11-20T10:00:00Z',
    },
  ],
};

describe('my work', () => {
  it('shows requests to decide to coordinators and admins only', () => {
    expect(decidesRequests('coordinator')).toBe(true);
    expect(decidesRequests('admin')).toBe(true);
    expect(decidesRequests('lawyer')).toBe(false);
  });

  it('flags a follow-up from its day on', () => {
    expect(followUpDue('2026-12-01', '2026-12-01')).toBe(true);
    expect(followUpDue('2026-11-28', '2026-12-01')).toBe(true);
    expect(followUpDue('2026-12-03', '2026-12-01')).toBe(false);
  });

  it('counts what waits for her, referrals included (high-risk cases are context, not to-dos)', () => {
    expect(workCount(work, 'coordinator')).toBe(5);
    expect(workCount(work, 'lawyer')).toBe(4);
  });
});
