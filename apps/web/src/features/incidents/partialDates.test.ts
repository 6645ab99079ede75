import { describe, expect, it } from 'vitest';
import { formatPartialDate, formatWhen } from './partialDates';

describe('partial dates as written', () => {
  it('shows a year alone', () => {
    expect(formatPartialDate('2024', 'es-MX')).toBe('2024');
  });

  it('shows a month with its year, without a day', () => {
    expect(formatPartialDate('2024-05', 'es-MX')).toBe('mayo de 2024');
    expect(formatPartialDate('2025-11', 'en')).toBe('November 2025');
    expect(formatPartialDate('2024-05', 'fr-HT')).toBe('mai 2024');
  });

  it('shows a full date as the rest of the app does, with no time-zone shift', () => {
    const expected = new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date('2024-01-01T00:00:00Z'),
    );
    expect(formatPartialDate('2024-01-01', 'es-MX')).toBe(expected);
  });

  it('passes anything else through unchanged', () => {
    expect(formatPartialDate('24-05', 'es-MX')).toBe('24-05');
    expect(formatPartialDate('2024-13', 'es-MX')).toBe('2024-13');
  });

  it('shows a period from one end to the other, and one date once', () => {
    expect(formatWhen('2023', '2024-05', 'es-MX')).toBe('2023 – mayo de 2024');
    expect(formatWhen('2024-05', null, 'es-MX')).toBe('mayo de 2024');
    expect(formatWhen('2024-05', '2024-05', 'es-MX')).toBe('mayo de 2024');
  });
});
