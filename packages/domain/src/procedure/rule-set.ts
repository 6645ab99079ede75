/**
 * An organization's deadline rules: the defaults, with the rules its admin
 * changed (same code) or added (new code). Pure data in, data out: the server
 * stores only the changed and added rules, so a corrected default reaches every
 * clinic that did not change that rule, and "reset" is deleting the change.
 */
import { z } from 'zod';
import {
  DEFAULT_DEADLINE_RULES,
  deadlineRuleCodeSchema,
  deadlineRuleSchema,
  deadlineRulesSchema,
} from './rules.js';
import type { DeadlineRule, DeadlineRuleInput } from './rules.js';

export const DEADLINE_RULE_ORIGINS = [
  /** The default rule, unchanged. */
  'default',
  /** A default rule this organization changed. */
  'modified',
  /** A rule this organization added. */
  'custom',
] as const;
export type DeadlineRuleOrigin = (typeof DEADLINE_RULE_ORIGINS)[number];

const DEFAULT_CODES = new Set(DEFAULT_DEADLINE_RULES.map((rule) => rule.code));

export function isDefaultRuleCode(code: string): boolean {
  return DEFAULT_CODES.has(code);
}

export function defaultRule(code: string): DeadlineRule | undefined {
  const found = DEFAULT_DEADLINE_RULES.find((rule) => rule.code === code);
  return found ? deadlineRuleSchema.parse(found) : undefined;
}

/**
 * The rule set in effect: the defaults in their order, each replaced by the
 * organization's version when it has one, then its own rules by code.
 */
export function mergeDeadlineRules(overrides: readonly DeadlineRuleInput[]): DeadlineRuleInput[] {
  const byCode = new Map(overrides.map((rule) => [rule.code, rule]));
  const merged = DEFAULT_DEADLINE_RULES.map((rule) => byCode.get(rule.code) ?? rule);
  const added = overrides
    .filter((rule) => !DEFAULT_CODES.has(rule.code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [...merged, ...added];
}

/**
 * Validate one rule as the organization's version of `code`, within the whole
 * set it would produce. Returns the issues on failure (paths relative to the rule).
 */
export function validateRuleChange(
  code: string,
  rule: unknown,
  others: readonly DeadlineRuleInput[],
): { success: true; rule: DeadlineRule } | { success: false; issues: z.core.$ZodIssue[] } {
  const parsed = deadlineRuleSchema.safeParse(rule);
  if (!parsed.success) return { success: false, issues: parsed.error.issues };
  if (parsed.data.code !== code) {
    return {
      success: false,
      issues: [
        {
          code: 'custom',
          path: ['code'],
          message: 'The code in the body differs from the one in the address',
          params: { code: 'code_mismatch' },
          input: parsed.data.code,
        },
      ],
    };
  }
  const set = mergeDeadlineRules([...others.filter((r) => r.code !== code), parsed.data]);
  const whole = deadlineRulesSchema.safeParse(set);
  if (!whole.success) {
    const at = set.findIndex((r) => r.code === code);
    return {
      success: false,
      issues: whole.error.issues
        .filter((issue) => issue.path[0] === at)
        .map((issue) => ({ ...issue, path: issue.path.slice(1) })),
    };
  }
  return { success: true, rule: parsed.data };
}

/** A rule as the administration page shows it. */
export const deadlineRuleView = z.object({
  rule: deadlineRuleSchema,
  origin: z.enum(DEADLINE_RULE_ORIGINS),
  /** The default version, for a modified rule (to compare and to reset). */
  defaultRule: deadlineRuleSchema.nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type DeadlineRuleView = z.infer<typeof deadlineRuleView>;

export const deadlineRuleCodeParams = z.strictObject({ code: deadlineRuleCodeSchema });
