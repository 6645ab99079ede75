import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../errors.js';
import { buildCalendar, dayStatus, defaultCalendar, isBusinessDay, nextBusinessDay } from './calendar.js';
import type { BusinessCalendar } from './calendar.js';
import { CalendarError } from './dates.js';
import { addBusinessDays } from './periods.js';
import { DEFAULT_CALENDAR_RULES } from './rules.js';
import { datedEntrySchema } from './schemas.js';
import type { DatedEntryInput } from './schemas.js';

/** The CalendarError a call throws (fails the test if it throws nothing or something else). */
function errorOf(call: () => unknown): CalendarError {
  try {
    call();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

const SOURCE = 'Acuerdo COMAR, DOF 2024-03-20';
const HOLY_THURSDAY: DatedEntryInput = {
  id: 'e1',
  kind: 'non_business_day',
  authority: 'comar_inm',
  date: '2024-03-28',
  source: SOURCE,
  note: 'Jueves santo',
};
const VACATION: DatedEntryInput = {
  id: 'e2',
  kind: 'suspension',
  authority: 'comar_inm',
  from: '2024-12-16',
  to: '2025-01-03',
  source: 'Acuerdo COMAR, DOF 2024-12-10',
};

describe('dayStatus and isBusinessDay', () => {
  const comar = defaultCalendar('comar_inm', [HOLY_THURSDAY, VACATION]);

  it('says a plain weekday is a business day', () => {
    expect(dayStatus(comar, '2024-03-27')).toEqual({
      date: '2024-03-27',
      weekday: 3,
      businessDay: true,
      reasons: [],
    });
    expect(isBusinessDay(comar, '2024-03-27')).toBe(true);
  });

  it('gives each kind of reason with its basis or source', () => {
    expect(dayStatus(comar, '2024-03-23').reasons).toEqual([
      { kind: 'weekend', weekday: 6, basis: 'LFPA art. 28' },
    ]);
    expect(dayStatus(comar, '2024-03-18').reasons).toEqual([
      { kind: 'holiday', code: 'benito_juarez', basis: 'LFPA art. 28' },
    ]);
    expect(dayStatus(comar, '2024-03-28').reasons).toEqual([
      { kind: 'non_business_day', source: SOURCE, note: 'Jueves santo', entryId: 'e1' },
    ]);
    expect(dayStatus(comar, '2024-12-20').reasons).toEqual([
      { kind: 'suspension', from: '2024-12-16', to: '2025-01-03', source: VACATION.source, entryId: 'e2' },
    ]);
    expect(isBusinessDay(comar, '2024-03-28')).toBe(false);
  });

  it('lists every reason when several apply', () => {
    // Wed 25 Dec 2024: Christmas, inside the vacation
    expect(dayStatus(comar, '2024-12-25').reasons.map((r) => r.kind)).toEqual(['holiday', 'suspension']);
    // Sun 5 May 2024: weekend and Batalla de Puebla
    expect(dayStatus(comar, '2024-05-05').reasons).toEqual([
      { kind: 'weekend', weekday: 0, basis: 'LFPA art. 28' },
      { kind: 'holiday', code: 'batalla_puebla', basis: 'LFPA art. 28' },
    ]);
  });

  it('treats the suspension bounds as inclusive', () => {
    expect(isBusinessDay(comar, '2024-12-13')).toBe(true);
    expect(isBusinessDay(comar, '2024-12-16')).toBe(false);
    expect(isBusinessDay(comar, '2025-01-03')).toBe(false);
    expect(isBusinessDay(comar, '2025-01-06')).toBe(true);
    expect(nextBusinessDay(comar, '2024-12-13')).toBe('2025-01-06');
  });

  it('keeps only the entries of its own authority', () => {
    const amparo = defaultCalendar('amparo', [HOLY_THURSDAY, { ...VACATION, authority: 'amparo' }]);
    expect(amparo.entries).toHaveLength(1);
    expect(isBusinessDay(amparo, '2024-03-28')).toBe(true);
    expect(isBusinessDay(amparo, '2024-12-20')).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isBusinessDay(comar, '2024-02-30')).toThrow(CalendarError);
  });
});

describe('buildCalendar', () => {
  it('validates rules and entries', () => {
    expect(errorOf(() => buildCalendar({ ...DEFAULT_CALENDAR_RULES.comar_inm, weekendBasis: '' })).code).toBe(
      'invalid_rules',
    );
    const error = errorOf(() => defaultCalendar('comar_inm', [{ ...HOLY_THURSDAY, date: '2024-02-30' }]));
    expect(error.code).toBe('invalid_entries');
    expect(error.message).toMatch(/^invalid dated entries: 0\.date/);
  });

  it('uses admin-corrected rules', () => {
    // an admin adds 2 November as a rule for COMAR and a Saturday-only weekend
    const rules = {
      ...DEFAULT_CALENDAR_RULES.comar_inm,
      weekendDays: [6],
      holidays: [
        ...DEFAULT_CALENDAR_RULES.comar_inm.holidays,
        {
          code: 'dia_de_muertos',
          kind: 'fixed_date' as const,
          month: 11,
          day: 2,
          basis: 'Acuerdo',
          name: 'Muertos',
        },
      ],
    };
    const calendar = buildCalendar(rules);
    expect(isBusinessDay(calendar, '2025-11-02')).toBe(false); // a Sunday, now only for the holiday
    expect(dayStatus(calendar, '2025-11-02').reasons).toEqual([
      { kind: 'holiday', code: 'dia_de_muertos', name: 'Muertos', basis: 'Acuerdo' },
    ]);
    expect(isBusinessDay(calendar, '2025-11-09')).toBe(true); // another Sunday
  });

  it('works with a calendar object assembled by hand', () => {
    const calendar: BusinessCalendar = {
      authority: 'amparo',
      rules: DEFAULT_CALENDAR_RULES.amparo,
      entries: [],
    };
    expect(isBusinessDay(calendar, '2024-02-05')).toBe(false);
  });

  it('fails clearly when no business day can ever be found', () => {
    const calendar = buildCalendar({ ...DEFAULT_CALENDAR_RULES.labour, weekendDays: [0, 1, 2, 3, 4, 5] });
    const everyDay = {
      ...DEFAULT_CALENDAR_RULES.labour,
      weekendDays: [0, 1, 2, 3, 4, 5],
      holidays: [
        // every Saturday of the year, as five nth-weekday rules per month
        ...Array.from({ length: 12 }, (_, m) =>
          [1, 2, 3, 4, 5].map((nth) => ({
            code: 'saturday',
            kind: 'nth_weekday' as const,
            month: m + 1,
            weekday: 6,
            nth,
            basis: 'x',
          })),
        ).flat(),
      ],
    };
    expect(addBusinessDays(calendar, '2024-01-01', 1).dueDate).toBe('2024-01-06');
    const impossible = buildCalendar(everyDay);
    expect(errorOf(() => addBusinessDays(impossible, '2024-01-01', 1)).code).toBe('no_business_day');
  });
});

describe('dated entry schema', () => {
  const errors = (value: unknown) => {
    const result = datedEntrySchema.safeParse(value);
    return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
  };

  it('accepts both kinds', () => {
    expect(errors(HOLY_THURSDAY)).toEqual([]);
    expect(errors(VACATION)).toEqual([]);
  });

  it('answers stable field codes', () => {
    expect(errors({ ...HOLY_THURSDAY, date: '2023-02-29' })).toEqual([
      { path: 'date', code: 'invalid_date' },
    ]);
    expect(errors({ ...HOLY_THURSDAY, source: ' ' })).toEqual([{ path: 'source', code: 'required' }]);
    expect(errors({ ...HOLY_THURSDAY, authority: 'sat' })).toEqual([
      { path: 'authority', code: 'invalid_choice' },
    ]);
    expect(errors({ ...VACATION, from: '2025-01-04' })).toEqual([{ path: 'to', code: 'range_reversed' }]);
    expect(errors({ ...VACATION, to: '2026-01-03' })).toEqual([
      { path: 'to', code: 'range_too_long', params: { max: 366 } },
    ]);
    expect(errors({ ...HOLY_THURSDAY, extra: 1 })).toEqual([{ path: 'extra', code: 'unknown_field' }]);
  });

  it('accepts a one-day suspension and the longest one', () => {
    expect(errors({ ...VACATION, from: '2024-12-16', to: '2024-12-16' })).toEqual([]);
    // 2024-01-01 → 2024-12-31 is 366 days (leap year)
    expect(errors({ ...VACATION, from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
  });
});

describe('public API', () => {
  it('is exported from the package root', async () => {
    const domain = await import('../index.js');
    // Mon 30 Sep 2024: Tue 1 Oct (presidential transmission) skipped, Wed 2 Oct (1)
    expect(domain.addBusinessDays(domain.defaultCalendar('comar_inm'), '2024-09-30', 1).dueDate).toBe(
      '2024-10-02',
    );
  });
});
