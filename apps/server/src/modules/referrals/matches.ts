/**
 * "Services that fit this woman": the active services answering one of her
 * needs, each with why it fits her or not (age, gender, nationality,
 * children, language, location, availability) and whether a consent to share
 * with its organization is in force and what it covers. Fitting ones first.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ageOn,
  serviceFit,
  serviceMatchListView,
  serviceMatchQuery,
  serviceShape,
  sharingScopes,
  todayInMexico,
  type Service,
  type ServiceMatchView,
} from '@senda/domain';
import { z } from 'zod';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { invalid } from '../../http/errors.js';
import { consentStates, findVisibleCase, survivorAgeOf } from '../cases/queries.js';
import { jsonList } from '../cases/presenter.js';
import { caseErrors, caseParams } from '../cases/routes.js';

const CHILD_RELATIONSHIPS = ['daughter', 'son', 'grandchild'];
/** Older records may lack fields added later: the parser fills their defaults. */
const storedService = z.object(serviceShape).partial();
const MAX_MATCHES = 200;

export function registerMatchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/service-matches',
    {
      schema: {
        tags: ['referrals'],
        params: caseParams,
        querystring: serviceMatchQuery,
        response: { 200: serviceMatchListView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const need = await trx
          .selectFrom('case_needs')
          .select(['domain'])
          .where('id', '=', request.query.needId)
          .where('case_id', '=', survivor.id)
          .executeTakeFirst();
        if (!need) throw invalid([{ path: 'needId', code: 'need_not_found' }]);
        const today = todayInMexico();
        const members = await trx
          .selectFrom('case_members')
          .select(['relationship', 'birth_date', 'estimated_age', 'created_at'])
          .where('case_id', '=', survivor.id)
          .execute();
        const children = members.filter((m) => {
          if (!CHILD_RELATIONSHIPS.includes(m.relationship)) return false;
          const age = ageOn(
            {
              birthDate: m.birth_date,
              estimatedAge: m.estimated_age,
              registeredOn: m.created_at.slice(0, 10),
            },
            today,
          );
          return age === null || age < 18;
        }).length;
        const woman = {
          age: ageOn(survivorAgeOf(survivor), today),
          genderIdentity: survivor.gender_identity,
          nationalities: jsonList<string>(survivor.nationalities),
          languages: jsonList<string>(survivor.languages),
          needsInterpreter: survivor.needs_interpreter === 1,
          state: survivor.state,
          municipality: survivor.municipality,
          children,
        };
        const rows = await trx
          .selectFrom('dir_services as s')
          .innerJoin('dir_organizations as o', 'o.id', 's.organization_id')
          .innerJoin('dir_service_facets as f', 'f.service_id', 's.id')
          .select(['s.id', 's.name', 's.record', 'o.name as org_name', 'o.senda_org_id'])
          .where('f.facet', '=', 'category')
          .where('f.value', '=', need.domain)
          .where('s.status', '=', 'active')
          .where((eb) => eb.or([eb('o.senda_org_id', 'is', null), eb('o.senda_org_id', '!=', actor.orgId)]))
          .orderBy('s.name')
          .limit(MAX_MATCHES)
          .execute();
        const consents = await consentStates(trx, survivor.id);
        const items: ServiceMatchView[] = rows.map((row) => {
          const parsed = storedService.safeParse(JSON.parse(row.record));
          const record = (parsed.success ? parsed.data : {}) as Partial<Service>;
          const fit = serviceFit(
            {
              genders: record.genders ?? [],
              minimum_age: record.minimum_age ?? null,
              maximum_age: record.maximum_age ?? null,
              nationalities: record.nationalities ?? [],
              accepts_children: record.accepts_children ?? null,
              languages: record.languages ?? [],
              interpretation_services: record.interpretation_services ?? '',
              service_areas: record.service_areas ?? [],
              availability: record.availability ?? 'unknown',
            },
            woman,
          );
          const scopes = sharingScopes(consents, row.org_name, today);
          return {
            service: {
              id: row.id,
              name: row.name,
              organization: row.org_name,
              onSenda: row.senda_org_id !== null,
              referralMethod: record.referral_method ?? 'phone',
              responseBusinessDays: record.response_business_days ?? 3,
            },
            ...fit,
            consent: { holds: scopes !== null, scopes: scopes ? [...scopes].sort() : [] },
          };
        });
        items.sort((a, b) => Number(b.fits) - Number(a.fits));
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.service_matches.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
        });
        return { items };
      });
    },
  );
}
