/**
 * Networks and their members as the caller may see them. Admins,
 * coordinators and analysts see every network of the installation and who
 * is in it (membership is not a figure); the installation's admins create
 * and rename networks; an organization's admin opts it in or out. Only staff
 * of statistics of a current member see a network's figures: anyone else gets
 * 404 for them.
 */
import { shiftMonth, todayInMexico, type NetworkView } from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { StatNetworksTable } from '../../db/schema-releases.js';
import { forbidden, notFound } from '../../http/errors.js';
import { STATISTICS_ROLES } from '../statistics/routes.js';

export interface Member {
  orgId: string;
  name: string;
  since: string;
  until: string | null;
}

export function requireReader(actor: Actor): void {
  if (!STATISTICS_ROLES.includes(actor.role)) throw forbidden();
}

export const currentMonth = (): string => todayInMexico().slice(0, 7);
/** The last month that is over: the latest a network's figures reach. */
export const lastMonthOver = (): string => shiftMonth(currentMonth(), -1);

export async function findNetwork(db: Db, id: string): Promise<StatNetworksTable> {
  const row = await db.selectFrom('stat_networks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Members (current and past) of some networks, by network. */
export async function membersOf(db: Db, networkIds: readonly string[]): Promise<Map<string, Member[]>> {
  const out = new Map<string, Member[]>();
  if (!networkIds.length) return out;
  const rows = await db
    .selectFrom('stat_network_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.network_id', 'm.org_id', 'o.name', 'm.since_month', 'm.until_month'])
    .where('m.network_id', 'in', networkIds)
    .orderBy('o.name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.network_id) ?? [];
    list.push({ orgId: r.org_id, name: r.name, since: r.since_month, until: r.until_month });
    out.set(r.network_id, list);
  }
  return out;
}

/** Whether the caller's organization shares with the network now. */
export const isCurrentMember = (members: readonly Member[], orgId: string): boolean =>
  members.some((m) => m.orgId === orgId && m.until === null);

export function presentNetwork(
  row: StatNetworksTable,
  members: readonly Member[],
  actor: Actor,
): NetworkView {
  const own = members.find((m) => m.orgId === actor.orgId) ?? null;
  const current = own !== null && own.until === null;
  const orgAdmin = actor.role === 'admin';
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    members: members.map((m) => ({ ...m })),
    membership: own ? { ...own } : null,
    can: {
      join: orgAdmin && (own === null || (own.until !== null && own.until < own.since)),
      leave: orgAdmin && current,
      figures: current,
      edit: actor.installationAdmin,
    },
  };
}

/** A network whose figures the caller may see, or 404. */
export async function networkForFigures(db: Db, actor: Actor, id: string): Promise<StatNetworksTable> {
  requireReader(actor);
  const row = await findNetwork(db, id);
  const members = (await membersOf(db, [row.id])).get(row.id) ?? [];
  if (!isCurrentMember(members, actor.orgId)) throw notFound();
  return row;
}
