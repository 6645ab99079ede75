/**
 * A year of referrals, for bench/referrals.ts: one case in five gets a need
 * (`case_needs`, its description sealed as care/store.ts seals it), her
 * `referral_sharing` consent to one organization of the network (`case_consents`,
 * the people sealed as consents/routes.ts seals them) and a referral there
 * (`referrals`, with its thread in `referral_events` as the API writes it:
 * draft, sent, the answer, the end). States as a year of work leaves them:
 * sent 15 %, accepted 20 %, completed 45 %, declined 10 %, then not
 * completed, expired, withdrawn and drafts. Open ones are recent and belong
 * to open cases; finished ones happened any time since the case was opened.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  DECLINE_REASONS,
  NEED_DETAILS,
  NEED_PRIORITIES,
  NOT_GIVEN_REASONS,
  REFERRAL_OPEN_STATES,
  referralAnswerDue,
  todayInMexico,
  type BusinessCalendar,
  type NeedDomain,
  type NeedStatus,
  type ReferralShare,
  type ReferralState,
} from '@senda/domain';
import type { AppContext } from '../apps/server/src/context.js';
import type { ReferralEventsTable, ReferralsTable } from '../apps/server/src/db/schema.js';
import { seal } from '../apps/server/src/modules/care/store.js';
import { loadCalendars } from '../apps/server/src/modules/procedures/calendars.js';
import { sealText } from '../apps/server/src/modules/referrals/present.js';
import { between, pick, rand, shuffle, weightedOrg, type Kind, type Org } from './network.js';
import { inChunks, type SeededCases } from './seed.js';

/** What she agrees each kind of organization may know (consent data scopes). */
const CONSENT_SCOPES: Record<Kind, string[]> = {
  shelter: ['identity', 'contact_details', 'family', 'needs'],
  health: ['identity', 'contact_details', 'needs', 'health'],
  legal: ['identity', 'contact_details', 'family', 'migration_status', 'needs'],
};
/** The states a year of referrals leaves, in percent. */
const STATE_SHARES: [ReferralState, number][] = [
  ['sent', 15],
  ['accepted', 20],
  ['completed', 45],
  ['declined', 10],
  ['not_completed', 4],
  ['expired', 3],
  ['withdrawn', 2],
  ['draft', 1],
];
const STILL_OPEN: readonly ReferralState[] = ['draft', ...REFERRAL_OPEN_STATES];
/** Her need, once the referral is where it is. */
export const NEED_STATUS: Record<ReferralState, NeedStatus> = {
  draft: 'identified',
  sent: 'identified',
  accepted: 'in_progress',
  completed: 'met',
  not_completed: 'unmet',
  declined: 'identified',
  expired: 'identified',
  withdrawn: 'identified',
  revoked: 'identified',
};
const NEED_TEXTS = [
  'Necesita un lugar seguro para ella y sus hijas esta semana',
  'Requiere atención médica por dolor persistente',
  'Pide acompañamiento para la entrevista de elegibilidad',
  'No tiene documentos de identidad en México',
  'Refiere ansiedad y problemas para dormir desde el cruce',
  'Busca trabajo para sostener a su familia',
];
const MESSAGES = [
  '',
  'Mujer con dos hijas, llegó hace una semana. Urge espacio.',
  'Ya tiene cita en COMAR; necesita acompañamiento.',
  'Habla criollo haitiano; requiere intérprete.',
];
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A referred case, as the scenarios need it. */
export interface Referred {
  caseIdx: number;
  needId: string;
  referralId: string;
  state: ReferralState;
  org: Org;
  domain: NeedDomain;
  scope: ReferralShare[];
  /** Her consent to share with the organization is in force today. */
  consentHolds: boolean;
}

/** A day `n` days after `day` (YYYY-MM-DD), and an instant of the working day in Mexico (hour 9 + `step`). */
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (day: string, step = between(0, 7)) =>
  `${day}T${String(15 + step)}:${String(between(10, 59))}:00.000Z`;
const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** The days of a referral's life: recent while still open, any time since the case was opened once over. */
function timeline(state: ReferralState, caseDay: string, today: string) {
  const start =
    state === 'draft'
      ? shift(today, -between(0, 6))
      : state === 'sent'
        ? shift(today, -between(0, 20))
        : state === 'accepted'
          ? shift(today, -between(2, 60))
          : minDay(shift(caseDay, between(1, 120)), shift(today, -45));
  const created = maxDay(start, caseDay);
  const answered = minDay(shift(created, between(0, 4)), today);
  const done = shift(answered, between(3, 40));
  const last: Record<ReferralState, string> = {
    draft: created,
    sent: created,
    accepted: minDay(shift(answered, between(0, 30)), today),
    declined: answered,
    completed: done,
    not_completed: done,
    expired: shift(created, 30),
    withdrawn: shift(created, between(0, 10)),
    revoked: shift(created, between(0, 10)),
  };
  return { created, sent: state === 'draft' ? null : created, answered, last: last[state] };
}

/** Which cases are referred, and in which state: open referrals go to open cases. */
function planStates(seeded: SeededCases): [number, ReferralState][] {
  const chosen = shuffle([...seeded.ids.keys()]).slice(0, Math.round(seeded.ids.length * 0.2));
  const states: ReferralState[] = [];
  for (const [state, share] of STATE_SHARES)
    for (let k = Math.round((chosen.length * share) / 100); k > 0; k--) states.push(state);
  const stillOpen = states.filter((s) => STILL_OPEN.includes(s));
  const over = shuffle(states.filter((s) => !STILL_OPEN.includes(s)));
  const plan = new Map<number, ReferralState>();
  chosen
    .filter((i) => seeded.open[i])
    .slice(0, stillOpen.length)
    .forEach((i, k) => plan.set(i, stillOpen[k] as ReferralState));
  for (const i of chosen) if (!plan.has(i) && over.length) plan.set(i, over.pop() as ReferralState);
  return [...plan].sort((a, b) => a[0] - b[0]);
}

function newCode(taken: Set<string>): string {
  let code = '';
  do {
    code = 'R-';
    for (let i = 0; i < 8; i++) code += CODE_ALPHABET.charAt(Math.floor(rand() * CODE_ALPHABET.length));
  } while (taken.has(code));
  taken.add(code);
  return code;
}

/** The thread of a referral in `state`: each move as the API writes it, one hour apart. */
function threadOf(
  ctx: AppContext,
  row: Pick<ReferralsTable, 'id' | 'state' | 'from_org_id' | 'to_org_id' | 'created_by'>,
  days: ReturnType<typeof timeline>,
  answeredBy: string,
): ReferralEventsTable[] {
  const state = row.state as ReferralState;
  const thread: ReferralEventsTable[] = [];
  const add = (moved: ReferralState | null, day: string, side: string, user: string | null, body = '') => {
    const id = uuidv7();
    thread.push({
      id,
      referral_id: row.id,
      kind: moved ? 'state' : 'message',
      state: moved,
      body_enc: body ? sealText(ctx, 'referral_events', id, 'body', body) : '',
      side,
      user_id: user,
      org_id: side === 'sender' ? row.from_org_id : side === 'recipient' ? row.to_org_id : null,
      created_at: at(day, thread.length),
    });
  };
  add('draft', days.created, 'sender', row.created_by);
  if (state !== 'draft') add('sent', days.created, 'sender', row.created_by);
  if (state === 'declined') add('declined', days.answered, 'recipient', answeredBy);
  if (state === 'accepted' || state === 'completed' || state === 'not_completed')
    add('accepted', days.answered, 'recipient', answeredBy);
  if (state === 'accepted' && rand() < 0.3)
    add(null, days.last, 'recipient', answeredBy, 'Ya llegó; le asignamos espacio.');
  if (state === 'completed' || state === 'not_completed') add(state, days.last, 'recipient', answeredBy);
  if (state === 'expired') add('expired', days.last, 'system', null);
  if (state === 'withdrawn') add('withdrawn', days.last, 'sender', row.created_by);
  return thread;
}

/** Needs, consents, referrals and their threads, in batches of 400 referred cases. */
export async function seedReferrals(
  ctx: AppContext,
  seeded: SeededCases,
  orgs: readonly Org[],
  coordinator: string,
): Promise<Referred[]> {
  const today = todayInMexico();
  const calendars = new Map<string, BusinessCalendar>();
  for (const o of orgs) calendars.set(o.sendaId, (await loadCalendars(ctx.db, o.sendaId)).comar_inm);
  const items = planStates(seeded);
  const referred: Referred[] = [];
  const codes = new Set<string>();
  const BATCH = 400;
  for (let offset = 0; offset < items.length; offset += BATCH) {
    await ctx.db.transaction().execute(async (t) => {
      const needs = [];
      const consents = [];
      const referrals: ReferralsTable[] = [];
      const events: ReferralEventsTable[] = [];
      for (const [caseIdx, state] of items.slice(offset, offset + BATCH)) {
        const caseId = seeded.ids[caseIdx] as string;
        const caseDay = (seeded.createdAt[caseIdx] as string).slice(0, 10);
        const org = weightedOrg(orgs);
        const active = org.services.filter((s) => s.active);
        const service = pick(active.length ? active : org.services);
        const domain = pick(service.categories);
        const by = rand() < 0.75 ? (seeded.lawyerOf[caseIdx] as string) : coordinator;
        const days = timeline(state, caseDay, today);
        const identified = maxDay(shift(days.created, -between(0, 10)), caseDay);

        const needId = uuidv7();
        const needStatus = NEED_STATUS[state];
        const details: readonly string[] = NEED_DETAILS[domain];
        needs.push({
          id: needId,
          case_id: caseId,
          domain,
          detail: details.length ? pick(details) : null,
          priority: pick(NEED_PRIORITIES),
          status: needStatus,
          unmet_reason:
            needStatus === 'unmet' ? pick(['no_service_available', 'waiting_list', 'she_declined']) : null,
          description_enc: seal(ctx, 'case_needs', needId, 'description', pick(NEED_TEXTS)),
          identified_on: identified,
          created_by: by,
          created_at: at(identified),
          updated_at: at(days.last),
        });

        const consentScope = [...CONSENT_SCOPES[org.kind], ...(rand() < 0.1 ? ['violence_history'] : [])];
        const scope = consentScope.filter(
          (s): s is ReferralShare => s !== 'health' && (s !== 'family' || rand() < 0.7),
        );
        const consentId = uuidv7();
        const witnessed = rand() < 0.4;
        const expires = rand() < 0.5 ? null : shift(identified, 365);
        const people = {
          caregiverName: '',
          caregiverRelationship: '',
          witnessName: witnessed ? 'Guardia' : '',
        };
        consents.push({
          id: consentId,
          case_id: caseId,
          purpose: 'referral_sharing',
          recipient: org.name,
          scope: JSON.stringify(consentScope),
          given_by: 'herself',
          child_assent: null,
          method: witnessed ? 'verbal_witnessed' : 'electronic_signature',
          people_enc: ctx.cipher.encrypt(JSON.stringify(people), `case_consents:people:${consentId}`),
          document_id: null,
          given_on: identified,
          expires_on: expires,
          age_band: 'adult',
          withdrawn_on: null,
          withdrawn_by: null,
          withdrawal_note_enc: null,
          withdrawal_recorded_by: null,
          created_by: by,
          created_at: at(identified),
        });

        const id = uuidv7();
        const calendar = calendars.get(org.sendaId);
        const taken = state === 'accepted' || state === 'completed' || state === 'not_completed';
        const row: ReferralsTable = {
          id,
          code: newCode(codes),
          case_id: caseId,
          need_id: needId,
          need_domain: domain,
          from_org_id: seeded.orgId,
          to_dir_org_id: org.dirId,
          to_org_id: org.sendaId,
          to_name: org.name,
          service_id: service.id,
          service_name: service.name,
          mode: 'senda',
          state,
          urgency: rand() < 0.15 ? 'urgent' : rand() < 0.35 ? 'high' : 'normal',
          scope: JSON.stringify(scope),
          document_ids: '[]',
          message_enc: sealText(ctx, 'referrals', id, 'message', pick(MESSAGES)),
          response_days: service.responseDays,
          sent_on: days.sent,
          answer_due:
            days.sent && calendar ? referralAnswerDue(calendar, days.sent, service.responseDays) : null,
          last_news_on: days.last,
          assigned_to: taken && rand() < 0.6 ? pick(org.socialWorkers) : null,
          decline_reason: state === 'declined' ? pick(DECLINE_REASONS.filter((r) => r !== 'other')) : null,
          outcome: state === 'completed' ? pick(['given', 'given', 'given', 'partly_given']) : null,
          not_given_reason: null,
          created_by: by,
          created_at: at(days.created, 0),
          updated_at: at(days.last),
        };
        if (state === 'not_completed') {
          row.outcome = 'not_given';
          row.not_given_reason = pick(NOT_GIVEN_REASONS.filter((r) => r !== 'other'));
        }
        referrals.push(row);
        events.push(...threadOf(ctx, row, days, pick([org.coordinator, org.partner])));
        referred.push({
          caseIdx,
          needId,
          referralId: id,
          state,
          org,
          domain,
          scope,
          consentHolds: expires === null || expires > today,
        });
      }
      await t.insertInto('case_needs').values(needs).execute();
      await t.insertInto('case_consents').values(consents).execute();
      await t.insertInto('referrals').values(referrals).execute();
      await inChunks(events, 1000, (chunk) => t.insertInto('referral_events').values(chunk).execute());
    });
  }
  return referred;
}
