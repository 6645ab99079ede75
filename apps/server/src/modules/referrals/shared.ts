/**
 * Her data as a referral shares it: each part only when its scope item is in
 * the referral (absent otherwise), read live from the case so that the
 * receiving side sees today's record, never a copy. Narratives are opened
 * only for the `narratives` item; documents only those chosen.
 */
import type { FastifyBaseLogger } from 'fastify';
import { ageOn, todayInMexico, type ReferralShare, type SharedCaseView } from '@senda/domain';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import { survivorAgeOf } from '../cases/queries.js';
import { jsonList, presentProfile } from '../cases/presenter.js';

type View = SharedCaseView;
const narrativeAad = (incidentId: string) => `case_incidents:narrative:${incidentId}`;
const fileNameAad = (documentId: string) => `case_documents:file_name:${documentId}`;

async function open(
  ctx: AppContext,
  log: FastifyBaseLogger,
  value: string | null,
  aad: string,
  id: string,
): Promise<string> {
  if (!value) return '';
  try {
    return await ctx.cipher.decrypt(value, aad);
  } catch {
    log.error({ id }, 'a shared text could not be decrypted');
    return '';
  }
}

export async function sharedData(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  survivor: CasesTable,
  scope: readonly ReferralShare[],
  documentIds: readonly string[],
): Promise<View> {
  const has = (item: ReferralShare) => scope.includes(item);
  const today = todayInMexico();
  const shared: View = {};
  if (has('identity') || has('contact_details')) {
    const profile = await presentProfile(survivor, ctx.cipher);
    if (has('identity'))
      shared.identity = {
        givenNames: profile.givenNames,
        familyNames: profile.familyNames,
        preferredName: profile.preferredName,
        birthDate: profile.birthDate,
        age: ageOn(survivorAgeOf(survivor), today),
        genderIdentity: profile.genderIdentity,
        nationalities: profile.nationalities,
        languages: profile.languages,
        needsInterpreter: profile.needsInterpreter,
      };
    if (has('contact_details'))
      shared.contact = {
        contactMethod: profile.contactMethod,
        contactDetails: profile.contactDetails,
        mayLeaveMessage: profile.mayLeaveMessage,
        state: profile.state,
        municipality: profile.municipality,
      };
  }
  if (has('family')) {
    const members = await trx
      .selectFrom('case_members')
      .selectAll()
      .where('case_id', '=', survivor.id)
      .orderBy('created_at')
      .execute();
    shared.family = members.map((m) => ({
      relationship: m.relationship as never,
      givenNames: m.given_names,
      age: ageOn(
        { birthDate: m.birth_date, estimatedAge: m.estimated_age, registeredOn: m.created_at.slice(0, 10) },
        today,
      ),
      sex: m.sex as never,
    }));
  }
  if (has('needs')) {
    const needs = await trx
      .selectFrom('case_needs')
      .select(['domain', 'detail', 'priority', 'status'])
      .where('case_id', '=', survivor.id)
      .orderBy('created_at')
      .execute();
    shared.needs = needs.map((n) => ({
      domain: n.domain as never,
      detail: n.detail as never,
      priority: n.priority as never,
      status: n.status as never,
    }));
  }
  if (has('migration_status')) {
    const events = await trx
      .selectFrom('procedure_events as e')
      .innerJoin('procedures as p', 'p.id', 'e.procedure_id')
      .select(['e.type', 'e.date'])
      .where('p.case_id', '=', survivor.id)
      .orderBy('e.date')
      .execute();
    shared.procedure = {
      step: survivor.step as never,
      events: events.map((e) => ({ type: e.type as never, date: e.date })),
    };
  }
  if (has('violence_history') || has('narratives')) {
    const incidents = await trx
      .selectFrom('case_incidents')
      .selectAll()
      .where('case_id', '=', survivor.id)
      .orderBy('from_date')
      .execute();
    if (has('violence_history'))
      shared.violence = incidents.map((i) => ({
        phase: i.phase as never,
        from: i.from_date,
        types: jsonList(i.types) as never,
        gbvType: i.gbv_type as never,
        perpetrator: i.perpetrator as never,
      }));
    if (has('narratives')) {
      const narratives: NonNullable<View['narratives']> = [];
      for (const i of incidents) {
        if (!i.narrative_enc) continue;
        const text = await open(ctx, log, i.narrative_enc, narrativeAad(i.id), i.id);
        if (text) narratives.push({ phase: i.phase as never, from: i.from_date, text });
      }
      shared.narratives = narratives;
    }
  }
  if (has('documents')) {
    const documents = documentIds.length
      ? await trx
          .selectFrom('case_documents')
          .select(['id', 'kind', 'file_name_enc', 'size'])
          .where('case_id', '=', survivor.id)
          .where('id', 'in', [...documentIds])
          .orderBy('created_at')
          .execute()
      : [];
    shared.documents = [];
    for (const d of documents)
      shared.documents.push({
        id: d.id,
        kind: d.kind,
        fileName: await open(ctx, log, d.file_name_enc, fileNameAad(d.id), d.id),
        size: d.size,
      });
  }
  return shared;
}
