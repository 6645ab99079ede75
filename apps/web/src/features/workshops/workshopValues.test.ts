import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues, workshopInput } from '@senda/domain';
import type { WorkshopDetail } from '../../lib/workshopsApi';
import {
  emptyWorkshop,
  isWorkshopPath,
  parseWorkshopSearch,
  runningTotal,
  valuesOfWorkshop,
  workshopOfValues,
  type WorkshopFormValues,
} from './workshopValues';

const filled: WorkshopFormValues = {
  ...emptyWorkshop(),
  title: 'Tus derechos en el asilo',
  heldOn: '2026-02-14',
  state: '07',
  municipality: 'Tapachula',
  topic: 'asylum_rights',
  otherTopic: 'se descarta',
  coFacilitators: [{ value: 'Casa Refugio' }],
  participants: [
    { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: '12' },
    { gender: 'man', ageBand: 'unknown', nationality: 'unknown', count: ' 3 ' },
  ],
};

const codes = (values: WorkshopFormValues) => {
  const parsed = workshopInput.safeParse(workshopOfValues(values));
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues).map((e) => `${e.path}:${e.code}`);
};

describe('the workshop form', () => {
  it('becomes what the API takes, counts as numbers, the other topic only for "other"', () => {
    const input = workshopOfValues(filled);
    expect(input).toMatchObject({
      kind: 'workshop',
      otherTopic: '',
      coFacilitators: ['Casa Refugio'],
      participants: [
        { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 12 },
        { gender: 'man', ageBand: 'unknown', nationality: 'unknown', count: 3 },
      ],
    });
    expect(codes(filled)).toEqual([]);
    expect(workshopOfValues({ ...filled, topic: 'other', otherTopic: 'Cocina' }).otherTopic).toBe('Cocina');
  });

  it('reports what is missing on the form’s own paths', () => {
    expect(codes(emptyWorkshop())).toEqual([
      'title:required',
      'heldOn:required',
      'state:invalid_choice',
      'topic:invalid_choice',
      'participants.0.gender:invalid_choice',
      'participants.0.ageBand:invalid_choice',
      'participants.0.nationality:invalid_choice',
      'participants.0.count:required',
    ]);
    const row = { gender: 'woman', ageBand: 'unknown', nationality: 'HN' } as const;
    expect(codes({ ...filled, participants: [{ ...row, count: '2.5' }] })).toEqual([
      'participants.0.count:invalid_type',
    ]);
    expect(codes({ ...filled, participants: [{ ...row, count: '0' }] })).toEqual([
      'participants.0.count:too_small',
    ]);
    expect(
      codes({
        ...filled,
        participants: [
          { ...row, count: '1' },
          { ...row, count: '2' },
        ],
      }),
    ).toEqual(['participants.1:duplicate_participant_row']);
    expect(isWorkshopPath('participants.1')).toBe(true);
    expect(isWorkshopPath('coFacilitators.0')).toBe(true);
    expect(isWorkshopPath('version')).toBe(false);
  });

  it('keeps a running total of valid counts', () => {
    expect(
      runningTotal([{ count: '12' }, { count: '' }, { count: 'x' }, { count: ' 3' }, { count: '-2' }]),
    ).toBe(15);
  });

  it('opens with a stored workshop as it was saved', () => {
    const stored = {
      ...workshopOfValues(filled),
      id: 'w',
      otherTopic: '',
      municipality: 'Tapachula',
      coFacilitators: ['Casa Refugio'],
      participants: [{ gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 12 }],
      participantTotal: 12,
      materials: [],
      version: 2,
      createdBy: null,
      createdAt: '',
      updatedAt: '',
    } as WorkshopDetail;
    expect(valuesOfWorkshop(stored)).toMatchObject({
      title: 'Tus derechos en el asilo',
      coFacilitators: [{ value: 'Casa Refugio' }],
      participants: [{ gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: '12' }],
    });
  });
});

describe('the list search', () => {
  it('keeps a well-formed period and a known topic only', () => {
    expect(parseWorkshopSearch({ from: '2026-01-01', to: '2026-03-31', topic: 'gbv_prevention' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      topic: 'gbv_prevention',
    });
    expect(parseWorkshopSearch({ from: '2026-01', to: 5, topic: 'cooking' })).toEqual({});
  });
});
