/**
 * The stored monthly sums of an organization (table stat_cube), rebuilt from
 * its facts when they changed and on each new day (a consent may have ended).
 * The job rebuilds them; a page request rebuilds a small organization's
 * itself and otherwise reads the last build, saying when it was made.
 */
import { todayInMexico } from '@senda/domain';
import type { Db } from '../../db/database.js';
import type { CubeRow } from './derive.js';
import { Cube, filtersOf, vectorFromJson, vectorToJson, type CubeKind, type FactRow } from './vectors.js';

/** Organizations with at most this many cases get their sums rebuilt during a page request. */
export const SYNC_BUILD_LIMIT = 20_000;
const READ_PAGE = 5_000;

export const FACT_COLUMNS = [
  'case_id',
  'record_key',
  'consent_from',
  'consent_until',
  'opened_on',
  'closed_on',
  'state',
  'nationality',
  'age_band',
  'language',
  'children',
  'vulnerabilities',
  'violence',
  'violence_types',
  'modalities',
  'gbv_types',
  'perpetrators',
  'filed_on',
  'late',
  'decided_on',
  'outcome',
  'decision_days',
  'revision_filed_on',
  'revision_decided_on',
  'revision_outcome',
  'needs',
  'referrals',
] as const;

const builtKey = (orgId: string) => `cube_built:${orgId}`;
const dirtyKey = (orgId: string) => `cube_dirty:${orgId}`;

async function state(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('stat_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function setState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('stat_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Note that an organization's facts changed (its sums are out of date). */
export async function markCubeDirty(db: Db, orgIds: Iterable<string>, at: string): Promise<void> {
  for (const orgId of new Set(orgIds)) await setState(db, dirtyKey(orgId), at);
}

export interface CubeStatus {
  builtAt: string | null;
  fresh: boolean;
}

export async function cubeStatus(db: Db, orgId: string, today = todayInMexico()): Promise<CubeStatus> {
  const [built, dirty] = await Promise.all([state(db, builtKey(orgId)), state(db, dirtyKey(orgId))]);
  if (!built) return { builtAt: null, fresh: false };
  const [builtAt = '', builtOn = '', sawDirty = ''] = built.split('|');
  return { builtAt, fresh: builtOn === today && (dirty ?? '') === sawDirty };
}

/** Every fact of an organization (or of the filters given), a page at a time in case-id order. */
export async function* factsOf(
  db: Db,
  orgIds: readonly string[],
  where: { state?: string; nationality?: string; ageBand?: string; openedBy?: string } = {},
): AsyncGenerator<FactRow[]> {
  let after = '';
  for (;;) {
    let query = db
      .selectFrom('stat_facts')
      .select(FACT_COLUMNS)
      .where('org_id', 'in', orgIds)
      .where('case_id', '>', after);
    if (where.state) query = query.where('state', '=', where.state);
    if (where.nationality) query = query.where('nationality', '=', where.nationality);
    if (where.ageBand) query = query.where('age_band', '=', where.ageBand);
    if (where.openedBy) query = query.where('opened_on', '<=', where.openedBy);
    const rows = await query.orderBy('case_id').limit(READ_PAGE).execute();
    if (rows.length) yield rows;
    if (rows.length < READ_PAGE) return;
    after = rows.at(-1)?.case_id ?? after;
  }
}

/** Rebuild an organization's sums from its facts. */
export async function buildCube(db: Db, orgId: string, today = todayInMexico()): Promise<number> {
  const sawDirty = (await state(db, dirtyKey(orgId))) ?? '';
  const cube = new Cube();
  let cases = 0;
  for await (const page of factsOf(db, [orgId])) {
    for (const fact of page) cube.addFact(fact, today, filtersOf(fact));
    cases += page.length;
  }
  const rows = [...cube.vectors].map(([key, vector]) => {
    const [filter = '', month = '', kind = ''] = key.split('\u0000');
    return { org_id: orgId, filter_key: filter, month, kind, cells: vectorToJson(vector) };
  });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('stat_cube').where('org_id', '=', orgId).execute();
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('stat_cube')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'filter_key', 'month', 'kind'])
            .doUpdateSet((eb) => ({ cells: eb.ref('excluded.cells') })),
        )
        .execute();
    }
    await setState(trx, builtKey(orgId), `${new Date().toISOString()}|${today}|${sawDirty}`);
  });
  return cases;
}

/** The stored sums of one filter for organizations, up to a month. */
export async function cubeRows(
  db: Db,
  orgIds: readonly string[],
  filter: string,
  to: string,
): Promise<CubeRow[]> {
  const rows = await db
    .selectFrom('stat_cube')
    .select(['month', 'kind', 'cells'])
    .where('org_id', 'in', orgIds)
    .where('filter_key', '=', filter)
    .where('month', '<=', to)
    .execute();
  return rows.map((r) => ({ month: r.month, kind: r.kind as CubeKind, vector: vectorFromJson(r.cells) }));
}

/** Organizations whose sums are out of date. */
export async function staleCubes(db: Db, today = todayInMexico()): Promise<string[]> {
  const orgs = await db.selectFrom('organizations').select('id').execute();
  const stale: string[] = [];
  for (const { id } of orgs) if (!(await cubeStatus(db, id, today)).fresh) stale.push(id);
  return stale;
}
