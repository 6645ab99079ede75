/** The rule-based holidays of each authority, listed by hand for 2018, 2024, 2025, 2026 and 2030. */
import { describe, expect, it } from 'vitest';
import { CalendarError } from './dates.js';
import { DEFAULT_CALENDAR_RULES, holidaysInYear } from './rules.js';
import { calendarRulesSchema, holidayRuleSchema } from './schemas.js';
import type { Authority } from './schemas.js';

function list(authority: Authority, year: number): string[] {
  return holidaysInYear(DEFAULT_CALENDAR_RULES[authority], year).map((h) => `${h.date} ${h.code}`);
}

// Mondays: 2018 — Feb 5, Mar 19, Nov 19; 2024 — Feb 5, Mar 18, Nov 18; 2025 — Feb 3, Mar 17, Nov 17;
// 2026 — Feb 2, Mar 16, Nov 16; 2030 — Feb 4, Mar 18, Nov 18 (weekdays checked with GNU date).
const COMAR: Record<number, string[]> = {
  2018: [
    '2018-01-01 new_year',
    '2018-02-05 constitution_day',
    '2018-03-19 benito_juarez',
    '2018-05-01 labour_day',
    '2018-05-05 batalla_puebla',
    '2018-09-16 independence',
    '2018-11-19 revolution',
    '2018-12-01 presidential_transmission',
    '2018-12-25 christmas',
  ],
  2024: [
    '2024-01-01 new_year',
    '2024-02-05 constitution_day',
    '2024-03-18 benito_juarez',
    '2024-05-01 labour_day',
    '2024-05-05 batalla_puebla',
    '2024-09-16 independence',
    '2024-10-01 presidential_transmission',
    '2024-11-18 revolution',
    '2024-12-25 christmas',
  ],
  2025: [
    '2025-01-01 new_year',
    '2025-02-03 constitution_day',
    '2025-03-17 benito_juarez',
    '2025-05-01 labour_day',
    '2025-05-05 batalla_puebla',
    '2025-09-16 independence',
    '2025-11-17 revolution',
    '2025-12-25 christmas',
  ],
  2026: [
    '2026-01-01 new_year',
    '2026-02-02 constitution_day',
    '2026-03-16 benito_juarez',
    '2026-05-01 labour_day',
    '2026-05-05 batalla_puebla',
    '2026-09-16 independence',
    '2026-11-16 revolution',
    '2026-12-25 christmas',
  ],
  2030: [
    '2030-01-01 new_year',
    '2030-02-04 constitution_day',
    '2030-03-18 benito_juarez',
    '2030-05-01 labour_day',
    '2030-05-05 batalla_puebla',
    '2030-09-16 independence',
    '2030-10-01 presidential_transmission',
    '2030-11-18 revolution',
    '2030-12-25 christmas',
  ],
};

/** The labour-law list is COMAR's without 5 May. */
const LABOUR: Record<number, string[]> = Object.fromEntries(
  Object.entries(COMAR).map(([year, days]) => [year, days.filter((d) => !d.endsWith('batalla_puebla'))]),
);

const amparo = (year: number) => [
  `${year}-01-01 new_year`,
  `${year}-02-05 constitution_day`,
  `${year}-03-21 benito_juarez`,
  `${year}-05-01 labour_day`,
  `${year}-05-05 batalla_puebla`,
  `${year}-09-16 independence`,
  `${year}-10-12 dia_de_la_raza`,
  `${year}-11-20 revolution`,
  `${year}-12-25 christmas`,
];

describe('default holiday rules', () => {
  const years = [2018, 2024, 2025, 2026, 2030];

  it.each(years)('COMAR/INM (LFPA art. 28) in %i', (year) => {
    expect(list('comar_inm', year)).toEqual(COMAR[year]);
  });

  it.each(years)('amparo (Ley de Amparo art. 19) in %i: fixed dates, no transmission', (year) => {
    expect(list('amparo', year)).toEqual(amparo(year));
  });

  it.each(years)('labour (LFT art. 74) in %i', (year) => {
    expect(list('labour', year)).toEqual(LABOUR[year]);
  });

  it.each(years)('TFJA in %i: the labour-law holidays as rules', (year) => {
    expect(list('tfja', year)).toEqual(LABOUR[year]);
  });

  it('puts the presidential transmission on 1 December up to 2018 and 1 October from 2024', () => {
    const transmission = (year: number) =>
      holidaysInYear(DEFAULT_CALENDAR_RULES.comar_inm, year)
        .filter((h) => h.code === 'presidential_transmission')
        .map((h) => h.date);
    expect(transmission(2006)).toEqual(['2006-12-01']);
    expect(transmission(2012)).toEqual(['2012-12-01']);
    expect(transmission(2018)).toEqual(['2018-12-01']);
    expect(transmission(2024)).toEqual(['2024-10-01']); // not also 1 December 2024
    expect(transmission(2036)).toEqual(['2036-10-01']);
    for (const year of [2019, 2023, 2025, 2029, 2031]) expect(transmission(year)).toEqual([]);
  });

  it('gives every holiday its legal basis', () => {
    const basis = (authority: Authority) =>
      new Set(holidaysInYear(DEFAULT_CALENDAR_RULES[authority], 2024).map((h) => h.basis.split(';')[0]));
    expect(basis('comar_inm')).toEqual(new Set(['LFPA art. 28']));
    expect(basis('amparo')).toEqual(new Set(['Ley de Amparo art. 19']));
    expect(basis('labour')).toEqual(new Set(['LFT art. 74']));
  });

  it('keeps the defaults valid under the schema an admin edit will use', () => {
    for (const rules of Object.values(DEFAULT_CALENDAR_RULES)) {
      expect(calendarRulesSchema.safeParse(rules).success).toBe(true);
    }
  });

  it('rejects a year outside the supported range', () => {
    expect(() => holidaysInYear(DEFAULT_CALENDAR_RULES.amparo, 1800)).toThrow(CalendarError);
    expect(() => holidaysInYear(DEFAULT_CALENDAR_RULES.amparo, 2024.5)).toThrow(/integer/);
  });
});

describe('rule kinds', () => {
  const basis = 'prueba';

  it('computes a last weekday and skips a missing fifth weekday', () => {
    const rules = [
      {
        code: 'last_monday_may',
        kind: 'nth_weekday' as const,
        month: 5,
        weekday: 1,
        nth: -1 as const,
        basis,
      },
      { code: 'fifth_friday_feb', kind: 'nth_weekday' as const, month: 2, weekday: 5, nth: 5, basis },
    ];
    // May 2024: Mondays 6, 13, 20, 27. February 2024: Fridays 2, 9, 16, 23 — no fifth.
    expect(holidaysInYear(rules, 2024).map((h) => h.date)).toEqual(['2024-05-27']);
    // February 2036 starts on a Friday and has 29 days: Fridays 1, 8, 15, 22, 29.
    expect(holidaysInYear(rules, 2036).map((h) => h.date)).toEqual(['2036-02-29', '2036-05-26']);
  });

  it('gives 29 February only in leap years and honours fromYear/toYear', () => {
    const rules = [
      { code: 'leap', kind: 'fixed_date' as const, month: 2, day: 29, basis },
      { code: 'window', kind: 'fixed_date' as const, month: 7, day: 1, fromYear: 2025, toYear: 2026, basis },
    ];
    expect(holidaysInYear(rules, 2024).map((h) => h.code)).toEqual(['leap']);
    expect(holidaysInYear(rules, 2025).map((h) => h.code)).toEqual(['window']);
    expect(holidaysInYear(rules, 2027)).toEqual([]);
  });

  it('validates rules with stable codes', () => {
    const codes = (value: unknown) => {
      const result = holidayRuleSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(codes({ code: 'x', kind: 'fixed_date', month: 2, day: 30, basis })).toEqual(['day']);
    expect(codes({ code: 'x', kind: 'fixed_date', month: 13, day: 1, basis })).toEqual(['month']);
    expect(
      codes({ code: 'x', kind: 'fixed_date', month: 1, day: 1, basis, fromYear: 2030, toYear: 2020 }),
    ).toEqual(['toYear']);
    expect(codes({ code: 'Bad Code', kind: 'fixed_date', month: 1, day: 1, basis })).toEqual(['code']);
    expect(codes({ code: 'x', kind: 'fixed_date', month: 1, day: 1, basis: '  ' })).toEqual(['basis']);
    expect(codes({ code: 'x', kind: 'nth_weekday', month: 1, weekday: 7, nth: 1, basis })).toEqual([
      'weekday',
    ]);
    expect(codes({ code: 'x', kind: 'nth_weekday', month: 1, weekday: 1, nth: 0, basis })).toEqual(['nth']);
    expect(codes({ code: 'x', kind: 'easter', basis })).toEqual(['kind']);
    expect(codes({ code: 'x', kind: 'fixed_date', month: 1, day: 1, basis, extra: true })).toEqual(['']);
    expect(
      calendarRulesSchema.safeParse({ ...DEFAULT_CALENDAR_RULES.amparo, weekendDays: [0, 0] }).success,
    ).toBe(false);
  });
});
