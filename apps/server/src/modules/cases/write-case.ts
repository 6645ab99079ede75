/** Creating and changing a case: one function per act, each auditing in its transaction. */
import { v7 as uuidv7 } from 'uuid';
import {
  PRIVACY_NOTICE_VERSION,
  formatCaseCode,
  searchPrefixes,
  todayInMexico,
  type CaseCreateInput,
  type CaseProfile,
  type CaseUpdate,
  type FamilyMemberInput,
  type PrivacyNoticeAcceptance,
} from '@senda/domain';
import type { z } from 'zod';
import type { familyMemberInput } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import type { Actor, AppContext } from '../../context.js';
import { lockForUpdate, type Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import { contactAad, presentProfile } from './presenter.js';

type Member = z.output<typeof familyMemberInput>;
const CASE_CODE_LOCK = 7_002;

/** Profile fields as columns; contact details are sealed with the case id as associated data. */
function profileColumns(ctx: AppContext, caseId: string, p: Partial<CaseProfile>): Partial<CasesTable> {
  const cols: Partial<CasesTable> = {};
  const bool = (v: boolean) => (v ? 1 : 0);
  if (p.givenNames !== undefined) cols.given_names = p.givenNames;
  if (p.familyNames !== undefined) cols.family_names = p.familyNames;
  if (p.preferredName !== undefined) cols.preferred_name = p.preferredName;
  if (p.birthDate !== undefined) cols.birth_date = p.birthDate;
  if (p.estimatedAge !== undefined) cols.estimated_age = p.estimatedAge;
  if (p.genderIdentity !== undefined) cols.gender_identity = p.genderIdentity;
  if (p.nationalities !== undefined) cols.nationalities = JSON.stringify([...new Set(p.nationalities)]);
  if (p.languages !== undefined) cols.languages = JSON.stringify([...new Set(p.languages)]);
  if (p.needsInterpreter !== undefined) cols.needs_interpreter = bool(p.needsInterpreter);
  if (p.entryDate !== undefined) cols.entry_date = p.entryDate;
  if (p.entryPlace !== undefined) cols.entry_place = p.entryPlace;
  if (p.state !== undefined) cols.state = p.state;
  if (p.municipality !== undefined) cols.municipality = p.municipality;
  if (p.contactMethod !== undefined) cols.contact_method = p.contactMethod;
  if (p.contactDetails !== undefined) {
    cols.contact_details_enc = p.contactDetails
      ? ctx.cipher.encrypt(p.contactDetails, contactAad(caseId))
      : null;
  }
  if (p.mayLeaveMessage !== undefined) cols.may_leave_message = bool(p.mayLeaveMessage);
  if (p.pregnant !== undefined) cols.pregnant = bool(p.pregnant);
  if (p.disability !== undefined) cols.disability = bool(p.disability);
  if (p.indigenous !== undefined) cols.indigenous = bool(p.indigenous);
  if (p.lgbtiq !== undefined) cols.lgbtiq = bool(p.lgbtiq);
  if (p.vulnerabilities !== undefined) cols.vulnerabilities = JSON.stringify([...new Set(p.vulnerabilities)]);
  if (p.documents !== undefined) cols.documents = JSON.stringify([...new Set(p.documents)]);
  if (p.referralSource !== undefined) cols.referral_source = p.referralSource;
  return cols;
}

async function writeSearchIndex(
  trx: Db,
  caseId: string,
  orgId: string,
  row: Pick<CasesTable, 'given_names' | 'family_names' | 'preferred_name'>,
) {
  await trx.deleteFrom('case_name_tokens').where('case_id', '=', caseId).execute();
  const tokens = searchPrefixes(row.given_names, row.family_names, row.preferred_name);
  if (tokens.length) {
    await trx
      .insertInto('case_name_tokens')
      .values(tokens.map((token) => ({ case_id: caseId, org_id: orgId, token })))
      .execute();
  }
}

async function writeNationalities(trx: Db, caseId: string, nationalities: readonly string[]) {
  await trx.deleteFrom('case_nationalities').where('case_id', '=', caseId).execute();
  const unique = [...new Set(nationalities)];
  if (unique.length) {
    await trx
      .insertInto('case_nationalities')
      .values(unique.map((country) => ({ case_id: caseId, country })))
      .execute();
  }
}

/** The next case code of the organization for this year, e.g. IMU-2026-00042. */
async function nextCaseCode(ctx: AppContext, trx: Db, orgId: string): Promise<string> {
  await lockForUpdate(trx, ctx.dialect, CASE_CODE_LOCK);
  const year = Number(todayInMexico().slice(0, 4));
  const org = await trx
    .selectFrom('organizations')
    .select('case_prefix')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const counter = await trx
    .selectFrom('case_counters')
    .select('last_seq')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  const seq = (counter?.last_seq ?? 0) + 1;
  if (counter) {
    await trx
      .updateTable('case_counters')
      .set({ last_seq: seq })
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .execute();
  } else {
    await trx.insertInto('case_counters').values({ org_id: orgId, year, last_seq: seq }).execute();
  }
  return formatCaseCode(org.case_prefix, year, seq);
}

export function memberColumns(m: Partial<Member>) {
  const cols: Record<string, string | number | null> = {};
  if (m.relationship !== undefined) cols.relationship = m.relationship;
  if (m.givenNames !== undefined) cols.given_names = m.givenNames;
  if (m.familyNames !== undefined) cols.family_names = m.familyNames;
  if (m.birthDate !== undefined) cols.birth_date = m.birthDate;
  if (m.estimatedAge !== undefined) cols.estimated_age = m.estimatedAge;
  if (m.sex !== undefined) cols.sex = m.sex;
  return cols;
}

export async function insertMember(trx: Db, caseId: string, m: Member, now: string): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('case_members')
    .values({
      id,
      case_id: caseId,
      relationship: m.relationship,
      given_names: m.givenNames,
      family_names: m.familyNames,
      birth_date: m.birthDate,
      estimated_age: m.estimatedAge,
      sex: m.sex,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Register a woman and her family; the person registering is assigned to the case. */
export async function createCase(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  input: CaseProfile & { familyMembers: Member[]; privacyNotice: PrivacyNoticeAcceptance },
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  const code = await nextCaseCode(ctx, trx, actor.orgId);
  const { familyMembers, privacyNotice, ...profile } = input;
  const cols = profileColumns(ctx, id, profile) as Omit<CasesTable, 'id'>;
  await trx
    .insertInto('cases')
    .values({
      ...cols,
      id,
      org_id: actor.orgId,
      code,
      status: 'open',
      closure_reason: null,
      step: 'engagement',
      contact_details_enc: cols.contact_details_enc ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      last_activity_at: now,
      version: 1,
      care_plan_version: 0,
    })
    .execute();
  await trx
    .insertInto('case_privacy_notices')
    .values({
      id: uuidv7(),
      case_id: id,
      version: PRIVACY_NOTICE_VERSION,
      language: privacyNotice.language,
      presented_how: privacyNotice.presentedHow,
      accepted_on: privacyNotice.acceptedOn,
      recorded_by: actor.userId,
      created_at: now,
    })
    .execute();
  await writeSearchIndex(trx, id, actor.orgId, cols);
  await writeNationalities(trx, id, profile.nationalities);
  for (const member of familyMembers) await insertMember(trx, id, member, now);
  await trx
    .insertInto('case_assignments')
    .values({ case_id: id, user_id: actor.userId, role_on_case: roleOnCaseFor(actor.role), created_at: now })
    .execute();
  await auditAct(trx, ctx.dialect, actor, {
    action: 'case.create',
    entityType: 'case',
    entityId: id,
    caseId: id,
    fields: [...Object.keys(profile), ...(familyMembers.length ? ['familyMembers'] : []), 'privacyNotice'],
  });
  return id;
}

function roleOnCaseFor(role: Actor['role']) {
  switch (role) {
    case 'lawyer':
      return 'lawyer';
    case 'psychologist':
      return 'psychologist';
    case 'social_worker':
      return 'social_worker';
    case 'intake':
      return 'intake';
    default:
      return 'lead';
  }
}

/**
 * Change a case. Only fields whose value really changes are written; their
 * previous values are kept, sealed, as a version visible to coordinators.
 */
export async function updateCase(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  row: CasesTable,
  change: Partial<CaseUpdate>,
): Promise<string[]> {
  const before = await presentProfile(row, ctx.cipher);
  const current: Record<string, unknown> = { ...before, step: row.step };
  const next = { ...change };
  const changed = Object.keys(next).filter(
    (k) => JSON.stringify(current[k]) !== JSON.stringify((next as Record<string, unknown>)[k]),
  );
  if (!changed.length) return [];
  const now = new Date().toISOString();
  const picked = Object.fromEntries(
    changed.map((k) => [k, (next as Record<string, unknown>)[k]]),
  ) as Partial<CaseUpdate>;
  const cols: Partial<CasesTable> = profileColumns(ctx, row.id, picked);
  if (picked.step !== undefined) cols.step = picked.step;
  const version = row.version + 1;
  await trx
    .updateTable('cases')
    .set({ ...cols, updated_at: now, last_activity_at: now, version })
    .where('id', '=', row.id)
    .execute();
  if (changed.some((k) => ['givenNames', 'familyNames', 'preferredName'].includes(k))) {
    await writeSearchIndex(trx, row.id, row.org_id, { ...row, ...cols });
  }
  if (picked.nationalities) await writeNationalities(trx, row.id, picked.nationalities);
  const versionId = uuidv7();
  const previous = Object.fromEntries(changed.map((k) => [k, current[k]]));
  await trx
    .insertInto('case_versions')
    .values({
      id: versionId,
      case_id: row.id,
      version: row.version,
      changed_at: now,
      changed_by: actor.userId,
      fields: JSON.stringify(changed),
      before_enc: ctx.cipher.encrypt(JSON.stringify(previous), `case_versions:before:${versionId}`),
    })
    .execute();
  await auditAct(trx, ctx.dialect, actor, {
    action: 'case.update',
    entityType: 'case',
    entityId: row.id,
    caseId: row.id,
    fields: changed,
  });
  return changed;
}

export type { CaseCreateInput, FamilyMemberInput };
