/**
 * The risk assessment form's values and their conversion to what the API
 * takes: an unanswered question stays out (the domain schema then names it at
 * `answers.<code>`), an empty "different level" is no override. The level the
 * answers give is computed here as in the server, with the domain's rule.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import {
  RISK_QUESTION_CODES,
  assessRisk,
  riskAssessmentInput,
  type RiskAnswer,
  type RiskAssessmentInput,
  type RiskLevel,
  type RiskQuestion,
  type RiskResult,
  type SafetyPlan,
  type SafetyPlanInput,
} from '@senda/domain';
import { zodErrorMap } from '../../lib/fieldErrors';

export interface RiskFormValues {
  assessedOn: string;
  /** '' until answered. */
  answers: Record<RiskQuestion, RiskAnswer | ''>;
  /** '' for "the level the answers give". */
  overrideLevel: RiskLevel | '';
  overrideReason: string;
  notes: string;
}

export function emptyAssessment(today: string): RiskFormValues {
  return {
    assessedOn: today,
    answers: Object.fromEntries(RISK_QUESTION_CODES.map((q) => [q, ''])) as Record<RiskQuestion, ''>,
    overrideLevel: '',
    overrideReason: '',
    notes: '',
  };
}

/** The form's fields that the API's field errors may name (a question: `answers.<code>`). */
export function isAssessmentField(path: string): boolean {
  return (
    ['assessedOn', 'overrideLevel', 'overrideReason', 'notes'].includes(path) ||
    RISK_QUESTION_CODES.some((q) => path === `answers.${q}`)
  );
}

/** Only what is answered. */
function answered(answers: RiskFormValues['answers']): Partial<Record<RiskQuestion, RiskAnswer>> {
  return Object.fromEntries(Object.entries(answers).filter(([, a]) => a !== ''));
}

/** The level the answers give so far (an unanswered question counts as no, as "unknown" does). */
export function liveRisk(answers: RiskFormValues['answers']): RiskResult {
  return assessRisk(answered(answers));
}

export function toAssessmentInput(values: RiskFormValues): RiskAssessmentInput {
  return {
    assessedOn: values.assessedOn,
    answers: answered(values.answers) as RiskAssessmentInput['answers'],
    overrideLevel: values.overrideLevel === '' ? null : values.overrideLevel,
    overrideReason: values.overrideLevel === '' ? '' : values.overrideReason,
    notes: values.notes,
  };
}

const validateAssessment = zodResolver(riskAssessmentInput, zodErrorMap);

export const assessmentResolver: Resolver<RiskFormValues, unknown, RiskAssessmentInput> = async (
  values,
  context,
  options,
) => {
  const input = toAssessmentInput(values);
  const checked = await validateAssessment(input, context, options as never);
  if (Object.keys(checked.errors).length > 0)
    return { values: {} as Record<string, never>, errors: checked.errors as never };
  return { values: input, errors: {} };
};

// The safety plan: lists of short texts, edited as rows (react-hook-form's field arrays hold objects).
export interface TextRow {
  value: string;
}
export interface ContactRow {
  name: string;
  phone: string;
  note: string;
}
export interface SafetyPlanFormValues {
  risks: TextRow[];
  measures: TextRow[];
  safeContacts: ContactRow[];
  safePlaces: TextRow[];
  codeWords: TextRow[];
}
export const PLAN_LISTS = ['risks', 'measures', 'safePlaces', 'codeWords'] as const;
export type PlanList = (typeof PLAN_LISTS)[number];

const rows = (items: readonly string[]) => items.map((value) => ({ value }));

export function planToValues(plan: SafetyPlan | null): SafetyPlanFormValues {
  return {
    risks: rows(plan?.risks ?? []),
    measures: rows(plan?.measures ?? []),
    safeContacts: (plan?.safeContacts ?? []).map((c) => ({ ...c })),
    safePlaces: rows(plan?.safePlaces ?? []),
    codeWords: rows(plan?.codeWords ?? []),
  };
}

/** Rows left empty are dropped; a contact counts when it has a name, a phone or a note. */
export function toSafetyPlanInput(values: SafetyPlanFormValues): SafetyPlanInput {
  const texts = (list: TextRow[]) => list.map((r) => r.value.trim()).filter(Boolean);
  return {
    risks: texts(values.risks),
    measures: texts(values.measures),
    safeContacts: values.safeContacts
      .map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), note: c.note.trim() }))
      .filter((c) => c.name || c.phone || c.note),
    safePlaces: texts(values.safePlaces),
    codeWords: texts(values.codeWords),
  };
}

/** Whether a plan holds anything at all. */
export function planIsEmpty(plan: SafetyPlan | null): boolean {
  return (
    plan === null ||
    (plan.risks.length === 0 &&
      plan.measures.length === 0 &&
      plan.safeContacts.length === 0 &&
      plan.safePlaces.length === 0 &&
      plan.codeWords.length === 0)
  );
}
