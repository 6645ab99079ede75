import {
  AUTHORITIES,
  datedEntrySchema,
  defaultCalendar,
  type Authority,
  type BusinessCalendar,
  type DatedEntryInput,
  type DeadlineRuleInput,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import type { CalendarEntriesTable } from '../../db/schema.js';
import { loadRules } from '../deadline-rules/store.js';

export function entryOfRow(row: CalendarEntriesTable): DatedEntryInput {
  const common = {
    id: row.id,
    authority: row.authority as Authority,
    source: row.source,
    ...(row.note ? { note: row.note } : {}),
  };
  return row.kind === 'suspension'
    ? { ...common, kind: 'suspension', from: row.from_date, to: row.to_date }
    : { ...common, kind: 'non_business_day', date: row.from_date };
}

/** The organization's calendars: the rules of each authority plus the dated entries its staff added. */
export async function loadCalendars(db: Db, orgId: string): Promise<Record<Authority, BusinessCalendar>> {
  const rows = await db.selectFrom('calendar_entries').selectAll().where('org_id', '=', orgId).execute();
  // Rows were validated on the way in; a row that no longer parses is left out rather than break every deadline.
  const entries = rows.map(entryOfRow).filter((e) => datedEntrySchema.safeParse(e).success);
  return Object.fromEntries(
    AUTHORITIES.map((a) => [
      a,
      defaultCalendar(
        a,
        entries.filter((e) => e.authority === a),
      ),
    ]),
  ) as Record<Authority, BusinessCalendar>;
}

/** What deadlines are computed with: the organization's calendars and its deadline rules. */
export interface DeadlineSetup {
  readonly calendars: Record<Authority, BusinessCalendar>;
  readonly rules: readonly DeadlineRuleInput[];
}

export async function loadDeadlineSetup(db: Db, orgId: string): Promise<DeadlineSetup> {
  const [calendars, rules] = await Promise.all([loadCalendars(db, orgId), loadRules(db, orgId)]);
  return { calendars, rules };
}

/** Active staff assigned to these cases, by case (who is responsible for a deadline). */
export async function loadStaffOfCases(
  db: Db,
  caseIds: readonly string[],
): Promise<Map<string, { userId: string; displayName: string; roleOnCase: string }[]>> {
  const byCase = new Map<string, { userId: string; displayName: string; roleOnCase: string }[]>();
  if (!caseIds.length) return byCase;
  const rows = await db
    .selectFrom('case_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.case_id', 'a.user_id', 'u.display_name', 'a.role_on_case'])
    .where('a.case_id', 'in', [...caseIds])
    .where('u.active', '=', 1)
    .orderBy('a.created_at')
    .execute();
  for (const row of rows) {
    const list = byCase.get(row.case_id) ?? [];
    list.push({ userId: row.user_id, displayName: row.display_name, roleOnCase: row.role_on_case });
    byCase.set(row.case_id, list);
  }
  return byCase;
}
