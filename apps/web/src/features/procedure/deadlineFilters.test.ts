import { describe, expect, it } from 'vitest';
import { parseDeadlineFilters } from './deadlineFilters';

describe('parseDeadlineFilters', () => {
  it('keeps a known status and the include-closed flag', () => {
    expect(parseDeadlineFilters({ status: 'overdue', includeClosed: true })).toEqual({
      status: 'overdue',
      includeClosed: true,
    });
    expect(parseDeadlineFilters({ includeClosed: 'true' })).toEqual({ includeClosed: true });
    expect(parseDeadlineFilters({ responsibleOnly: 'true' })).toEqual({ responsibleOnly: true });
  });

  it('drops unknown values', () => {
    expect(
      parseDeadlineFilters({ status: 'late', includeClosed: 'yes', responsibleOnly: 1, q: 'Marie' }),
    ).toEqual({});
  });
});
