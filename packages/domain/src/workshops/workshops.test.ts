import { describe, expect, it } from 'vitest';
import { todayInMexico } from '../common.js';
import { fieldErrorsFromIssues } from '../errors.js';
import {
  participantTotal,
  workshopInput,
  workshopListQuery,
  workshopUpdateInput,
  type WorkshopInput,
} from './workshops.js';

const valid: WorkshopInput = {
  kind: 'workshop',
  title: 'Tus derechos en el asilo',
  heldOn: '2026-02-14',
  state: '07',
  municipality: 'Tapachula',
  topic: 'asylum_rights',
  language: 'es',
  coFacilitators: ['Casa Refugio'],
  participants: [
    { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 12 },
    { gender: 'woman', ageBand: 'age_30_44', nationality: 'HT', count: 5 },
    { gender: 'man', ageBand: 'age_18_29', nationality: 'unknown', count: 2 },
  ],
};

const errors = (schema: typeof workshopInput | typeof workshopUpdateInput, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
};
const codes = (input: unknown) => errors(workshopInput, input).map((e) => `${e.path}:${e.code}`);

describe('a workshop', () => {
  it('is accepted with what the clinic records, and fills the optional parts', () => {
    const parsed = workshopInput.parse({ ...valid, municipality: undefined, coFacilitators: undefined });
    expect(parsed).toMatchObject({ municipality: '', otherTopic: '', coFacilitators: [] });
    expect(participantTotal(parsed.participants)).toBe(19);
  });

  it('needs its kind, title, date, state, topic, language and at least one row of participants', () => {
    // A missing choice is reported as no valid choice, as everywhere in Senda.
    expect(codes({})).toEqual([
      'kind:invalid_choice',
      'title:required',
      'heldOn:required',
      'state:invalid_choice',
      'topic:invalid_choice',
      'language:invalid_choice',
      'participants:required',
    ]);
    expect(codes({ ...valid, title: '   ' })).toEqual(['title:required']);
    expect(codes({ ...valid, participants: [] })).toEqual(['participants:required']);
  });

  it('refuses a date in the future, a state outside Mexico, an unknown topic or language', () => {
    const [year] = todayInMexico().split('-').map(Number) as [number];
    expect(codes({ ...valid, heldOn: `${year + 1}-01-01` })).toEqual(['heldOn:future_date']);
    expect(codes({ ...valid, heldOn: '2026-02-30' })).toEqual(['heldOn:invalid_date']);
    expect(codes({ ...valid, state: 'XX' })).toEqual(['state:invalid_choice']);
    expect(codes({ ...valid, topic: 'cooking' })).toEqual(['topic:invalid_choice']);
    expect(codes({ ...valid, language: 'klingon' })).toEqual(['language:invalid_choice']);
    expect(codes({ ...valid, kind: 'party' })).toEqual(['kind:invalid_choice']);
  });

  it('asks which topic when it is "other"', () => {
    expect(codes({ ...valid, topic: 'other' })).toEqual(['otherTopic:other_topic_required']);
    expect(codes({ ...valid, topic: 'other', otherTopic: '  ' })).toEqual([
      'otherTopic:other_topic_required',
    ]);
    expect(codes({ ...valid, topic: 'other', otherTopic: 'Cultura financiera' })).toEqual([]);
  });

  it('counts people, never names them: rows of gender, age band, nationality and a count', () => {
    const row = { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 1 };
    expect(codes({ ...valid, participants: [{ ...row, count: 0 }] })).toEqual([
      'participants.0.count:too_small',
    ]);
    expect(codes({ ...valid, participants: [{ ...row, count: 10_001 }] })).toEqual([
      'participants.0.count:too_big',
    ]);
    expect(codes({ ...valid, participants: [{ ...row, count: 2.5 }] })).toEqual([
      'participants.0.count:invalid_type',
    ]);
    expect(codes({ ...valid, participants: [{ ...row, gender: 'female' }] })).toEqual([
      'participants.0.gender:invalid_choice',
    ]);
    expect(codes({ ...valid, participants: [{ ...row, ageBand: 'adult' }] })).toEqual([
      'participants.0.ageBand:invalid_choice',
    ]);
    expect(codes({ ...valid, participants: [{ ...row, nationality: 'ZZ' }] })).toEqual([
      'participants.0.nationality:invalid_choice',
    ]);
    expect(codes({ ...valid, participants: [{ ...row, name: 'María' }] })).toEqual([
      'participants.0.name:unknown_field',
    ]);
    expect(codes({ ...valid, notes: 'Vino María con su hija' })).toEqual(['notes:unknown_field']);
  });

  it('refuses two rows of the same gender, age band and nationality, naming the second', () => {
    const row = { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 3 } as const;
    expect(
      codes({ ...valid, participants: [row, { ...row, nationality: 'SV' }, { ...row, count: 4 }] }),
    ).toEqual(['participants.2:duplicate_participant_row']);
  });

  it('keeps within its limits: 200 rows, 10 co-facilitators, names and texts of bounded length', () => {
    const rows = Array.from({ length: 201 }, (_, i) => ({
      gender: 'woman',
      ageBand: 'unknown',
      nationality: ['HN', 'SV', 'GT', 'HT', 'VE', 'CU', 'CO', 'NI', 'EC', 'MX', 'unknown'][i % 11],
      count: 1,
    }));
    expect(codes({ ...valid, participants: rows })).toContain('participants:too_big');
    expect(codes({ ...valid, coFacilitators: Array.from({ length: 11 }, (_, i) => `Org ${i}`) })).toEqual([
      'coFacilitators:too_big',
    ]);
    expect(codes({ ...valid, coFacilitators: [''] })).toEqual(['coFacilitators.0:required']);
    expect(codes({ ...valid, title: 'x'.repeat(201) })).toEqual(['title:too_long']);
    expect(codes({ ...valid, municipality: 'x'.repeat(121) })).toEqual(['municipality:too_long']);
    expect(codes({ ...valid, title: 'Taller\u0000' })).toEqual(['title:invalid']);
  });

  it('is changed with the version it was read at', () => {
    expect(errors(workshopUpdateInput, { ...valid, version: 3 })).toEqual([]);
    expect(errors(workshopUpdateInput, valid).map((e) => `${e.path}:${e.code}`)).toEqual([
      'version:required',
    ]);
    expect(
      errors(workshopUpdateInput, { ...valid, version: 1, topic: 'other' }).map((e) => `${e.path}:${e.code}`),
    ).toEqual(['otherTopic:other_topic_required']);
  });
});

describe('the workshop list filters', () => {
  it('take an optional period of days and a topic', () => {
    expect(workshopListQuery.parse({})).toEqual({ limit: 50 });
    expect(
      workshopListQuery.parse({ from: '2026-01-01', to: '2026-03-31', topic: 'gbv_prevention' }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      topic: 'gbv_prevention',
      limit: 50,
    });
    const reversed = workshopListQuery.safeParse({ from: '2026-03-01', to: '2026-01-31' });
    expect(reversed.success ? [] : fieldErrorsFromIssues(reversed.error.issues)).toEqual([
      { path: 'to', code: 'range_reversed' },
    ]);
  });
});
