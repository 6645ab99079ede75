/**
 * Supervision on the case page, as plain functions: which requests are
 * pending, who may decide or withdraw them, what the closure checks warn
 * about, and the closure and decision forms' values.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import {
  CLOSURE_CHECKLIST,
  approvalDecisionInput,
  closureRequestInput,
  reopenInput,
  type ClosureChecklistItem,
  type CLOSURE_REASONS,
} from '@senda/domain';
import type { CareApproval, CareView } from '../../lib/careApi';
import { encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';

export const pendingRequests = (care: CareView): CareApproval[] =>
  care.approvals.filter((a) => a.status === 'pending');

/** Everything already decided or withdrawn, newest first (as the API sends them). */
export const pastRequests = (care: CareView): CareApproval[] =>
  care.approvals.filter((a) => a.status !== 'pending');

export const hasPendingClosure = (care: CareView): boolean =>
  care.approvals.some((a) => a.kind === 'closure' && a.status === 'pending');

/** The approved closure that closed the case (the newest not undone by a reopening). */
export const currentClosure = (care: CareView): CareApproval | null =>
  care.approvals.find((a) => a.kind === 'closure' && a.status === 'approved' && a.reopened === null) ?? null;

/** A coordinator or an admin decides, never on her own request (four eyes). */
export function mayDecide(approval: CareApproval, userId: string, canDecide: boolean): boolean {
  return approval.status === 'pending' && canDecide && approval.requestedById !== userId;
}

/** Whoever asked, or anyone who may decide, may withdraw a pending request. */
export function mayWithdraw(approval: CareApproval, userId: string, canDecide: boolean): boolean {
  return approval.status === 'pending' && (approval.requestedById === userId || canDecide);
}

export type ClosureWarning = 'open_needs' | 'open_actions' | 'high_risk';

/** What the record says against closing now (each shown as a warning, none of them blocking). */
export function closureWarnings(checks: CareView['closureChecks']): ClosureWarning[] {
  const out: ClosureWarning[] = [];
  if (checks.openNeeds > 0) out.push('open_needs');
  if (checks.openActions > 0) out.push('open_actions');
  if (checks.riskLevel === 'high' || checks.riskLevel === 'critical') out.push('high_risk');
  return out;
}

// The closure request form.
export interface ClosureFormValues {
  reason: (typeof CLOSURE_REASONS)[number] | '';
  comment: string;
  checklist: Record<ClosureChecklistItem, boolean>;
}

export function emptyClosureRequest(): ClosureFormValues {
  return {
    reason: '',
    comment: '',
    checklist: Object.fromEntries(CLOSURE_CHECKLIST.map((item) => [item, false])) as Record<
      ClosureChecklistItem,
      boolean
    >,
  };
}

/** The closure form's fields that the API's field errors may name. */
export function isClosureField(path: string): boolean {
  return (
    path === 'reason' || path === 'comment' || CLOSURE_CHECKLIST.some((item) => path === `checklist.${item}`)
  );
}

const validateClosure = zodResolver(closureRequestInput, zodErrorMap);
type ClosureOutput = z.output<typeof closureRequestInput>;

/** The domain's rules, with every unconfirmed checklist item named even while the reason is missing. */
export const closureResolver: Resolver<ClosureFormValues, unknown, ClosureOutput> = async (
  values,
  context,
  options,
) => {
  const result = await validateClosure(values as never, context, options as never);
  if (Object.keys(result.errors).length === 0) return { values: result.values as ClosureOutput, errors: {} };
  const errors = { ...result.errors } as FieldErrors<ClosureFormValues>;
  const unconfirmed = CLOSURE_CHECKLIST.filter((item) => !values.checklist[item]);
  if (unconfirmed.length > 0)
    errors.checklist = Object.fromEntries(
      unconfirmed.map((item) => [
        item,
        { type: 'custom', message: encodeFieldError({ code: 'checklist_incomplete' }) },
      ]),
    );
  return { values: {} as Record<string, never>, errors };
};

// Approve or return a request; reopen a closed case.
export interface DecisionFormValues {
  decision: 'approve' | 'return';
  comment: string;
}
export const decisionResolver = zodResolver(approvalDecisionInput, zodErrorMap) as unknown as Resolver<
  DecisionFormValues,
  unknown,
  z.output<typeof approvalDecisionInput>
>;

export interface ReopenFormValues {
  reason: string;
}
export const reopenResolver = zodResolver(reopenInput, zodErrorMap) as unknown as Resolver<
  ReopenFormValues,
  unknown,
  z.output<typeof reopenInput>
>;
