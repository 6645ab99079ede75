/** "My work", as plain functions: who sees requests to decide, and which follow-ups are due. */
import type { Role } from '@senda/domain';
import type { MyWork } from '../../lib/careApi';

/** Coordinators and admins decide on care plans and closures: only they have requests awaiting them. */
export function decidesRequests(role: Role): boolean {
  return role === 'coordinator' || role === 'admin';
}

/** A follow-up whose day has come (or passed). Dates are YYYY-MM-DD, compared as text. */
export function followUpDue(nextFollowUpOn: string, today: string): boolean {
  return nextFollowUpOn <= today;
}

/** How many things wait for her, across the lists she sees. */
export function workCount(work: MyWork, role: Role): number {
  return (
    work.tasks.length +
    work.actions.length +
    work.followUps.length +
    (decidesRequests(role) ? work.approvals.length : 0) +
    work.returned.length +
    work.referrals.length
  );
}
