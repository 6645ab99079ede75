import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar.js';
import { renderExplanation, renderReason } from './explain.js';
import { addBusinessDays, addCalendarDays, addMonths } from './periods.js';
import type { DatedEntryInput } from './schemas.js';

const SOURCE = 'Acuerdo COMAR, DOF 2024-03-20';
const HOLY_WEEK_2024: DatedEntryInput[] = [
  {
    kind: 'non_business_day',
    authority: 'comar_inm',
    date: '2024-03-28',
    source: SOURCE,
    note: 'jueves santo',
  },
  {
    kind: 'non_business_day',
    authority: 'comar_inm',
    date: '2024-03-29',
    source: SOURCE,
    note: 'viernes santo',
  },
];
const comar = defaultCalendar('comar_inm', HOLY_WEEK_2024);

describe('business-day explanation', () => {
  const { explanation } = addBusinessDays(comar, '2024-03-22', 15, { trigger: 'notification' });

  it('is structured data with every skipped day and its reason', () => {
    expect(explanation).toMatchObject({
      method: 'business_days',
      authority: 'comar_inm',
      trigger: 'notification',
      amount: 15,
      effectDate: '2024-03-22',
      effectDateReasons: [],
      countFrom: '2024-03-22',
      firstCountedDay: '2024-03-25',
      dueDate: '2024-04-16',
      daysCounted: 15,
    });
    // Sat 23, Sun 24, Thu 28, Fri 29, Sat 30, Sun 31, Sat 6, Sun 7, Sat 13, Sun 14
    expect(explanation.skipped.map((d) => d.date.slice(5))).toEqual([
      '03-23',
      '03-24',
      '03-28',
      '03-29',
      '03-30',
      '03-31',
      '04-06',
      '04-07',
      '04-13',
      '04-14',
    ]);
    expect(explanation.skipped[2]).toEqual({
      date: '2024-03-28',
      weekday: 4,
      reasons: [{ kind: 'non_business_day', source: SOURCE, note: 'jueves santo' }],
    });
  });

  it('renders in Spanish', () => {
    expect(renderExplanation(explanation, 'es')).toBe(
      'Plazo de 15 días hábiles (calendario COMAR/INM). ' +
        'Contado desde el lunes 2024-03-25 (día hábil siguiente a la notificación del viernes 2024-03-22); ' +
        'vence el martes 2024-04-16. ' +
        'Se omiten: 8 días de fin de semana; 2024-03-28 (jueves santo, Acuerdo COMAR, DOF 2024-03-20); ' +
        '2024-03-29 (viernes santo, Acuerdo COMAR, DOF 2024-03-20).',
    );
  });

  it('renders in English', () => {
    expect(renderExplanation(explanation, 'en')).toBe(
      '15 business days (COMAR/INM calendar). ' +
        'Counted from Monday 2024-03-25 (the business day after the notification on Friday 2024-03-22); ' +
        'due Tuesday 2024-04-16. ' +
        'Skipped: 8 weekend days; 2024-03-28 (jueves santo, Acuerdo COMAR, DOF 2024-03-20); ' +
        '2024-03-29 (viernes santo, Acuerdo COMAR, DOF 2024-03-20).',
    );
  });

  it('names holidays with their basis and shows a suspension once as a range', () => {
    const calendar = defaultCalendar('comar_inm', [
      {
        kind: 'suspension',
        authority: 'comar_inm',
        from: '2025-12-15',
        to: '2026-01-02',
        source: 'Acuerdo COMAR, DOF 2025-12-01',
        note: 'vacaciones',
      },
    ]);
    // Wed 10 Dec 2025: Thu11(1) Fri12(2), 15 Dec–2 Jan suspended, … Wed 21 Jan (15); weekends 13–14 Dec, 3–4, 10–11, 17–18 Jan
    const result = addBusinessDays(calendar, '2025-12-10', 15, { trigger: 'notification' });
    const es = renderExplanation(result.explanation, 'es');
    expect(es).toContain(
      'del 2025-12-15 al 2026-01-02 (19 días; suspensión del 2025-12-15 al 2026-01-02, vacaciones, Acuerdo COMAR, DOF 2025-12-01)',
    );
    expect(es).toContain('Se omiten: 8 días de fin de semana; del 2025-12-15');
    expect(renderExplanation(result.explanation, 'en')).toContain(
      '2025-12-15 to 2026-01-02 (19 days; suspension from',
    );

    const transmission = addBusinessDays(defaultCalendar('comar_inm'), '2024-09-30', 1, {
      trigger: 'filing',
    });
    expect(renderExplanation(transmission.explanation, 'es')).toBe(
      'Plazo de 1 día hábil (calendario COMAR/INM). ' +
        'Contado desde el miércoles 2024-10-02 (día hábil siguiente a la presentación del lunes 2024-09-30); ' +
        'vence el miércoles 2024-10-02. ' +
        'Se omiten: 2024-10-01 (transmisión del Poder Ejecutivo Federal, LFPA art. 28; CPEUM art. 83).',
    );
  });

  it('lists a holiday on a weekend with both reasons', () => {
    // Fri 30 Apr 2027: Sat 1 May (weekend + Labour Day), Sun 2, Mon 3 (1)
    const { explanation: e } = addBusinessDays(defaultCalendar('labour'), '2027-04-30', 1);
    expect(renderExplanation(e, 'es')).toContain(
      'día hábil siguiente al acto que lo origina del viernes 2027-04-30); vence el lunes 2027-05-03. ' +
        'Se omiten: 1 día de fin de semana; 2027-05-01 (sábado; Día del Trabajo, LFT art. 74).',
    );
    expect(renderExplanation(e, 'en')).toContain('2027-05-01 (Saturday; Labour Day, LFT art. 74)');
  });

  it('says when nothing was skipped and when the effect date is not a business day', () => {
    const plain = addBusinessDays(comar, '2024-04-08', 2, { trigger: 'entry' }).explanation;
    expect(renderExplanation(plain, 'es')).toContain('a la entrada al país del lunes 2024-04-08');
    expect(renderExplanation(plain, 'es')).toMatch(/Sin días inhábiles intermedios\.$/);
    expect(renderExplanation(plain, 'en')).toMatch(/No non-business days in between\.$/);

    const kept = addBusinessDays(comar, '2024-03-23', 1, { trigger: 'notification' }).explanation;
    expect(kept.effectDateReasons).toEqual([{ kind: 'weekend', weekday: 6, basis: 'LFPA art. 28' }]);
    expect(renderExplanation(kept, 'es')).toContain(
      '(día hábil siguiente a la notificación del sábado 2024-03-23, día inhábil: sábado)',
    );

    const deferred = addBusinessDays(comar, '2024-03-23', 1, { effectDateHandling: 'defer' }).explanation;
    // Sat 23 deemed Mon 25 → Tue 26 is day 1
    expect(deferred.dueDate).toBe('2024-03-26');
    expect(renderExplanation(deferred, 'es')).toContain(
      'La fecha de efecto, sábado 2024-03-23, es inhábil (sábado); se toma como fecha de efecto el lunes 2024-03-25. ' +
        'Contado desde el martes 2024-03-26 (día hábil siguiente al lunes 2024-03-25)',
    );
    expect(renderExplanation(deferred, 'en')).toContain('is deemed to take effect on Monday 2024-03-25');
  });

  it('renders a custom holiday by its name, or its code', () => {
    expect(renderReason({ kind: 'holiday', code: 'x_y', name: 'Día local', basis: 'Acuerdo' }, 'en')).toBe(
      'Día local, Acuerdo',
    );
    expect(renderReason({ kind: 'holiday', code: 'x_y', basis: 'Acuerdo' }, 'es')).toBe('x_y, Acuerdo');
    expect(renderReason({ kind: 'non_business_day', source: 'DOF' }, 'es')).toBe(
      'día inhábil declarado, DOF',
    );
  });
});

describe('calendar-day and month explanation', () => {
  it('explains a CURP expiry and its roll forward', () => {
    const fixed = addCalendarDays('2024-01-15', 180, { trigger: 'issuance' });
    expect(fixed.explanation).toMatchObject({
      method: 'calendar_days',
      firstCountedDay: '2024-01-16',
      nominalDueDate: '2024-07-13',
      dueDate: '2024-07-13',
      daysCounted: 180,
      roll: 'none',
      authority: null,
      skipped: [],
    });
    expect(renderExplanation(fixed.explanation, 'es')).toBe(
      'Plazo de 180 días naturales, contado desde el día siguiente a la expedición del lunes 2024-01-15 ' +
        '(primer día: martes 2024-01-16); vence el sábado 2024-07-13. ' +
        'Vencimiento fijo: no se corre si cae en día inhábil.',
    );
    const rolled = addCalendarDays('2024-01-15', 180, { roll: 'next_business_day', calendar: comar });
    expect(renderExplanation(rolled.explanation, 'en')).toBe(
      '180 calendar days, counted from the day after the triggering act on Monday 2024-01-15 ' +
        '(first day: Tuesday 2024-01-16); due Saturday 2024-07-13. ' +
        'That day is not a business day in the COMAR/INM calendar; the due date moves to Monday 2024-07-15. ' +
        'Skipped: 2 weekend days.',
    );
  });

  it('explains a month-end clamp', () => {
    const result = addMonths('2024-01-31', 1, { trigger: 'notification' });
    expect(result.explanation.monthEnd).toBe('last_day_of_month');
    expect(renderExplanation(result.explanation, 'es')).toBe(
      'Plazo de 1 mes, de fecha a fecha desde la notificación del miércoles 2024-01-31; ' +
        'vence el jueves 2024-02-29 (el mes de vencimiento no tiene día 31: se toma el último día de ese mes). ' +
        'Vencimiento fijo: no se corre si cae en día inhábil.',
    );
    expect(renderExplanation(addMonths('2024-01-15', 2).explanation, 'en')).toBe(
      '2 months, from date to date after the triggering act on Monday 2024-01-15; due Friday 2024-03-15. ' +
        'Fixed date: not moved if it falls on a non-business day.',
    );
  });

  it('survives a round trip through JSON (a stored explanation renders the same)', () => {
    const { explanation } = addBusinessDays(
      defaultCalendar('comar_inm', [
        { kind: 'suspension', authority: 'comar_inm', from: '2025-12-15', to: '2026-01-02', source: 'A' },
      ]),
      '2025-12-10',
      15,
    );
    const stored = JSON.parse(JSON.stringify(explanation)) as typeof explanation;
    expect(renderExplanation(stored, 'es')).toBe(renderExplanation(explanation, 'es'));
  });
});
