/**
 * One row of statistical facts per case: codes, dates and bit masks derived
 * from the case, her family, incidents, first procedure, needs and
 * statistics consents. No name and nothing anyone wrote leaves the case.
 * The record key is drawn once and kept: it is what makes a cell's noise the
 * same every time the same women are counted.
 */
import {
  INCIDENT_PHASES,
  PERPETRATOR_CATEGORIES,
  VIOLENCE_MODALITIES,
  VIOLENCE_TYPES,
  GBV_CORE_TYPES,
  STAT_VULNERABILITY_FLAGS,
  VULNERABILITIES,
  ageOn,
  businessDaysBetween,
  computeDeadlines,
  newRecordKey,
  statAgeBand,
  todayInMexico,
  type Authority,
  type BusinessCalendar,
  type DeadlineRuleInput,
  type ProcedureEventInput,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import type { StatFactsTable } from '../../db/schema-statistics.js';
import { jsonList } from '../cases/presenter.js';
import { survivorAgeOf } from '../cases/queries.js';
import { loadDeadlineSetup } from '../procedures/calendars.js';
import { markCubeDirty } from './cube.js';

/** Raise when a code list below changes order or length: every row is rebuilt. */
export const FACTS_VERSION = 1;

/** Vulnerabilities counted: the case's flags, then its list. */
export const STAT_VULNERABILITIES = [...STAT_VULNERABILITY_FLAGS, ...VULNERABILITIES] as const;
/** Bits of `violence`. */
export const VIOLENCE_BITS = { any: 0, origin: 1, transit: 2, mexico: 3, institutional_mexico: 4 } as const;
export const TYPE_STRIDE = 8;
export const PERPETRATOR_STRIDE = 10;
const CHILD_AGE = 18;

type CaseRow = Pick<
  CasesTable,
  | 'id'
  | 'org_id'
  | 'status'
  | 'created_at'
  | 'birth_date'
  | 'estimated_age'
  | 'nationalities'
  | 'languages'
  | 'state'
  | 'vulnerabilities'
  | 'pregnant'
  | 'disability'
  | 'indigenous'
  | 'lgbtiq'
>;

interface Related {
  members: Map<string, { birth_date: string | null; estimated_age: number | null; created_at: string }[]>;
  incidents: Map<
    string,
    { phase: string; types: string; modality: string | null; gbv_type: string; perpetrator: string }[]
  >;
  events: Map<string, ProcedureEventInput[]>;
  needs: Map<string, string[]>;
  consents: Map<string, { given_on: string; expires_on: string | null }[]>;
  closedOn: Map<string, string>;
  keys: Map<string, number>;
  existing: Map<string, StatFactsTable>;
  referrals: Map<string, string[]>;
}

const bitOf = (list: readonly string[], code: string | null): number => {
  const index = code === null ? -1 : list.indexOf(code);
  return index === -1 ? 0 : 2 ** index;
};
const mexicoDate = (instant: string) => todayInMexico(new Date(instant));

function group<T extends { case_id: string }, V>(rows: readonly T[], map: (row: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const row of rows) {
    const list = out.get(row.case_id) ?? [];
    list.push(map(row));
    out.set(row.case_id, list);
  }
  return out;
}

async function loadRelated(db: Db, ids: readonly string[]): Promise<Related> {
  const [members, incidents, procedures, needs, consents, closures, facts, referrals] = await Promise.all([
    db
      .selectFrom('case_members')
      .select(['case_id', 'birth_date', 'estimated_age', 'created_at'])
      .where('case_id', 'in', ids)
      .execute(),
    db
      .selectFrom('case_incidents')
      .select(['case_id', 'phase', 'types', 'modality', 'gbv_type', 'perpetrator'])
      .where('case_id', 'in', ids)
      .execute(),
    db
      .selectFrom('procedures as p')
      .innerJoin('procedure_events as e', 'e.procedure_id', 'p.id')
      .select([
        'p.case_id',
        'p.id as procedureId',
        'p.created_at',
        'e.id',
        'e.type',
        'e.date',
        'e.effective_on',
        'e.details',
      ])
      .where('p.case_id', 'in', ids)
      .orderBy('p.created_at')
      .execute(),
    db.selectFrom('case_needs').select(['case_id', 'domain', 'status']).where('case_id', 'in', ids).execute(),
    db
      .selectFrom('case_consents')
      .select(['case_id', 'given_on', 'expires_on'])
      .where('case_id', 'in', ids)
      .where('purpose', '=', 'statistics')
      .where('withdrawn_on', 'is', null)
      .execute(),
    db
      .selectFrom('case_approvals')
      .select(['case_id', 'decided_at'])
      .where('case_id', 'in', ids)
      .where('kind', '=', 'closure')
      .where('status', '=', 'approved')
      .execute(),
    db.selectFrom('stat_facts').selectAll().where('case_id', 'in', ids).execute(),
    db
      .selectFrom('referrals as r')
      .select([
        'r.case_id',
        'r.state',
        'r.outcome',
        'r.sent_on',
        (eb) =>
          eb
            .selectFrom('referral_events as e')
            .select((e) => e.fn.min('e.created_at').as('at'))
            .whereRef('e.referral_id', '=', 'r.id')
            .where('e.state', '=', 'accepted')
            .as('accepted_at'),
      ])
      .where('r.case_id', 'in', ids)
      .where('r.sent_on', 'is not', null)
      .execute(),
  ]);
  // Only the first procedure of a case is counted (a second one is rare and would count her twice).
  const firstProcedure = new Map<string, string>();
  for (const row of procedures)
    if (!firstProcedure.has(row.case_id)) firstProcedure.set(row.case_id, row.procedureId);
  const events = group(
    procedures.filter((row) => firstProcedure.get(row.case_id) === row.procedureId),
    (row) =>
      ({
        id: row.id,
        type: row.type,
        date: row.date,
        ...(row.effective_on ? { effectiveOn: row.effective_on } : {}),
        details: JSON.parse(row.details) as object,
      }) as ProcedureEventInput,
  );
  const closedOn = new Map<string, string>();
  for (const row of closures) {
    const day = row.decided_at ? mexicoDate(row.decided_at) : null;
    if (day && (closedOn.get(row.case_id) ?? '') < day) closedOn.set(row.case_id, day);
  }
  return {
    members: group(members, (m) => m),
    incidents: group(incidents, (i) => i),
    events,
    needs: group(needs, (n) => `${n.domain}:${n.status}`),
    consents: group(consents, (c) => c),
    closedOn,
    keys: new Map(facts.map((f) => [f.case_id, f.record_key])),
    existing: new Map(facts.map((f) => [f.case_id, f])),
    referrals: group(referrals, (r) => {
      const flags =
        (r.accepted_at ? 'a' : '') +
        (r.state === 'declined' ? 'd' : '') +
        (r.state === 'completed' || r.state === 'not_completed' ? 'c' : '') +
        (r.outcome === 'given' || r.outcome === 'partly_given' ? 'g' : '');
      const sentOn = r.sent_on ?? '';
      const days = r.accepted_at
        ? Math.max(0, Math.round((Date.parse(mexicoDate(r.accepted_at)) - Date.parse(sentOn)) / 86_400_000))
        : '';
      return `${sentOn.slice(0, 7)}:${flags}:${days}`;
    }),
  };
}

interface ProcedureFacts {
  filed_on: string | null;
  late: number;
  decided_on: string | null;
  outcome: string | null;
  decision_days: number | null;
  revision_filed_on: string | null;
  revision_decided_on: string | null;
  revision_outcome: string | null;
}

function procedureFacts(
  events: readonly ProcedureEventInput[],
  setup: { calendars: Record<Authority, BusinessCalendar>; rules: readonly DeadlineRuleInput[] },
  today: string,
): ProcedureFacts {
  const first = (type: string) =>
    events.filter((e) => e.type === type).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const filed = first('application_filed');
  const decided = first('decision_notified');
  const revision = first('revision_filed');
  const revisionDecided = first('revision_decision_notified');
  let late = 0;
  let days: number | null = null;
  if (filed) {
    try {
      const deadlines = computeDeadlines({ events, rules: setup.rules, calendars: setup.calendars, today });
      late = deadlines.some((d) => d.ruleCode === 'application_window' && d.met?.late) ? 1 : 0;
    } catch {
      // A procedure the engine cannot read is counted without its lateness rather than not at all.
    }
    if (decided && decided.date >= (filed.effectiveOn ?? filed.date)) {
      days = businessDaysBetween(setup.calendars.comar_inm, filed.effectiveOn ?? filed.date, decided.date);
    }
  }
  const outcomeOf = (e: ProcedureEventInput | undefined) =>
    e && 'details' in e && e.details && 'outcome' in e.details ? e.details.outcome : null;
  return {
    filed_on: filed?.date ?? null,
    late,
    decided_on: decided?.date ?? null,
    outcome: outcomeOf(decided),
    decision_days: days,
    revision_filed_on: revision?.date ?? null,
    revision_decided_on: revisionDecided?.date ?? null,
    revision_outcome: outcomeOf(revisionDecided),
  };
}

function factsOf(
  row: CaseRow,
  related: Related,
  setup: Parameters<typeof procedureFacts>[1],
  today: string,
  now: string,
): StatFactsTable {
  const openedOn = mexicoDate(row.created_at);
  const age = ageOn(survivorAgeOf(row), openedOn);
  const children = (related.members.get(row.id) ?? []).filter((m) => {
    const a = ageOn(
      { birthDate: m.birth_date, estimatedAge: m.estimated_age, registeredOn: mexicoDate(m.created_at) },
      today,
    );
    return a !== null && a < CHILD_AGE;
  }).length;
  let vulnerabilities = 0;
  for (const flag of STAT_VULNERABILITY_FLAGS) {
    if (row[flag]) vulnerabilities |= bitOf(STAT_VULNERABILITIES, flag);
  }
  for (const code of jsonList<string>(row.vulnerabilities))
    vulnerabilities |= bitOf(STAT_VULNERABILITIES, code);
  let violence = 0;
  let types = 0;
  let modalities = 0;
  let gbv = 0;
  let perpetrators = 0;
  for (const incident of related.incidents.get(row.id) ?? []) {
    const phase = INCIDENT_PHASES.indexOf(incident.phase as (typeof INCIDENT_PHASES)[number]);
    if (phase === -1) continue;
    violence |= 1 | (2 << phase);
    if (incident.phase === 'mexico' && incident.modality === 'institutional')
      violence |= 1 << VIOLENCE_BITS.institutional_mexico;
    for (const type of jsonList<string>(incident.types)) {
      const t = VIOLENCE_TYPES.indexOf(type as (typeof VIOLENCE_TYPES)[number]);
      if (t !== -1) types |= 2 ** (phase * TYPE_STRIDE + t);
    }
    modalities |= bitOf(VIOLENCE_MODALITIES, incident.modality);
    gbv |= bitOf(GBV_CORE_TYPES, incident.gbv_type);
    const p = PERPETRATOR_CATEGORIES.indexOf(incident.perpetrator as (typeof PERPETRATOR_CATEGORIES)[number]);
    if (p !== -1) perpetrators |= 2 ** (phase * PERPETRATOR_STRIDE + p);
  }
  const consents = related.consents.get(row.id) ?? [];
  const consentFrom = consents.map((c) => c.given_on).sort()[0] ?? null;
  // Several consents: counted from the first, until the last one ends (or without end).
  const ends = consents.map((c) => c.expires_on);
  const consentUntil = ends.includes(null) ? null : (ends.sort().at(-1) ?? null);
  return {
    case_id: row.id,
    org_id: row.org_id,
    record_key: related.keys.get(row.id) ?? newRecordKey(),
    version: FACTS_VERSION,
    consent_from: consentFrom,
    consent_until: consentUntil,
    opened_on: openedOn,
    closed_on: row.status === 'closed' ? (related.closedOn.get(row.id) ?? openedOn) : null,
    state: row.state ?? 'unknown',
    nationality: jsonList<string>(row.nationalities)[0] ?? 'unknown',
    age_band: statAgeBand(age),
    language: jsonList<string>(row.languages)[0] ?? 'unknown',
    children,
    vulnerabilities,
    violence,
    violence_types: types,
    modalities,
    gbv_types: gbv,
    perpetrators,
    ...procedureFacts(related.events.get(row.id) ?? [], setup, today),
    needs: (related.needs.get(row.id) ?? []).join(','),
    referrals: (related.referrals.get(row.id) ?? []).join(','),
    refreshed_at: now,
  };
}

/** Compute and store the facts of these cases (at most a few hundred at a time). */
export async function refreshFactsOf(db: Db, ids: readonly string[], now: string): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .selectFrom('cases')
    .select([
      'id',
      'org_id',
      'status',
      'created_at',
      'birth_date',
      'estimated_age',
      'nationalities',
      'languages',
      'state',
      'vulnerabilities',
      'pregnant',
      'disability',
      'indigenous',
      'lgbtiq',
    ])
    .where('id', 'in', ids)
    .execute();
  const related = await loadRelated(db, ids);
  const today = todayInMexico();
  const setups = new Map<string, Awaited<ReturnType<typeof loadDeadlineSetup>>>();
  const facts: StatFactsTable[] = [];
  for (const row of rows) {
    let setup = setups.get(row.org_id);
    if (!setup) {
      setup = await loadDeadlineSetup(db, row.org_id);
      setups.set(row.org_id, setup);
    }
    facts.push(factsOf(row, related, setup, today, now));
  }
  // Only what changed is written (and makes the organization's sums out of date).
  const same = (a: StatFactsTable, b: StatFactsTable) =>
    (Object.keys(a) as (keyof StatFactsTable)[]).every((c) => c === 'refreshed_at' || a[c] === b[c]);
  const changed = facts.filter((f) => {
    const before = related.existing.get(f.case_id);
    return !before || !same(before, f);
  });
  const restamped = facts.filter(
    (f) => related.existing.get(f.case_id)?.refreshed_at === '' && !changed.includes(f),
  );
  if (restamped.length) {
    await db
      .updateTable('stat_facts')
      .set({ refreshed_at: now })
      .where(
        'case_id',
        'in',
        restamped.map((f) => f.case_id),
      )
      .execute();
  }
  await markCubeDirty(
    db,
    changed.map((f) => f.org_id),
    now,
  );
  for (let i = 0; i < changed.length; i += 200) {
    const chunk = changed.slice(i, i + 200);
    await db
      .insertInto('stat_facts')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet((eb) => {
          const columns = Object.keys(chunk[0] ?? {}).filter(
            (c): c is Exclude<keyof StatFactsTable, 'case_id' | 'record_key'> =>
              c !== 'case_id' && c !== 'record_key',
          );
          return Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]));
        }),
      )
      .execute();
  }
  return facts.length;
}
