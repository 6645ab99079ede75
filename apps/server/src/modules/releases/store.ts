/**
 * Releases within the caller's reach, and how they leave the server.
 * Admins and coordinators of the organization prepare, decide and read every
 * release; analysts read approved releases only (a pending, returned or
 * withdrawn one is not theirs to see: 404); anyone else is refused.
 * Another organization's release is never found.
 */
import type { Role, ReleaseSummaryView, ReleaseView, StatFilters } from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { StatReleasesTable } from '../../db/schema-releases.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { ReleaseFigures } from './figures.js';

export const RELEASE_PREPARERS: readonly Role[] = ['admin', 'coordinator'];
export const RELEASE_READERS: readonly Role[] = [...RELEASE_PREPARERS, 'analyst'];

export const canPrepare = (actor: Actor) => RELEASE_PREPARERS.includes(actor.role);

export function requireReader(actor: Actor): void {
  if (!RELEASE_READERS.includes(actor.role)) throw forbidden();
}

export function requirePreparer(actor: Actor): void {
  if (!canPrepare(actor)) throw forbidden();
}

/** Releases the caller may see: every one of the organization, or only the approved ones for an analyst. */
function visible(db: Db, actor: Actor) {
  let query = db.selectFrom('stat_releases').selectAll().where('org_id', '=', actor.orgId);
  if (!canPrepare(actor)) query = query.where('status', '=', 'approved');
  return query;
}

export async function findRelease(db: Db, actor: Actor, id: string): Promise<StatReleasesTable> {
  const row = await visible(db, actor).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function releasesOf(db: Db, actor: Actor): Promise<StatReleasesTable[]> {
  return visible(db, actor).orderBy('prepared_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** The ε spent by an organization: the sum over its approved differential-privacy releases. */
export async function epsilonSpent(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .selectFrom('stat_releases')
    .select('epsilon')
    .where('org_id', '=', orgId)
    .where('status', '=', 'approved')
    .where('mode', '=', 'differential_privacy')
    .execute();
  // Rounded so sums of decimals read as typed (0.1 + 0.2 = 0.3).
  return Math.round(rows.reduce((sum, r) => sum + (r.epsilon ?? 0), 0) * 1e6) / 1e6;
}

/** Display names of the people who prepared and decided, by id. */
export async function namesOf(db: Db, rows: readonly StatReleasesTable[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.prepared_by, r.decided_by]).filter((id): id is string => !!id)),
  ];
  if (!ids.length) return new Map();
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(users.map((u) => [u.id, u.display_name]));
}

export function presentSummary(
  row: StatReleasesTable,
  names: ReadonlyMap<string, string>,
): ReleaseSummaryView {
  return {
    id: row.id,
    title: row.title,
    filters: JSON.parse(row.filters) as StatFilters,
    k: row.k,
    mode: row.mode as ReleaseSummaryView['mode'],
    epsilon: row.epsilon,
    status: row.status as ReleaseSummaryView['status'],
    figuresAt: row.figures_at,
    preparedBy: row.prepared_by,
    preparedByName: names.get(row.prepared_by) ?? '',
    preparedAt: row.prepared_at,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by ? (names.get(row.decided_by) ?? '') : null,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
  };
}

export function presentRelease(
  row: StatReleasesTable,
  names: ReadonlyMap<string, string>,
  actor: Actor,
): ReleaseView {
  const figures = JSON.parse(row.figures) as ReleaseFigures;
  const pending = row.status === 'pending';
  const decides = pending && canPrepare(actor) && row.prepared_by !== actor.userId;
  return {
    ...presentSummary(row, names),
    figures: figures.view,
    budget: figures.budget,
    can: {
      approve: decides,
      return: decides,
      withdraw: pending && row.prepared_by === actor.userId,
      export: row.status === 'approved',
    },
  };
}
