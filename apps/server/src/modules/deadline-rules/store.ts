import {
  deadlineRuleSchema,
  isDefaultRuleCode,
  mergeDeadlineRules,
  type DeadlineRule,
  type DeadlineRuleInput,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import type { DeadlineRulesTable } from '../../db/schema.js';

export interface StoredRule {
  readonly row: DeadlineRulesTable;
  readonly rule: DeadlineRule;
}

/**
 * The rules this organization changed or added. A stored rule that no longer
 * validates (written by an older version) is left out, so the default of that
 * code applies again — never a deadline computed from a broken rule. It is
 * reported by code only.
 */
export async function loadStoredRules(db: Db, orgId: string): Promise<StoredRule[]> {
  const rows = await db.selectFrom('deadline_rules').selectAll().where('org_id', '=', orgId).execute();
  const stored: StoredRule[] = [];
  for (const row of rows) {
    let json: unknown;
    try {
      json = JSON.parse(row.rule);
    } catch {
      json = undefined;
    }
    const parsed = deadlineRuleSchema.safeParse(json);
    if (parsed.success && parsed.data.code === row.code) stored.push({ row, rule: parsed.data });
    else
      process.emitWarning(
        `deadline rule ${row.code} of an organization no longer validates; ${
          isDefaultRuleCode(row.code) ? 'the default applies' : 'it is not applied'
        }`,
      );
  }
  return stored;
}

/** The rule set in effect for this organization (defaults with its changes and additions). */
export async function loadRules(db: Db, orgId: string): Promise<DeadlineRuleInput[]> {
  return mergeDeadlineRules((await loadStoredRules(db, orgId)).map((s) => s.rule));
}

/** The names of an organization's own rules among these codes (defaults are named by the interface). */
export async function ownRuleNames(
  db: Db,
  orgId: string,
  codes: Iterable<string>,
): Promise<Map<string, string>> {
  const own = new Set([...codes].filter((code) => !isDefaultRuleCode(code)));
  if (!own.size) return new Map();
  const stored = await loadStoredRules(db, orgId);
  return new Map(
    stored.flatMap((s) => (own.has(s.rule.code) && s.rule.name ? [[s.rule.code, s.rule.name] as const] : [])),
  );
}
