/**
 * Workshops and community activities, and who may reach them:
 * - staff of the organization with a case role (admin, coordinator, lawyer,
 *   psychologist, social worker, intake) read and write its workshops;
 * - analysts (aggregates only: they see workshops through the statistics)
 *   and partner organizations' users are refused (403), as for the
 *   organization's calendar;
 * - another organization's workshop is not found (404): every query below
 *   starts from the caller's organization.
 *
 * Nothing here is personal data (titles name activities, participants are
 * counts), but file names and titles still never go into the logs.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import {
  CASE_ROLES,
  PARTICIPANT_GENDERS,
  STAT_AGE_BANDS,
  errorBodySchema,
  participantKey,
  participantTotal,
  type ParticipantRow,
  type ParticipantRowView,
  type Workshop,
  type WorkshopKind,
  type WorkshopMaterialView,
  type WorkshopTopic,
  type WorkshopView,
} from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { WorkshopsTable } from '../../db/schema-workshops.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';

/** The error answers of every workshop endpoint. */
export const workshopErrors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
export const workshopParams = z.strictObject({ id: z.uuid() });
export const materialParams = z.strictObject({ id: z.uuid(), materialId: z.uuid() });

/** Refuse everyone but the organization's case staff (deny by default). */
export function requireWorkshopStaff(actor: Pick<Actor, 'role'>): void {
  if (!CASE_ROLES.includes(actor.role)) throw forbidden();
}

/** The caller's organization's workshop, or 404. */
export async function findWorkshop(trx: Db, actor: Actor, id: string): Promise<WorkshopsTable> {
  requireWorkshopStaff(actor);
  const row = await trx
    .selectFrom('workshops')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The columns of a workshop, from its input (the other topic kept only for the topic "other"). */
export function workshopColumns(input: Workshop) {
  return {
    kind: input.kind,
    title: input.title,
    held_on: input.heldOn,
    state: input.state,
    municipality: input.municipality,
    topic: input.topic,
    other_topic: input.topic === 'other' ? input.otherTopic : '',
    language: input.language,
    co_facilitators: JSON.stringify(input.coFacilitators),
  };
}

/** The names of the fields a change really changes (rows of participants compared as a set). */
export function changedFields(
  row: WorkshopsTable,
  participants: readonly ParticipantRowView[],
  input: Workshop,
) {
  const rows = (list: readonly ParticipantRowView[]) =>
    list.map((r) => `${participantKey(r)}|${r.count}`).sort();
  const before: Record<string, unknown> = {
    kind: row.kind,
    title: row.title,
    heldOn: row.held_on,
    state: row.state,
    municipality: row.municipality,
    topic: row.topic,
    otherTopic: row.other_topic,
    language: row.language,
    coFacilitators: parseNames(row.co_facilitators),
    participants: rows(participants),
  };
  const columns = workshopColumns(input);
  const after: Record<string, unknown> = {
    ...input,
    otherTopic: columns.other_topic,
    participants: rows(input.participants),
  };
  return Object.keys(before).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function parseNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Replace the rows of participants of a workshop. */
export async function writeParticipants(trx: Db, workshopId: string, rows: readonly ParticipantRow[]) {
  await trx.deleteFrom('workshop_participants').where('workshop_id', '=', workshopId).execute();
  if (!rows.length) return;
  await trx
    .insertInto('workshop_participants')
    .values(
      rows.map((r) => ({
        workshop_id: workshopId,
        gender: r.gender,
        age_band: r.ageBand,
        nationality: r.nationality,
        count: r.count,
      })),
    )
    .execute();
}

const genderOrder = (g: string) => (PARTICIPANT_GENDERS as readonly string[]).indexOf(g);
const bandOrder = (b: string) => (STAT_AGE_BANDS as readonly string[]).indexOf(b);

/** A workshop's rows of participants, in the order of the domain's genders and age bands. */
export async function readParticipants(trx: Db, workshopId: string): Promise<ParticipantRowView[]> {
  const rows = await trx
    .selectFrom('workshop_participants')
    .select(['gender', 'age_band', 'nationality', 'count'])
    .where('workshop_id', '=', workshopId)
    .execute();
  return rows
    .map((r) => ({
      gender: r.gender as ParticipantRowView['gender'],
      ageBand: r.age_band as ParticipantRowView['ageBand'],
      nationality: r.nationality as ParticipantRowView['nationality'],
      count: r.count,
    }))
    .sort(
      (a, b) =>
        genderOrder(a.gender) - genderOrder(b.gender) ||
        bandOrder(a.ageBand) - bandOrder(b.ageBand) ||
        a.nationality.localeCompare(b.nationality),
    );
}

/** The materials of a workshop (never their content), oldest first. */
export async function readMaterials(trx: Db, workshopId: string): Promise<WorkshopMaterialView[]> {
  const rows = await trx
    .selectFrom('workshop_materials as m')
    .leftJoin('users as u', 'u.id', 'm.uploaded_by')
    .select(['m.id', 'm.file_name', 'm.media_type', 'm.size', 'u.display_name', 'm.created_at'])
    .where('m.workshop_id', '=', workshopId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows.map(presentMaterial);
}

export function presentMaterial(row: {
  id: string;
  file_name: string;
  media_type: string;
  size: number;
  display_name: string | null;
  created_at: string;
}): WorkshopMaterialView {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    uploadedBy: row.display_name,
    createdAt: row.created_at,
  };
}

/** The whole workshop as it leaves the server. */
export async function presentWorkshop(trx: Db, row: WorkshopsTable): Promise<WorkshopView> {
  const participants = await readParticipants(trx, row.id);
  const creator = row.created_by
    ? await trx.selectFrom('users').select('display_name').where('id', '=', row.created_by).executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    kind: row.kind as WorkshopKind,
    title: row.title,
    heldOn: row.held_on,
    state: row.state,
    municipality: row.municipality,
    topic: row.topic as WorkshopTopic,
    otherTopic: row.other_topic,
    language: row.language,
    participantTotal: participantTotal(participants),
    coFacilitators: parseNames(row.co_facilitators),
    participants,
    materials: await readMaterials(trx, row.id),
    version: row.version,
    createdBy: creator?.display_name ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A page's end, as an opaque cursor: the date and id of its last workshop (keyset paging). */
export const writeCursor = (heldOn: string, id: string) =>
  Buffer.from(JSON.stringify([heldOn, id])).toString('base64url');

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function readCursor(cursor: string): { heldOn: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      DAY.test(value[0]) &&
      UUID.test(value[1])
    )
      return { heldOn: value[0], id: value[1] };
  } catch {
    // Not a cursor of ours.
  }
  throw invalid([{ path: 'cursor', code: 'invalid' }]);
}

/** A whole number from an aggregate (SQLite and PostgreSQL answer sums differently). */
export const asCount = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** The sum of a workshop's participants, as a correlated subquery of `workshops as w`. */
export const participantSum = sql<number>`(select coalesce(sum(p.count), 0) from workshop_participants p where p.workshop_id = w.id)`;
/** The number of a workshop's materials, as a correlated subquery of `workshops as w`. */
export const materialCount = sql<number>`(select count(*) from workshop_materials m where m.workshop_id = w.id)`;
