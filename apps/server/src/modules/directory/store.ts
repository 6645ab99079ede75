/**
 * Reading the directory, and who may do what with it:
 * - everyone who works with cases, and partner organizations' users, reads it
 *   (analysts do not: they see aggregates only);
 * - admins and coordinators of the organization that maintains an entry
 *   change it, its services and its locations; the installation's admins
 *   (the first admin, and those named with `senda user installation-admin`)
 *   change every entry;
 * - a confidential location's street address, postal code, coordinates and
 *   phone are shown only to the organization it belongs to (as a Senda
 *   organization), the one that maintains its entry, and the users it names.
 */
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import {
  CASE_ROLES,
  errorBodySchema,
  type DirectoryOrganizationView,
  type LocationView,
  type Role,
  type Service,
  type ServiceView,
} from '@senda/domain';
import type { Actor, AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { DirLocationsTable, DirOrganizationsTable, DirServicesTable } from '../../db/schema.js';
import { forbidden, notFound } from '../../http/errors.js';

/** The error answers of every directory endpoint, and the one-id path of most. */
export const directoryErrors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
export const idParams = z.strictObject({ id: z.uuid() });

export const detailsAad = (id: string) => `dir_locations:details:${id}`;

export interface SealedDetails {
  address_1: string;
  address_2: string;
  postal_code: string;
  latitude: number | null;
  longitude: number | null;
  phone: string;
}

export function canReadDirectory(role: Role): boolean {
  return CASE_ROLES.includes(role) || role === 'partner';
}

export function requireReader(actor: Actor): void {
  if (!canReadDirectory(actor.role)) throw forbidden();
}

export function canEdit(
  actor: Pick<Actor, 'orgId' | 'role' | 'installationAdmin'>,
  org: Pick<DirOrganizationsTable, 'maintainer_org_id'>,
) {
  // The installation's admins manage every entry (a network's directory needs someone who can fix any of it).
  if (actor.installationAdmin) return true;
  return (actor.role === 'admin' || actor.role === 'coordinator') && org.maintainer_org_id === actor.orgId;
}

export function presentOrganization(actor: Actor, row: DirOrganizationsTable): DirectoryOrganizationView {
  return {
    id: row.id,
    name: row.name,
    alternate_name: row.alternate_name,
    description: row.description,
    email: row.email,
    website: row.website,
    on_senda: row.senda_org_id !== null,
    is_own: row.senda_org_id === actor.orgId,
    can_edit: canEdit(actor, row),
    updated_at: row.updated_at,
  };
}

export async function findOrganization(trx: Db, id: string): Promise<DirOrganizationsTable> {
  const row = await trx.selectFrom('dir_organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The entry, for a change: 404 when it does not exist, 403 when the caller may not change it. */
export async function findEditableOrganization(trx: Db, actor: Actor, id: string) {
  const row = await findOrganization(trx, id);
  if (!canEdit(actor, row)) throw forbidden();
  return row;
}

/** The confidential locations among `ids` whose details this person may see. */
async function revealed(
  trx: Db,
  actor: Actor,
  rows: (DirLocationsTable & { maintainer_org_id: string; senda_org_id: string | null })[],
) {
  const hidden = rows.filter(
    (r) => r.confidential === 1 && r.maintainer_org_id !== actor.orgId && r.senda_org_id !== actor.orgId,
  );
  if (hidden.length === 0) return new Set(rows.map((r) => r.id));
  const named = await trx
    .selectFrom('dir_location_access')
    .select('location_id')
    .where('user_id', '=', actor.userId)
    .where(
      'location_id',
      'in',
      hidden.map((r) => r.id),
    )
    .execute();
  const open = new Set(named.map((n) => n.location_id));
  return new Set(rows.filter((r) => !hidden.includes(r) || open.has(r.id)).map((r) => r.id));
}

export async function loadLocations(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  actor: Actor,
  where: { ids?: readonly string[]; organizationId?: string },
): Promise<LocationView[]> {
  if (where.ids && where.ids.length === 0) return [];
  let q = trx
    .selectFrom('dir_locations as l')
    .innerJoin('dir_organizations as o', 'o.id', 'l.organization_id')
    .selectAll('l')
    .select(['o.maintainer_org_id', 'o.senda_org_id']);
  if (where.ids) q = q.where('l.id', 'in', where.ids);
  if (where.organizationId) q = q.where('l.organization_id', '=', where.organizationId);
  const rows = await q.orderBy('l.name').orderBy('l.id').execute();
  const seen = await revealed(trx, actor, rows);
  return Promise.all(
    rows.map(async (r): Promise<LocationView> => {
      const show = seen.has(r.id);
      let details: SealedDetails | null = null;
      if (show) {
        try {
          details = JSON.parse(await ctx.cipher.decrypt(r.details_enc, detailsAad(r.id))) as SealedDetails;
        } catch {
          log.error({ locationId: r.id }, 'a directory location could not be decrypted');
        }
      }
      return {
        id: r.id,
        organization_id: r.organization_id,
        name: r.name,
        description: r.description,
        location_type: r.location_type as LocationView['location_type'],
        city: r.city,
        state_province: r.state_province as LocationView['state_province'],
        country: r.country as LocationView['country'],
        confidential: r.confidential === 1,
        confidential_contact: r.confidential_contact,
        address_1: details?.address_1 ?? null,
        address_2: details?.address_2 ?? null,
        postal_code: details?.postal_code ?? null,
        latitude: details?.latitude ?? null,
        longitude: details?.longitude ?? null,
        phone: details?.phone ?? null,
        details_hidden: !show,
        updated_at: r.updated_at,
      };
    }),
  );
}

export async function presentServices(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  actor: Actor,
  rows: (DirServicesTable & { org: DirOrganizationsTable })[],
): Promise<ServiceView[]> {
  if (rows.length === 0) return [];
  const links = await trx
    .selectFrom('dir_service_at_location')
    .selectAll()
    .where(
      'service_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const locations = await loadLocations(ctx, log, trx, actor, {
    ids: [...new Set(links.map((l) => l.location_id))],
  });
  return rows.map((r) => {
    const record = JSON.parse(r.record) as Omit<Service, 'location_ids'>;
    const mine = links.filter((l) => l.service_id === r.id).map((l) => l.location_id);
    return {
      ...record,
      name: r.name,
      status: r.status as ServiceView['status'],
      location_ids: mine,
      id: r.id,
      organization: {
        id: r.org.id,
        name: r.org.name,
        on_senda: r.org.senda_org_id !== null,
        can_edit: canEdit(actor, r.org),
      },
      locations: locations.filter((l) => mine.includes(l.id)),
      updated_at: r.updated_at,
    };
  });
}
