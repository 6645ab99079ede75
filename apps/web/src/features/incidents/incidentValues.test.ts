import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues, incidentInput, incidentPatch } from '@senda/domain';
import type { CaseIncident } from '../../lib/api';
import {
  EMPTY_INCIDENT,
  incidentOfValues,
  incidentPatchOf,
  narrativeMode,
  valuesOfIncident,
  type IncidentFormValues,
} from './incidentValues';

const transit: IncidentFormValues = {
  ...EMPTY_INCIDENT,
  from: '2025-11',
  phase: 'transit',
  country: 'GT',
  types: ['sexual', 'physical'],
  gbvType: 'rape',
  perpetrator: 'gang_organized_crime',
  reported: 'no',
};

const stored: CaseIncident = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  from: '2026-01-15',
  to: null,
  phase: 'mexico',
  country: 'MX',
  state: '07',
  types: ['psychological'],
  modality: 'institutional',
  gbvType: 'psychological_abuse',
  perpetrator: 'migration_authority',
  perpetratorCount: 2,
  reported: 'yes',
  reportedTo: ['human_rights_commission'],
  reportedToDetail: 'Visitaduría de Tapachula',
  contextFlags: ['state_actor'],
  narrative: { present: true, readable: true, text: 'Lo que contó.', unreadable: false },
  recordedBy: 'Ana',
  createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
};

const errorsOf = (input: unknown) => {
  const parsed = incidentInput.safeParse(input);
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
};

describe('a new incident from the form', () => {
  it('is what the schema takes, types in the law’s order and no narrative when blank', () => {
    const input = incidentOfValues({ ...transit, narrative: '   ' });
    expect(input).toEqual({
      from: '2025-11',
      to: null,
      phase: 'transit',
      country: 'GT',
      state: null,
      types: ['physical', 'sexual'],
      modality: null,
      gbvType: 'rape',
      perpetrator: 'gang_organized_crime',
      perpetratorCount: null,
      reported: 'no',
      reportedTo: [],
      reportedToDetail: '',
    });
    expect(errorsOf(input)).toEqual([]);
  });

  it('is in Mexico when the phase says so and no country is chosen', () => {
    const parsed = incidentInput.parse(
      incidentOfValues({ ...transit, phase: 'mexico', country: '', state: '07' }),
    );
    expect(parsed).toMatchObject({ country: 'MX', state: '07' });
  });

  it('drops what the form hides: a state outside Mexico, recipients of a report not made', () => {
    const input = incidentOfValues({
      ...transit,
      state: '07',
      reportedTo: ['police'],
      reportedToDetail: 'Fiscalía',
    });
    expect(input).toMatchObject({ state: null, reportedTo: [], reportedToDetail: '' });
    expect(errorsOf(input)).toEqual([]);
  });

  it('passes what is missing or mistyped on for the schema to report on the form’s fields', () => {
    const input = incidentOfValues({ ...EMPTY_INCIDENT, perpetratorCount: 'dos' });
    expect(errorsOf(input).map((e) => e.path)).toEqual(
      expect.arrayContaining(['from', 'phase', 'types', 'gbvType', 'perpetrator', 'perpetratorCount']),
    );
    expect(incidentOfValues({ ...transit, perpetratorCount: ' 3 ' }).perpetratorCount).toBe(3);
  });
});

describe('a change to a stored incident', () => {
  const initial = valuesOfIncident(stored);

  it('opens the form with the stored facts and a readable narrative', () => {
    expect(initial).toMatchObject({ state: '07', perpetratorCount: '2', narrative: 'Lo que contó.' });
    expect(incidentPatchOf(initial, initial)).toEqual({});
  });

  it('sends only the fields that changed', () => {
    const patch = incidentPatchOf(initial, { ...initial, perpetratorCount: '3', to: '2026-01-20' });
    expect(patch).toEqual({ perpetratorCount: 3, to: '2026-01-20' });
    expect(incidentPatch.safeParse(patch).success).toBe(true);
  });

  it('does not count the order boxes were ticked in as a change', () => {
    const twice = { ...stored, types: ['physical', 'psychological'] as CaseIncident['types'] };
    const opened = valuesOfIncident(twice);
    expect(incidentPatchOf(opened, { ...opened, types: ['psychological', 'physical'] })).toEqual({});
  });

  it('clears to whom it was reported along with the report', () => {
    expect(incidentPatchOf(initial, { ...initial, reported: 'no' })).toEqual({
      reported: 'no',
      reportedTo: [],
      reportedToDetail: '',
    });
  });

  it('sends the narrative only when it was typed in; erasing a readable one removes it', () => {
    expect(incidentPatchOf(initial, { ...initial, narrative: 'Otra versión.' })).toEqual({
      narrative: 'Otra versión.',
    });
    expect(incidentPatchOf(initial, { ...initial, narrative: '  ' })).toEqual({ narrative: '' });
  });

  it('never wipes a narrative this person cannot read', () => {
    const hidden = valuesOfIncident({
      ...stored,
      narrative: { present: true, readable: false, text: null, unreadable: false },
    });
    expect(hidden.narrative).toBe('');
    expect(incidentPatchOf(hidden, { ...hidden, perpetratorCount: '' })).toEqual({ perpetratorCount: null });
    expect(incidentPatchOf(hidden, { ...hidden, narrative: ' ' })).toEqual({});
  });

  it('replaces a narrative that could not be read only with new text', () => {
    const broken = valuesOfIncident({
      ...stored,
      narrative: { present: true, readable: true, text: '', unreadable: true },
    });
    expect(broken.narrative).toBe('');
    expect(incidentPatchOf(broken, broken)).toEqual({});
    expect(incidentPatchOf(broken, { ...broken, narrative: 'De nuevo.' })).toEqual({
      narrative: 'De nuevo.',
    });
  });
});

describe('the narrative box', () => {
  const narrative = (n: Partial<CaseIncident['narrative']>) => ({
    narrative: { present: true, readable: true, text: 'x', unreadable: false, ...n },
  });

  it('is for a first narrative on a new incident or one without', () => {
    expect(narrativeMode(undefined)).toBe('write');
    expect(narrativeMode(narrative({ present: false, readable: false, text: null }))).toBe('write');
  });

  it('edits a readable one, replaces one that could not be read, and is absent for others', () => {
    expect(narrativeMode(narrative({}))).toBe('edit');
    expect(narrativeMode(narrative({ unreadable: true, text: '' }))).toBe('replace');
    expect(narrativeMode(narrative({ readable: false, text: null }))).toBe('kept');
  });
});
