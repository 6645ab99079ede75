/**
 * Risk and safety. A structured assessment — the same questions every time,
 * answered yes / no / unknown — gives a level (low, medium, high, critical)
 * by a rule anyone can read below; the assessor may set another level, with
 * her reason. Assessments are dated and repeated over time; the newest one is
 * the case's current level. A safety plan (risks, measures, safe contacts,
 * safe places, code words) is linked to an assessment and sealed at rest.
 *
 * The questions follow common GBV and protection screening practice (danger
 * signs of lethal partner violence, pursuit by organized crime, urgent health
 * needs, children at risk, safe shelter tonight). They are a screening aid
 * for trained staff, not a validated instrument; a clinic should review them.
 *
 * Every question must be answered (an unanswered one is `invalid_choice` at
 * `answers.<question>`: "choose one of the options"). Custom field-error codes: `override_reason_required`,
 * `override_same_level`.
 */
import { z } from 'zod';
import { isoDate, notInFuture, shortText, text } from '../common.js';

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type RiskAnswer = (typeof RISK_ANSWERS)[number];

/**
 * The questions, with their weight; a red flag alone makes the level at least
 * high, two red flags make it critical.
 */
export const RISK_QUESTIONS = [
  { code: 'threats_to_kill', weight: 3, redFlag: true },
  { code: 'weapon', weight: 3, redFlag: true },
  { code: 'strangulation', weight: 3, redFlag: true },
  { code: 'violence_increasing', weight: 2, redFlag: false },
  { code: 'perpetrator_can_find_her', weight: 2, redFlag: false },
  { code: 'pursued_by_organized_crime', weight: 3, redFlag: true },
  { code: 'recent_sexual_violence', weight: 3, redFlag: true },
  { code: 'self_harm_thoughts', weight: 3, redFlag: true },
  { code: 'children_at_risk', weight: 2, redFlag: false },
  { code: 'no_safe_place_tonight', weight: 2, redFlag: false },
  { code: 'detention_or_deportation_risk', weight: 2, redFlag: false },
  { code: 'no_support_network', weight: 1, redFlag: false },
] as const;
export type RiskQuestion = (typeof RISK_QUESTIONS)[number]['code'];
export const RISK_QUESTION_CODES = RISK_QUESTIONS.map((q) => q.code) as [RiskQuestion, ...RiskQuestion[]];

/** Score thresholds when no red flag is answered yes. */
export const RISK_THRESHOLDS = { medium: 3, high: 6 } as const;

export interface RiskResult {
  level: RiskLevel;
  score: number;
  redFlags: RiskQuestion[];
}

/** The level the answers give: red flags first, then the score. "Unknown" counts as no, and is shown. */
export function assessRisk(answers: Readonly<Partial<Record<RiskQuestion, RiskAnswer>>>): RiskResult {
  let score = 0;
  const redFlags: RiskQuestion[] = [];
  for (const q of RISK_QUESTIONS) {
    if (answers[q.code] !== 'yes') continue;
    score += q.weight;
    if (q.redFlag) redFlags.push(q.code);
  }
  const level: RiskLevel =
    redFlags.length >= 2
      ? 'critical'
      : redFlags.length === 1 || score >= RISK_THRESHOLDS.high
        ? 'high'
        : score >= RISK_THRESHOLDS.medium
          ? 'medium'
          : 'low';
  return { level, score, redFlags };
}

/** Every question, answered (`invalid_choice` at `answers.<question>` when not); an unknown question refused. */
const riskAnswersSchema = z.strictObject(
  Object.fromEntries(RISK_QUESTION_CODES.map((code) => [code, z.enum(RISK_ANSWERS)])) as Record<
    RiskQuestion,
    z.ZodEnum<{ [K in RiskAnswer]: K }>
  >,
);

export const riskAssessmentInput = z
  .strictObject({
    assessedOn: isoDate.refine(notInFuture, { params: { code: 'future_date' } }),
    answers: riskAnswersSchema,
    /** The assessor's own judgement, when it differs from the rule's level. */
    overrideLevel: z.enum(RISK_LEVELS).nullable().default(null),
    overrideReason: shortText(1000).default(''),
    /** Observations, sealed at rest. */
    notes: text().max(5000).default(''),
  })
  .superRefine((input, ctx) => {
    if (input.overrideLevel !== null) {
      if (!input.overrideReason)
        ctx.addIssue({
          code: 'custom',
          path: ['overrideReason'],
          params: { code: 'override_reason_required' },
        });
      if (input.overrideLevel === assessRisk(input.answers).level)
        ctx.addIssue({ code: 'custom', path: ['overrideLevel'], params: { code: 'override_same_level' } });
    }
  });
export type RiskAssessmentInput = z.input<typeof riskAssessmentInput>;

const items = (max: number) =>
  z
    .array(shortText(300).pipe(z.string().min(1)))
    .max(max)
    .default([]);

/** A safety plan, linked to the assessment it answers. Everything in it is sealed at rest. */
export const safetyPlanInput = z.strictObject({
  risks: items(20),
  measures: items(30),
  safeContacts: z
    .array(
      z.strictObject({
        name: shortText(150).pipe(z.string().min(1)),
        phone: shortText(40),
        note: shortText(200),
      }),
    )
    .max(10)
    .default([]),
  safePlaces: items(10),
  /** Words agreed with her to signal danger. */
  codeWords: items(5),
});
export type SafetyPlanInput = z.input<typeof safetyPlanInput>;
export type SafetyPlan = z.output<typeof safetyPlanInput>;

export const riskAssessmentView = z.object({
  id: z.string(),
  assessedOn: z.string(),
  answers: z.record(z.string(), z.enum(RISK_ANSWERS)),
  computedLevel: z.enum(RISK_LEVELS),
  score: z.number(),
  redFlags: z.array(z.enum(RISK_QUESTION_CODES)),
  overrideLevel: z.enum(RISK_LEVELS).nullable(),
  overrideReason: z.string(),
  /** The override when there is one, else the computed level. */
  level: z.enum(RISK_LEVELS),
  notes: z.string(),
  safetyPlan: safetyPlanInput.nullable(),
  assessedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RiskAssessmentView = z.infer<typeof riskAssessmentView>;
