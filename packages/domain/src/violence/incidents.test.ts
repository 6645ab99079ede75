import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../errors.js';
import { summarizeIncidents } from './api.js';
import { ageAtIncident, incidentContextFlags, incidentInput, partialDateRange } from './incidents.js';

const transit = {
  from: '2025-11',
  phase: 'transit',
  country: 'GT',
  types: ['physical', 'sexual'],
  gbvType: 'rape',
  perpetrator: 'gang_organized_crime',
  reported: 'no',
} as const;

const errors = (input: unknown) => {
  const parsed = incidentInput.safeParse(input);
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
};

describe('partial dates', () => {
  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-11-02', '2024-11-02', '2024-11-02'],
  ])('%s covers %s to %s', (value, first, last) => {
    expect(partialDateRange(value)).toEqual({ first, last });
  });

  it.each(['24', '2024-13', '2024-00', '2025-02-29', '2024/05', '2024-5', '1899', ''])(
    '%s is not one',
    (v) => {
      expect(partialDateRange(v)).toBeNull();
    },
  );
});

describe('an incident', () => {
  it('accepts a year-month in transit and fills the defaults', () => {
    const parsed = incidentInput.parse(transit);
    expect(parsed).toMatchObject({
      to: null,
      state: null,
      modality: null,
      perpetratorCount: null,
      reportedTo: [],
    });
  });

  it('is in Mexico when it happened in Mexico and no country was given', () => {
    expect(incidentInput.parse({ ...transit, phase: 'mexico', country: null, state: '07' }).country).toBe(
      'MX',
    );
  });

  it('refuses what cannot be true, with stable codes', () => {
    expect(errors({ ...transit, from: '2025-13' })).toEqual([{ path: 'from', code: 'invalid_partial_date' }]);
    expect(errors({ ...transit, from: '2099' })).toEqual([{ path: 'from', code: 'future_date' }]);
    expect(errors({ ...transit, from: '2025-11', to: '2025-10' })).toEqual([
      { path: 'to', code: 'range_reversed' },
    ]);
    expect(errors({ ...transit, state: '07' })).toEqual([{ path: 'state', code: 'state_outside_mexico' }]);
    expect(errors({ ...transit, phase: 'mexico' })).toEqual([
      { path: 'country', code: 'phase_country_mismatch' },
    ]);
    expect(errors({ ...transit, reportedTo: ['police'] })).toEqual([
      { path: 'reportedTo', code: 'reported_to_without_report' },
    ]);
    expect(errors({ ...transit, types: [] })).toEqual([{ path: 'types', code: 'required' }]);
    expect(errors({ ...transit, gbvType: 'robbery' })).toEqual([{ path: 'gbvType', code: 'invalid_choice' }]);
    expect(errors({ ...transit, narrative: 'a\u0000b' })).toEqual([{ path: 'narrative', code: 'invalid' }]);
    expect(errors({ ...transit, survivorName: 'x' })).toEqual([
      { path: 'survivorName', code: 'unknown_field' },
    ]);
  });

  it('accepts a period within one year written as the year and a month in it', () => {
    expect(errors({ ...transit, from: '2024', to: '2024-03' })).toEqual([]);
  });
});

describe('context flags, derived', () => {
  it('names partner violence, state actors and organized crime from the perpetrator', () => {
    expect(incidentContextFlags({ perpetrator: 'former_partner', gbvType: 'physical_assault' }, 30)).toEqual([
      'intimate_partner_violence',
    ]);
    expect(
      incidentContextFlags({ perpetrator: 'migration_authority', gbvType: 'psychological_abuse' }, null),
    ).toEqual(['state_actor']);
    expect(incidentContextFlags({ perpetrator: 'gang_organized_crime', gbvType: 'rape' }, 25)).toEqual([
      'organized_crime',
    ]);
  });

  it('names a girl survivor, child sexual abuse and child marriage from her age at the time', () => {
    expect(incidentContextFlags({ perpetrator: 'family_member', gbvType: 'sexual_assault' }, 12)).toEqual([
      'child_survivor',
      'child_sexual_abuse',
    ]);
    expect(incidentContextFlags({ perpetrator: 'other', gbvType: 'forced_marriage' }, 16)).toEqual([
      'child_survivor',
      'child_marriage',
    ]);
    expect(incidentContextFlags({ perpetrator: 'other', gbvType: 'forced_marriage' }, 18)).toEqual([]);
  });

  it('takes her age at the earliest day the incident may have happened', () => {
    const survivor = { birthDate: '2008-06-15', estimatedAge: null, registeredOn: '2026-11-01' };
    expect(ageAtIncident(survivor, '2026')).toBe(17);
    expect(ageAtIncident(survivor, '2026-06-15')).toBe(18);
    expect(ageAtIncident({ birthDate: null, estimatedAge: 20, registeredOn: '2026-11-01' }, '2022-12')).toBe(
      17,
    );
    expect(
      ageAtIncident({ birthDate: null, estimatedAge: null, registeredOn: '2026-11-01' }, '2022'),
    ).toBeNull();
  });
});

describe('the summary', () => {
  it('counts types, phases, perpetrators and flags in the enumerations’ order, without narratives', () => {
    const summary = summarizeIncidents([
      {
        types: ['sexual', 'physical'],
        phase: 'transit',
        perpetrator: 'gang_organized_crime',
        gbvType: 'rape',
        contextFlags: ['organized_crime'],
      },
      {
        types: ['psychological'],
        phase: 'mexico',
        perpetrator: 'migration_authority',
        gbvType: 'psychological_abuse',
        contextFlags: ['state_actor'],
      },
      {
        types: ['physical'],
        phase: 'transit',
        perpetrator: 'gang_organized_crime',
        gbvType: 'physical_assault',
        contextFlags: ['organized_crime'],
      },
    ]);
    expect(summary).toEqual({
      incidents: 3,
      types: [
        { value: 'psychological', count: 1 },
        { value: 'physical', count: 2 },
        { value: 'sexual', count: 1 },
      ],
      phases: [
        { value: 'transit', count: 2 },
        { value: 'mexico', count: 1 },
      ],
      perpetrators: [
        { value: 'gang_organized_crime', count: 2 },
        { value: 'migration_authority', count: 1 },
      ],
      gbvTypes: [
        { value: 'rape', count: 1 },
        { value: 'physical_assault', count: 1 },
        { value: 'psychological_abuse', count: 1 },
      ],
      contextFlags: [
        { value: 'state_actor', count: 1 },
        { value: 'organized_crime', count: 2 },
      ],
    });
  });
});
