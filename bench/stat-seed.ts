/**
 * What the statistics benchmark adds to the seeded cases, with distributions
 * close to what clinics report (domain brief, "Numbers the advocacy work asks
 * for"): about three in four women suffered violence before fleeing, two in
 * five in transit, one in four in Mexico; six in ten filed an application,
 * half of those have COMAR's decision after 30 to 250 business days; two
 * needs per woman; nine in ten gave a statistics consent; closed cases have
 * their approved closure. Rows are written straight into the tables.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  GBV_CORE_TYPES,
  NEED_DOMAINS,
  PERPETRATOR_CATEGORIES,
  VIOLENCE_MODALITIES,
  VIOLENCE_TYPES,
  VULNERABILITIES,
  addBusinessDays,
  defaultCalendar,
} from '@senda/domain';
import type {
  CaseApprovalsTable,
  CaseConsentsTable,
  CaseIncidentsTable,
  CaseNeedsTable,
  ProcedureEventsTable,
  ProceduresTable,
} from '../apps/server/src/db/schema.js';
import { drawer } from './seed.js';
import { mulberry32 } from './network.js';
import { inChunks, type SeededCases } from './seed.js';

export const { rand, pick } = drawer(mulberry32(1_000_003));
const STATES = ['07', '07', '07', '09', '09', '02', '08', '21', '30', '19', '26', '28', '23', '14', '27'];
const comar = defaultCalendar('comar_inm', []);

/** Ages, states and vulnerabilities vary from case to case (the case seed writes one of each). */
export function varyCase(row: Record<string, unknown>): void {
  const age = rand() < 0.12 ? Math.floor(rand() * 18) : 18 + Math.floor(Math.pow(rand(), 1.6) * 50);
  row.birth_date = `${2024 - age}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
  row.state = pick(STATES);
  row.pregnant = rand() < 0.08 ? 1 : 0;
  row.disability = rand() < 0.04 ? 1 : 0;
  row.indigenous = rand() < 0.1 ? 1 : 0;
  row.lgbtiq = rand() < 0.05 ? 1 : 0;
  row.vulnerabilities = JSON.stringify(rand() < 0.3 ? [pick(VULNERABILITIES)] : []);
}

const day = (iso: string) => iso.slice(0, 10);
const some = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(list)))];

function incident(caseId: string, at: string, phase: 'origin' | 'transit' | 'mexico') {
  const modality = phase === 'mexico' && rand() < 0.3 ? 'institutional' : pick(VIOLENCE_MODALITIES);
  return {
    id: uuidv7(),
    case_id: caseId,
    from_date: day(at).slice(0, 7),
    to_date: null,
    phase,
    country: phase === 'mexico' ? 'MX' : phase === 'origin' ? 'HN' : 'GT',
    state: phase === 'mexico' ? '07' : null,
    types: JSON.stringify(some(VIOLENCE_TYPES, 1 + Math.floor(rand() * 3))),
    modality,
    gbv_type: pick(GBV_CORE_TYPES),
    perpetrator: pick(PERPETRATOR_CATEGORIES),
    perpetrator_count: null,
    reported: 'no',
    reported_to: '[]',
    reported_to_detail: '',
    narrative_enc: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  };
}

/** Incidents, procedures, needs, consents and closures for the seeded cases. */
export async function seedStatistics(seeded: SeededCases): Promise<{ rows: number }> {
  const { ctx } = seeded;
  let rows = 0;
  const BATCH = 2_000;
  for (let offset = 0; offset < seeded.ids.length; offset += BATCH) {
    const incidents: CaseIncidentsTable[] = [];
    const procedures: ProceduresTable[] = [];
    const events: ProcedureEventsTable[] = [];
    const needs: CaseNeedsTable[] = [];
    const consents: CaseConsentsTable[] = [];
    const closures: CaseApprovalsTable[] = [];
    for (let i = offset; i < Math.min(seeded.ids.length, offset + BATCH); i++) {
      const id = seeded.ids[i] ?? '';
      const at = seeded.createdAt[i] ?? '';
      if (rand() < 0.75) incidents.push(incident(id, at, 'origin'));
      if (rand() < 0.4) incidents.push(incident(id, at, 'transit'));
      if (rand() < 0.25) incidents.push(incident(id, at, 'mexico'));
      if (rand() < 0.6) {
        const procedureId = uuidv7();
        procedures.push({ id: procedureId, case_id: id, label: '', created_by: null, created_at: at });
        const entered = day(new Date(Date.parse(at) - Math.floor(rand() * 60) * 86_400_000).toISOString());
        const filed = addBusinessDays(comar, day(at), 1 + Math.floor(rand() * 10)).dueDate;
        const event = (type: string, date: string, details: object = {}) =>
          events.push({
            id: uuidv7(),
            procedure_id: procedureId,
            type,
            date,
            effective_on: null,
            details: JSON.stringify(details),
            created_by: null,
            created_at: at,
          });
        event('entry', entered);
        event('application_filed', filed, { filedBy: 'applicant' });
        if (rand() < 0.5) {
          const decided = addBusinessDays(comar, filed, 30 + Math.floor(Math.pow(rand(), 2) * 220)).dueDate;
          const r = rand();
          const outcome =
            r < 0.6
              ? 'refugee_status'
              : r < 0.7
                ? 'complementary_protection'
                : r < 0.9
                  ? 'negative'
                  : 'abandonment';
          event('decision_notified', decided, { outcome });
          if (outcome === 'negative' && rand() < 0.4) {
            const revision = addBusinessDays(comar, decided, 1 + Math.floor(rand() * 14)).dueDate;
            event('revision_filed', revision);
            if (rand() < 0.5) {
              const resolved = addBusinessDays(comar, revision, 40 + Math.floor(rand() * 100)).dueDate;
              event('revision_decision_notified', resolved, {
                outcome: pick(['confirmed', 'refugee_status', 'remanded']),
              });
            }
          }
        }
      }
      for (let n = 0; n < 1 + Math.floor(rand() * 3); n++) {
        const r = rand();
        needs.push({
          id: uuidv7(),
          case_id: id,
          domain: pick(NEED_DOMAINS),
          detail: null,
          priority: 'medium',
          status: r < 0.45 ? 'met' : r < 0.6 ? 'unmet' : r < 0.8 ? 'in_progress' : 'identified',
          unmet_reason: null,
          description_enc: '',
          identified_on: day(at),
          created_by: null,
          created_at: at,
          updated_at: at,
        });
      }
      if (rand() < 0.9) {
        consents.push({
          id: uuidv7(),
          case_id: id,
          purpose: 'statistics',
          recipient: '',
          scope: '["identity","violence_history"]',
          given_by: 'herself',
          child_assent: null,
          method: 'signed_form',
          people_enc: '',
          document_id: null,
          given_on: day(at),
          expires_on: null,
          age_band: 'adult',
          withdrawn_on: null,
          withdrawn_by: null,
          withdrawal_note_enc: null,
          withdrawal_recorded_by: null,
          created_by: null,
          created_at: at,
        });
      }
      if (!seeded.open[i]) {
        const closedAt = new Date(
          Date.parse(at) + (30 + Math.floor(rand() * 300)) * 86_400_000,
        ).toISOString();
        closures.push({
          id: uuidv7(),
          case_id: id,
          org_id: seeded.orgId,
          kind: 'closure',
          status: 'approved',
          requested_by: null,
          requested_at: closedAt,
          comment_enc: '',
          plan_version: null,
          closure_reason: 'moved_away',
          checklist: '[]',
          decided_by: null,
          decided_at: closedAt,
          decision_comment_enc: null,
          reopened_by: null,
          reopened_at: null,
          reopen_reason_enc: null,
        });
      }
    }
    await ctx.db.transaction().execute(async (t) => {
      await inChunks(incidents, 500, (c) => t.insertInto('case_incidents').values(c).execute());
      await inChunks(procedures, 1000, (c) => t.insertInto('procedures').values(c).execute());
      await inChunks(events, 1000, (c) => t.insertInto('procedure_events').values(c).execute());
      await inChunks(needs, 800, (c) => t.insertInto('case_needs').values(c).execute());
      await inChunks(consents, 500, (c) => t.insertInto('case_consents').values(c).execute());
      await inChunks(closures, 500, (c) => t.insertInto('case_approvals').values(c).execute());
    });
    rows +=
      incidents.length + procedures.length + events.length + needs.length + consents.length + closures.length;
  }
  return { rows };
}
