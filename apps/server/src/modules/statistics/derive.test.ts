import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip } from '../networks/figures.js';
import { derive } from './derive.js';
import { Cube, consentInForce, filtersOf, type FactRow } from './vectors.js';

/** The item at an index, or a failed test. */
const at = <T>(xs: readonly T[] | undefined, i: number): T => {
  const v = xs?.[i];
  if (v === undefined) throw new Error(`no item ${i}`);
  return v;
};

const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const TODAY = '2025-07-01';

const factArb: fc.Arbitrary<FactRow> = fc
  .record({
    opened: fc.integer({ min: 0, max: 5 }),
    closedAfter: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    consent: fc.boolean(),
    state: fc.constantFrom('07', '09'),
    nationality: fc.constantFrom('HN', 'GT', 'HT'),
    violence: fc.integer({ min: 0, max: 31 }),
    decided: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    days: fc.integer({ min: 10, max: 200 }),
    key: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((r) => {
    const opened = at(MONTHS, r.opened);
    const closed = r.closedAfter === null ? null : at(MONTHS, Math.min(5, r.opened + r.closedAfter));
    return {
      record_key: r.key,
      consent_from: r.consent ? '2025-01-01' : null,
      consent_until: null,
      opened_on: `${opened}-10`,
      closed_on: closed ? `${closed}-20` : null,
      state: r.state,
      nationality: r.nationality,
      age_band: 'age_30_44',
      language: 'es',
      children: 0,
      vulnerabilities: 0,
      violence: r.violence,
      violence_types: 0,
      modalities: 0,
      gbv_types: 0,
      perpetrators: 0,
      filed_on: null,
      late: 0,
      decided_on: r.decided === null ? null : `${at(MONTHS, r.decided)}-05`,
      outcome: r.decided === null ? null : 'refugee_status',
      decision_days: r.decided === null ? null : r.days,
      revision_filed_on: null,
      revision_decided_on: null,
      revision_outcome: null,
      needs: '',
      referrals: '',
    };
  });

describe('figures from monthly sums', () => {
  it('count exactly the consenting women served in the period, under every filter, as a pass over the cases would', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 80 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (facts, a, b) => {
          const [from, to] = [at(MONTHS, Math.min(a, b)), at(MONTHS, Math.max(a, b))];
          const cube = new Cube();
          for (const f of facts) cube.addFact(f, TODAY, filtersOf(f));
          for (const filter of ['*', 'state:07', 'nationality:HN']) {
            const matches = (f: FactRow) =>
              filter === '*' || filter === `state:${f.state}` || filter === `nationality:${f.nationality}`;
            const served = facts.filter(
              (f) =>
                matches(f) &&
                f.opened_on.slice(0, 7) <= to &&
                (f.closed_on === null || f.closed_on.slice(0, 7) >= from),
            );
            const d = derive(cube.rowsOf(filter), from, to, 3);
            expect(d.universe.count).toBe(served.filter((f) => consentInForce(f, TODAY)).length);
            expect(d.leftOut.count).toBe(served.filter((f) => !consentInForce(f, TODAY)).length);
            const decided = facts.filter(
              (f) =>
                matches(f) &&
                consentInForce(f, TODAY) &&
                f.decided_on &&
                f.decided_on.slice(0, 7) >= from &&
                f.decided_on.slice(0, 7) <= to,
            );
            expect(d.decisionObservations.count).toBe(decided.length);
            expect(d.beyondLimit.count).toBe(decided.filter((f) => (f.decision_days ?? 0) > 45).length);
            // Key sums too: the noise depends on exactly who is counted.
            const keySum = served
              .filter((f) => consentInForce(f, TODAY))
              .reduce((s, f) => (s + f.record_key) % 2 ** 31, 0);
            expect(d.universe.keySum).toBe(keySum);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a network member's sums cut to the months it shares", () => {
  it('give, for any period, exactly its figures for the months of the period it shares', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        (facts, bounds) => {
          const months = [...bounds].sort((x, y) => x - y).map((i) => at(MONTHS, i));
          const [a, b, c, d] = [at(months, 0), at(months, 1), at(months, 2), at(months, 3)];
          // The period [a, d]; the member shares [b, c] of it.
          const cube = new Cube();
          for (const f of facts) cube.addFact(f, TODAY, ['*']);
          const rows = cube.rowsOf('*');
          const cut = derive(clip(rows, b, c), a, d, 0);
          const own = derive(rows, b, c, 0);
          for (const name of [
            'universe',
            'leftOut',
            'decisionObservations',
            'beyondLimit',
            'acceptanceObservations',
          ] as const)
            expect(cut[name], name).toEqual(own[name]);
          expect(cut.tables).toEqual(own.tables);
        },
      ),
      { numRuns: 300 },
    );
  });
});
