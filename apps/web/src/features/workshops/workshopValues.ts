/**
 * The workshop form's values and their conversion to what the API takes, the
 * running total of people, and the list page's search (period and topic).
 * The form keeps what was typed (counts as text); the domain's
 * `workshopInput` checks the converted values, in the browser as on the
 * server, so its field errors land on the form's own paths.
 */
import {
  CASE_ROLES,
  WORKSHOP_TOPICS,
  type ParticipantGender,
  type Role,
  type StatAgeBand,
  type WorkshopInput,
  type WorkshopKind,
  type WorkshopTopic,
} from '@senda/domain';
import type { WorkshopDetail, WorkshopListParams } from '../../lib/workshopsApi';

/** Workshops are for the organization's case staff (analysts see them in the statistics). */
export const canUseWorkshops = (role: Role) => CASE_ROLES.includes(role);

export interface ParticipantFormRow {
  gender: ParticipantGender | '';
  ageBand: StatAgeBand | '';
  nationality: string;
  /** As typed. */
  count: string;
}

export interface WorkshopFormValues {
  kind: WorkshopKind | '';
  title: string;
  heldOn: string;
  state: string;
  municipality: string;
  topic: WorkshopTopic | '';
  otherTopic: string;
  language: string;
  /** One input per organization (objects, for react-hook-form's field arrays). */
  coFacilitators: { value: string }[];
  participants: ParticipantFormRow[];
}

export const emptyParticipantRow = (): ParticipantFormRow => ({
  gender: '',
  ageBand: '',
  nationality: '',
  count: '',
});

export const emptyWorkshop = (): WorkshopFormValues => ({
  kind: 'workshop',
  title: '',
  heldOn: '',
  state: '',
  municipality: '',
  topic: '',
  otherTopic: '',
  language: 'es',
  coFacilitators: [],
  participants: [emptyParticipantRow()],
});

const TOP_FIELDS = new Set(Object.keys(emptyWorkshop()));

/** Whether a field error's path names a field of the form (e.g. `participants.2.count`, `coFacilitators.0`). */
export function isWorkshopPath(path: string): boolean {
  const [top] = path.split('.');
  return top !== undefined && TOP_FIELDS.has(top);
}

/** A count as the API reads it: a number, or absent when nothing was typed (reported as required). */
function countOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The workshop as the API takes it (unchecked: the domain schema reports what is wrong). */
export function workshopOfValues(values: WorkshopFormValues): WorkshopInput {
  return {
    kind: values.kind as WorkshopKind,
    title: values.title,
    // Nothing chosen is reported as required, not as a malformed date.
    heldOn: (values.heldOn || undefined) as string,
    state: values.state as WorkshopInput['state'],
    municipality: values.municipality,
    topic: values.topic as WorkshopTopic,
    otherTopic: values.topic === 'other' ? values.otherTopic : '',
    language: values.language as WorkshopInput['language'],
    coFacilitators: values.coFacilitators.map((c) => c.value),
    participants: values.participants.map((row) => ({
      gender: row.gender as ParticipantGender,
      ageBand: row.ageBand as StatAgeBand,
      nationality: row.nationality as WorkshopInput['participants'][number]['nationality'],
      count: countOf(row.count) as number,
    })),
  };
}

/** The form as it opens for a stored workshop. */
export function valuesOfWorkshop(workshop: WorkshopDetail): WorkshopFormValues {
  return {
    kind: workshop.kind,
    title: workshop.title,
    heldOn: workshop.heldOn,
    state: workshop.state,
    municipality: workshop.municipality,
    topic: workshop.topic,
    otherTopic: workshop.otherTopic,
    language: workshop.language,
    coFacilitators: workshop.coFacilitators.map((value) => ({ value })),
    participants: workshop.participants.map((row) => ({
      gender: row.gender,
      ageBand: row.ageBand,
      nationality: row.nationality,
      count: String(row.count),
    })),
  };
}

/** The running total of the rows typed so far (rows without a valid count add nothing). */
export function runningTotal(rows: readonly Pick<ParticipantFormRow, 'count'>[]): number {
  return rows.reduce((sum, row) => {
    const count = countOf(row.count);
    return count !== undefined && Number.isInteger(count) && count > 0 ? sum + count : sum;
  }, 0);
}

/** The list page's search: a period of days and a topic, all optional. */
export interface WorkshopSearch {
  from?: string | undefined;
  to?: string | undefined;
  topic?: WorkshopTopic | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseWorkshopSearch(search: Record<string, unknown>): WorkshopSearch {
  const parsed: WorkshopSearch = {};
  if (typeof search.from === 'string' && DAY.test(search.from)) parsed.from = search.from;
  if (typeof search.to === 'string' && DAY.test(search.to)) parsed.to = search.to;
  if (typeof search.topic === 'string' && (WORKSHOP_TOPICS as readonly string[]).includes(search.topic))
    parsed.topic = search.topic as WorkshopTopic;
  return parsed;
}

/** The list's parameters from the search (a reversed period is left to the server to refuse). */
export const listParamsOf = (search: WorkshopSearch): WorkshopListParams => ({
  from: search.from,
  to: search.to,
  topic: search.topic,
});
