/**
 * Consent records of a case: recorded by anyone on the case, checked against
 * her age band on the day given (a girl's assent and her caregiver's consent),
 * never deleted — withdrawn, with who and when. The list answers with what is
 * in force today; whatever depends on a purpose asks `consentHolds` again.
 */
import type { FastifyInstance, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  ageBandOn,
  consentHolds,
  consentInput,
  consentIssuesForAge,
  consentListView,
  consentStatusOn,
  consentView,
  consentWithdrawalInput,
  todayInMexico,
  type AgeBand,
  type ConsentPurpose,
  type ConsentRecordState,
  type ConsentView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CaseConsentsTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { findVisibleCase, survivorAgeOf, touchCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { revokeLapsed } from '../referrals/sweep.js';

const consentParams = z.strictObject({ id: z.uuid(), consentId: z.uuid() });
const aad = (id: string, column: string) => `case_consents:${column}:${id}`;

type Row = CaseConsentsTable & { recorder: string | null; withdrawer: string | null };

interface People {
  caregiverName: string;
  caregiverRelationship: string;
  witnessName: string;
}

function stateOf(row: CaseConsentsTable): ConsentRecordState {
  return {
    purpose: row.purpose as ConsentPurpose,
    recipient: row.recipient,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    withdrawnOn: row.withdrawn_on,
  };
}

async function present(
  ctx: AppContext,
  log: FastifyBaseLogger,
  row: Row,
  today: string,
): Promise<ConsentView> {
  let people: People = { caregiverName: '', caregiverRelationship: '', witnessName: '' };
  let note = '';
  try {
    people = JSON.parse(await ctx.cipher.decrypt(row.people_enc, aad(row.id, 'people'))) as People;
    if (row.withdrawal_note_enc)
      note = await ctx.cipher.decrypt(row.withdrawal_note_enc, aad(row.id, 'withdrawal_note'));
  } catch {
    log.error({ consentId: row.id }, 'a consent record could not be decrypted');
  }
  return {
    id: row.id,
    purpose: row.purpose as ConsentView['purpose'],
    recipient: row.recipient,
    scope: JSON.parse(row.scope) as ConsentView['scope'],
    givenBy: row.given_by as ConsentView['givenBy'],
    ...people,
    childAssent: row.child_assent === null ? null : row.child_assent === 1,
    method: row.method as ConsentView['method'],
    documentId: row.document_id,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    ageBand: row.age_band as AgeBand,
    status: consentStatusOn(stateOf(row), today),
    withdrawal:
      row.withdrawn_on && row.withdrawn_by
        ? {
            on: row.withdrawn_on,
            by: row.withdrawn_by as NonNullable<ConsentView['withdrawal']>['by'],
            note,
            recordedBy: row.withdrawer,
          }
        : null,
    recordedBy: row.recorder,
    createdAt: row.created_at,
  };
}

function loadRows(trx: Db, caseId: string, consentId?: string) {
  let query = trx
    .selectFrom('case_consents as c')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .leftJoin('users as w', 'w.id', 'c.withdrawal_recorded_by')
    .selectAll('c')
    .select(['u.display_name as recorder', 'w.display_name as withdrawer'])
    .where('c.case_id', '=', caseId);
  if (consentId) query = query.where('c.id', '=', consentId);
  return query.orderBy('c.given_on', 'desc').orderBy('c.created_at', 'desc').execute();
}

/** What her consents allow on a day (the list's `inForce`). */
export function consentsInForce(rows: readonly CaseConsentsTable[], day: string) {
  const states = rows.map(stateOf);
  return {
    services: consentHolds(states, 'services', day),
    contact: consentHolds(states, 'contact', day),
    statistics: consentHolds(states, 'statistics', day),
    referralSharingWith: [
      ...new Set(
        states
          .filter((s) => s.purpose === 'referral_sharing' && consentStatusOn(s, day) === 'active')
          .map((s) => s.recipient),
      ),
    ],
  };
}

export function registerConsentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/consents',
    { schema: { tags: ['consent'], params: caseParams, response: { 200: consentListView, ...caseErrors } } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const rows = await loadRows(trx, survivor.id);
        const today = todayInMexico();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.consents.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
        });
        return {
          items: await Promise.all(rows.map((row) => present(ctx, request.log, row, today))),
          inForce: consentsInForce(rows, today),
        };
      });
    },
  );

  r.post(
    '/cases/:id/consents',
    {
      schema: {
        tags: ['consent'],
        params: caseParams,
        body: consentInput,
        response: { 201: consentView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const consent = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const band = ageBandOn(survivorAgeOf(survivor), consent.givenOn);
        const problems = consentIssuesForAge(consent, band);
        if (consent.documentId !== null) {
          const document = await trx
            .selectFrom('case_documents')
            .select('id')
            .where('id', '=', consent.documentId)
            .where('case_id', '=', survivor.id)
            .where('kind', '=', 'consent_form')
            .executeTakeFirst();
          if (!document) problems.push({ path: 'documentId', code: 'document_not_found' });
        }
        if (problems.length) throw invalid(problems);
        const id = uuidv7();
        const now = nowIso();
        const people: People = {
          caregiverName: consent.caregiverName,
          caregiverRelationship: consent.caregiverRelationship,
          witnessName: consent.witnessName,
        };
        await trx
          .insertInto('case_consents')
          .values({
            id,
            case_id: survivor.id,
            purpose: consent.purpose,
            recipient: consent.recipient,
            scope: JSON.stringify(consent.scope),
            given_by: consent.givenBy,
            child_assent: consent.childAssent === null ? null : consent.childAssent ? 1 : 0,
            method: consent.method,
            people_enc: ctx.cipher.encrypt(JSON.stringify(people), aad(id, 'people')),
            document_id: consent.documentId,
            given_on: consent.givenOn,
            expires_on: consent.expiresOn,
            age_band: band,
            withdrawn_on: null,
            withdrawn_by: null,
            withdrawal_note_enc: null,
            withdrawal_recorded_by: null,
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
        await touchCase(trx, survivor.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.consent.create',
          entityType: 'case_consent',
          entityId: id,
          caseId: survivor.id,
          fields: Object.keys(request.body),
        });
        const [row] = await loadRows(trx, survivor.id, id);
        if (!row) throw notFound();
        return present(ctx, request.log, row, todayInMexico());
      });
      return reply.code(201).send(view);
    },
  );

  r.post(
    '/cases/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['consent'],
        params: consentParams,
        body: consentWithdrawalInput,
        response: { 200: consentView, ...caseErrors, 409: caseErrors[400] },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const [current] = await loadRows(trx, survivor.id, request.params.consentId);
        if (!current) throw notFound();
        if (current.withdrawn_on !== null)
          throw new AppError(409, 'conflict', 'This consent was already withdrawn');
        const { withdrawnOn, withdrawnBy, note } = request.body;
        if (withdrawnOn < current.given_on)
          throw invalid([{ path: 'withdrawnOn', code: 'withdrawal_before_given' }]);
        await trx
          .updateTable('case_consents')
          .set({
            withdrawn_on: withdrawnOn,
            withdrawn_by: withdrawnBy,
            withdrawal_note_enc: note ? ctx.cipher.encrypt(note, aad(current.id, 'withdrawal_note')) : null,
            withdrawal_recorded_by: actor.userId,
          })
          .where('id', '=', current.id)
          .execute();
        await touchCase(trx, survivor.id, nowIso());
        // What the withdrawal no longer covers is revoked at once: the other organization loses access now.
        await revokeLapsed(ctx, trx, survivor.id, todayInMexico(), request.log);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.consent.withdraw',
          entityType: 'case_consent',
          entityId: current.id,
          caseId: survivor.id,
          fields: Object.keys(request.body),
        });
        const [row] = await loadRows(trx, survivor.id, current.id);
        if (!row) throw notFound();
        return present(ctx, request.log, row, todayInMexico());
      });
    },
  );
}
