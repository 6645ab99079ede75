import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, isBusinessDay } from '../calendar/calendar.js';
import { fromDayNumber, toDayNumber } from '../calendar/dates.js';
import { AUTHORITIES } from '../calendar/schemas.js';
import type { Authority, DatedEntryInput } from '../calendar/schemas.js';
import { computeDeadlines } from './deadlines.js';
import {
  FILED_BY,
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_OUTCOMES,
  REVISION_OUTCOMES,
  SIGNING_FREQUENCIES,
} from './events.js';
import type { ProcedureEventInput, ProcedureEventType } from './events.js';
import { DEFAULT_DEADLINE_RULES, deadlineRulesSchema } from './rules.js';

const RULES = deadlineRulesSchema.parse(DEFAULT_DEADLINE_RULES);
const RULE_BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));
const SOURCE = 'Acuerdo de prueba';
const FIRST = toDayNumber('2024-01-01');
const DAY = fc.integer({ min: FIRST, max: toDayNumber('2027-12-31') });

function detailsOf(type: ProcedureEventType): fc.Arbitrary<Record<string, string>> {
  switch (type) {
    case 'application_filed':
      return fc.record({ filedBy: fc.constantFrom(...FILED_BY) });
    case 'signing_obligation_set':
      return fc.record({ office: fc.constant('COMAR'), frequency: fc.constantFrom(...SIGNING_FREQUENCIES) });
    case 'decision_notified':
      return fc.record({ outcome: fc.constantFrom(...PROCEDURE_OUTCOMES) });
    case 'revision_decision_notified':
      return fc.record({ outcome: fc.constantFrom(...REVISION_OUTCOMES) });
    default:
      return fc.constant({});
  }
}

function eventOf(type: ProcedureEventType, day: fc.Arbitrary<number>) {
  return fc.record({
    type: fc.constant(type),
    day,
    delay: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    details: detailsOf(type),
  });
}

function toEvent(id: string, e: { type: string; day: number; delay?: number | undefined; details: object }) {
  return {
    id,
    type: e.type,
    date: fromDayNumber(e.day),
    ...(e.delay === undefined ? {} : { effectiveOn: fromDayNumber(e.day + e.delay) }),
    details: e.details,
  } as ProcedureEventInput;
}

const EVENTS = fc
  .array(
    fc.constantFrom(...PROCEDURE_EVENT_TYPES).chain((type) => eventOf(type, DAY)),
    { maxLength: 10 },
  )
  .map((list) => list.map((e, i) => toEvent(`e${i}`, e)));

/** Calendars with Holy Thursday and Good Friday for COMAR, and one random suspension. */
const CALENDARS = fc
  .record({
    authority: fc.constantFrom(...AUTHORITIES),
    from: DAY,
    length: fc.integer({ min: 0, max: 20 }),
  })
  .map(({ authority, from, length }) => {
    const entries: DatedEntryInput[] = [
      ...['2024-03-28', '2024-03-29', '2025-04-17', '2025-04-18', '2026-04-02', '2026-04-03'].map(
        (date): DatedEntryInput => ({
          kind: 'non_business_day',
          authority: 'comar_inm',
          date,
          source: SOURCE,
        }),
      ),
      {
        kind: 'suspension',
        authority,
        from: fromDayNumber(from),
        to: fromDayNumber(from + length),
        source: SOURCE,
      },
    ];
    return Object.fromEntries(AUTHORITIES.map((a) => [a, defaultCalendar(a, entries)])) as Record<
      Authority,
      ReturnType<typeof defaultCalendar>
    >;
  });

const TODAY = DAY.map(fromDayNumber);
const RUNS = { numRuns: 150 };

describe('deadline properties', () => {
  it('a business-day or rolled due date is a business day in its rule calendar', () => {
    fc.assert(
      fc.property(EVENTS, CALENDARS, TODAY, (events, calendars, today) => {
        for (const deadline of computeDeadlines({ events, calendars, today })) {
          const rule = RULE_BY_CODE.get(deadline.ruleCode);
          const businessDays = rule?.period.kind === 'fixed' && rule.period.unit === 'business_days';
          if (businessDays || rule?.roll === 'next_business_day') {
            expect(isBusinessDay(calendars[deadline.calendar], deadline.dueDate)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  const referenced = new Set<ProcedureEventType>(
    RULES.flatMap((rule) => [
      rule.trigger.eventType,
      ...rule.metBy,
      ...rule.supersededBy,
      ...(rule.extension ? [rule.extension.eventType] : []),
    ]),
  );
  const UNRELATED = PROCEDURE_EVENT_TYPES.filter((type) => !referenced.has(type));

  it('adding an event no rule refers to changes no deadline', () => {
    expect(UNRELATED).toEqual([
      'constancia_issued',
      'eligibility_interview',
      'residence_requested',
      'family_reunification_requested',
    ]);
    const extra = fc.constantFrom(...UNRELATED).chain((type) => eventOf(type, DAY));
    fc.assert(
      fc.property(EVENTS, extra, fc.nat(), CALENDARS, TODAY, (events, added, at, calendars, today) => {
        const before = computeDeadlines({ events, calendars, today });
        const more = [...events];
        more.splice(at % (events.length + 1), 0, toEvent('extra', added));
        expect(computeDeadlines({ events: more, calendars, today })).toEqual(before);
      }),
      RUNS,
    );
  });

  it('recording the meeting event of an open deadline turns it to met', () => {
    fc.assert(
      fc.property(
        EVENTS,
        CALENDARS,
        TODAY,
        fc.nat(),
        fc.integer({ min: 0, max: 400 }),
        (events, calendars, today, pick, after) => {
          const open = computeDeadlines({ events, calendars, today }).filter((d) => {
            const rule = RULE_BY_CODE.get(d.ruleCode);
            return (
              d.met === null && d.closedBy === null && rule?.period.kind === 'fixed' && rule.metBy.length > 0
            );
          });
          const deadline = open[pick % Math.max(open.length, 1)];
          fc.pre(deadline !== undefined);
          const rule = RULE_BY_CODE.get(deadline.ruleCode);
          const trigger = events.find((e) => e.id === deadline.triggerEventId);
          const type = rule?.metBy[pick % (rule.metBy.length || 1)];
          if (!trigger || !type) throw new Error('unreachable');
          const details = fc.sample(detailsOf(type), { numRuns: 1, seed: pick })[0] ?? {};
          const meeting = toEvent('meeting', { type, day: toDayNumber(trigger.date) + after, details });
          const result = computeDeadlines({ events: [...events, meeting], calendars, today }).find(
            (d) => d.ruleCode === deadline.ruleCode && d.triggerEventId === deadline.triggerEventId,
          );
          expect(result?.status).toBe('met');
          expect(result?.met?.eventId).toBe('meeting');
          // Late against the deadline as it stands with the meeting recorded: an extension recorded
          // after the meeting no longer applies (found by fast-check, seed -505742600).
          expect(result?.met?.late).toBe(meeting.date > (result?.dueDate ?? ''));
        },
      ),
      RUNS,
    );
  });
});
