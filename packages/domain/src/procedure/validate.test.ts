import { describe, expect, it } from 'vitest';
import { ProcedureError } from './errors.js';
import type { ProcedureEventInput } from './events.js';
import { validateProcedure } from './validate.js';

const FILED: ProcedureEventInput = {
  id: 'filed',
  type: 'application_filed',
  date: '2025-03-03',
  details: { filedBy: 'representative' },
};
const NEGATIVE: ProcedureEventInput = {
  id: 'd1',
  type: 'decision_notified',
  date: '2025-06-02',
  details: { outcome: 'negative' },
};

describe('validateProcedure (soft warnings)', () => {
  it('a plausible procedure has no warnings', () => {
    const events: ProcedureEventInput[] = [
      { id: 'entry', type: 'entry', date: '2025-01-06' },
      FILED,
      { id: 'rat', type: 'ratified', date: '2025-03-04' },
      { id: 'curp', type: 'curp_issued', date: '2025-03-10' },
      {
        id: 'ob',
        type: 'signing_obligation_set',
        date: '2025-03-10',
        details: { office: 'INM Tapachula', authority: 'inm', frequency: 'weekly' },
      },
      { id: 's1', type: 'signing_done', date: '2025-03-17' },
      { id: 'ext', type: 'resolution_extended', date: '2025-04-30' },
      { id: 'd', type: 'decision_notified', date: '2025-07-01', details: { outcome: 'refugee_status' } },
      { id: 'rr', type: 'residence_requested', date: '2025-07-10' },
      { id: 'ri', type: 'residence_issued', date: '2025-08-01' },
      { id: 'fr', type: 'family_reunification_requested', date: '2025-08-10' },
    ];
    expect(validateProcedure(events, { today: '2025-09-01' })).toEqual([]);
  });

  it('a decision before any filing: missing prerequisite (the decision is still recorded)', () => {
    const events: ProcedureEventInput[] = [NEGATIVE, { ...FILED, date: '2025-06-10' }];
    expect(validateProcedure(events)).toEqual([
      { code: 'missing_prerequisite', eventId: 'd1', expected: ['application_filed'] },
    ]);
  });

  it('the same day counts in procedural order: a filing and its ratification', () => {
    const events: ProcedureEventInput[] = [{ id: 'rat', type: 'ratified', date: '2025-03-03' }, FILED];
    expect(validateProcedure(events)).toEqual([]);
  });

  it('repeated acts: a second filing, a second extension, a second decision without a remand', () => {
    const events: ProcedureEventInput[] = [
      FILED,
      { ...FILED, id: 'filed2', date: '2025-03-05' },
      { id: 'x1', type: 'resolution_extended', date: '2025-04-01' },
      { id: 'x2', type: 'resolution_extended', date: '2025-05-01' },
      NEGATIVE,
      { ...NEGATIVE, id: 'd2', date: '2025-06-20' },
    ];
    expect(validateProcedure(events)).toEqual([
      { code: 'repeated_event', eventId: 'filed2', relatedEventId: 'filed' },
      { code: 'repeated_event', eventId: 'x2', relatedEventId: 'x1' },
      { code: 'repeated_event', eventId: 'd2', relatedEventId: 'd1' },
    ]);
  });

  it('a new decision after a remanded revisión is expected', () => {
    const events: ProcedureEventInput[] = [
      FILED,
      NEGATIVE,
      { id: 'rev', type: 'revision_filed', date: '2025-06-10' },
      { id: 'res', type: 'revision_decision_notified', date: '2025-09-01', details: { outcome: 'remanded' } },
      { ...NEGATIVE, id: 'd2', date: '2025-11-03' },
    ];
    expect(validateProcedure(events)).toEqual([]);
  });

  it('the CURP temporal renewed twice', () => {
    const events: ProcedureEventInput[] = [
      FILED,
      { id: 'c', type: 'curp_issued', date: '2025-03-05' },
      { id: 'r1', type: 'curp_renewed', date: '2025-08-25' },
      { id: 'r2', type: 'curp_renewed', date: '2026-02-20' },
    ];
    expect(validateProcedure(events)).toEqual([
      { code: 'renewal_limit_exceeded', eventId: 'r2', relatedEventId: 'r1' },
    ]);
  });

  it('family reunification with complementary protection only', () => {
    const events: ProcedureEventInput[] = [
      FILED,
      { ...NEGATIVE, details: { outcome: 'complementary_protection' } },
      { id: 'fr', type: 'family_reunification_requested', date: '2025-07-01' },
    ];
    expect(validateProcedure(events)).toEqual([
      { code: 'family_reunification_without_refugee_status', eventId: 'fr' },
    ]);
  });

  it('dates: effect before the act, future events', () => {
    const events: ProcedureEventInput[] = [{ ...FILED, effectiveOn: '2025-03-01' }];
    expect(validateProcedure(events, { today: '2025-03-02' })).toEqual([
      { code: 'effective_before_date', eventId: 'filed' },
      { code: 'future_date', eventId: 'filed' },
    ]);
  });

  it('throws only for data that fails the schema', () => {
    expect(() => validateProcedure([{ ...FILED, details: {} } as ProcedureEventInput])).toThrow(
      ProcedureError,
    );
    expect(() => validateProcedure([FILED], { today: '2025-13-01' })).toThrow(/today/);
  });
});
