import type { Kysely } from 'kysely';

/**
 * The service directory (HSDS 3.0 names): organizations, services, locations
 * and which service is offered where; the users a confidential location names;
 * and the service areas and categories a search filters on. A location's
 * street address, postal code, coordinates and phone are sealed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dir_organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('maintainer_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('senda_org_id', 'text', (c) => c.references('organizations.id').unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alternate_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('website', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dir_organizations_maintainer_idx')
    .on('dir_organizations')
    .column('maintainer_org_id')
    .execute();

  await db.schema
    .createTable('dir_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('dir_organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** Every other field of the service, as the domain's schema gives it (JSON). */
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dir_services_org_idx').on('dir_services').column('organization_id').execute();

  await db.schema
    .createTable('dir_service_facets')
    .addColumn('service_id', 'text', (c) => c.notNull().references('dir_services.id').onDelete('cascade'))
    /** category, language, state, or municipality (folded, with its state: "07:tapachula"). */
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dir_service_facets_pk', ['service_id', 'facet', 'value'])
    .execute();
  await db.schema
    .createIndex('dir_service_facets_lookup_idx')
    .on('dir_service_facets')
    .columns(['facet', 'value'])
    .execute();

  await db.schema
    .createTable('dir_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('dir_organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('location_type', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('state_province', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('confidential_contact', 'text', (c) => c.notNull())
    /** address_1, address_2, postal_code, latitude, longitude, phone — sealed. */
    .addColumn('details_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dir_locations_org_idx')
    .on('dir_locations')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('dir_service_at_location')
    .addColumn('service_id', 'text', (c) => c.notNull().references('dir_services.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('dir_locations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('dir_service_at_location_pk', ['service_id', 'location_id'])
    .execute();
  await db.schema
    .createIndex('dir_service_at_location_location_idx')
    .on('dir_service_at_location')
    .column('location_id')
    .execute();

  await db.schema
    .createTable('dir_location_access')
    .addColumn('location_id', 'text', (c) => c.notNull().references('dir_locations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('granted_by', 'text', (c) => c.references('users.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dir_location_access_pk', ['location_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('dir_location_access_user_idx')
    .on('dir_location_access')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'dir_location_access',
    'dir_service_at_location',
    'dir_locations',
    'dir_service_facets',
    'dir_services',
    'dir_organizations',
  ])
    await db.schema.dropTable(table).execute();
}
