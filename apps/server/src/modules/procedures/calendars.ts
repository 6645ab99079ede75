import {
  AUTHORITIES,
  datedEntrySchema,
  defaultCalendar,
  type Authority,
  type BusinessCalendar,
  type DatedEntryInput,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import type { CalendarEntriesTable } from '../../db/schema.js';

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
