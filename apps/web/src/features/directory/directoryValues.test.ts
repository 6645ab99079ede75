import { describe, expect, it } from 'vitest';
import {
  ageText,
  areaText,
  canManageDirectory,
  canReadDirectory,
  costText,
  eligibilitySummary,
  hasFilters,
  parseDirectoryFilters,
  parseManageSearch,
  referralPath,
} from './directoryValues';

/** A translation that shows the key and its values, so the rules are read without a catalogue. */
const t = (key: string, values?: Record<string, string | number>) =>
  values
    ? `${key}(${Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')})`
    : key;
const deps = {
  t,
  gender: (v: string) => `g:${v}`,
  country: (c: string) => `c:${c}`,
  list: (values: readonly string[]) => values.join(' + '),
};

describe('who uses the directory', () => {
  it('every case role and partners read it; analysts do not', () => {
    for (const role of [
      'admin',
      'coordinator',
      'lawyer',
      'psychologist',
      'social_worker',
      'intake',
      'partner',
    ] as const)
      expect(canReadDirectory(role)).toBe(true);
    expect(canReadDirectory('analyst')).toBe(false);
  });

  it('only admins and coordinators keep entries', () => {
    expect(canManageDirectory('admin')).toBe(true);
    expect(canManageDirectory('coordinator')).toBe(true);
    expect(canManageDirectory('lawyer')).toBe(false);
    expect(canManageDirectory('partner')).toBe(false);
  });
});

describe('the search filters of the URL', () => {
  it('keeps known values, trims words and reads a state sent as a number', () => {
    expect(
      parseDirectoryFilters({
        need: 'legal',
        state: 7,
        municipality: ' Tapachula ',
        language: 'ht',
        q: ' casa ',
      }),
    ).toEqual({ need: 'legal', state: '07', municipality: 'Tapachula', language: 'ht', q: 'casa' });
  });

  it('drops unknown values, empty words, and a municipality without its state', () => {
    const filters = parseDirectoryFilters({
      need: 'magic',
      state: '99',
      municipality: 'Tapachula',
      language: 'xx',
      q: '  ',
    });
    expect(filters).toEqual({});
    expect(hasFilters(filters)).toBe(false);
    expect(hasFilters({ need: 'legal' })).toBe(true);
  });

  it('cuts over-long words to what the API takes', () => {
    expect(parseDirectoryFilters({ q: 'a'.repeat(150) }).q).toHaveLength(100);
  });
});

describe('what a card says', () => {
  it('says "any" for what the service does not restrict', () => {
    const summary = eligibilitySummary(
      { genders: [], minimum_age: null, maximum_age: null, nationalities: [], required_documents: [] },
      deps,
    );
    expect(summary.map((s) => s.value)).toEqual([
      'directory.eligibility.anyGender',
      'directory.eligibility.anyAge',
      'directory.eligibility.anyNationality',
      'directory.eligibility.noDocuments',
    ]);
  });

  it('lists genders, nationalities and documents with their labels', () => {
    const summary = eligibilitySummary(
      {
        genders: ['woman', 'trans_woman'],
        minimum_age: 18,
        maximum_age: 60,
        nationalities: ['HT', 'HN'],
        required_documents: ['CURP', 'Constancia COMAR'],
      },
      deps,
    );
    expect(summary).toEqual([
      { term: 'directory.eligibility.genders', value: 'g:woman + g:trans_woman' },
      { term: 'directory.eligibility.ages', value: 'directory.eligibility.ageRange(min=18,max=60)' },
      { term: 'directory.eligibility.nationalities', value: 'c:HT + c:HN' },
      { term: 'directory.eligibility.documents', value: 'CURP + Constancia COMAR' },
    ]);
  });

  it('words an open-ended age range', () => {
    expect(ageText(t, 18, null)).toBe('directory.eligibility.ageFrom(min=18)');
    expect(ageText(t, null, 17)).toBe('directory.eligibility.ageUpTo(max=17)');
    expect(ageText(t, 0, 17)).toBe('directory.eligibility.ageUpTo(max=17)');
  });

  it('names a whole state or one municipality of it', () => {
    const state = (code: string) => (code === '07' ? 'Chiapas' : code);
    expect(areaText(t, { state: '07', municipality: '' }, state)).toBe(
      'directory.area.wholeState(state=Chiapas)',
    );
    expect(areaText(t, { state: '07', municipality: 'Tapachula' }, state)).toBe(
      'directory.area.municipality(municipality=Tapachula,state=Chiapas)',
    );
  });

  it('says whether it is free, and the fees when it is not', () => {
    expect(costText(t, { free: true, fees_description: 'ignored' })).toBe('directory.cost.free');
    expect(costText(t, { free: false, fees_description: '' })).toBe('directory.cost.fees');
    expect(costText(t, { free: false, fees_description: '$50' })).toBe('directory.cost.feesWith(fees=$50)');
  });

  it('gives the number or address to refer by, as a link', () => {
    expect(referralPath({ referral_method: 'senda', referral_phone: '1', referral_email: '' })).toEqual({
      method: 'senda',
      contact: '',
      href: null,
    });
    expect(
      referralPath({ referral_method: 'phone', referral_phone: '+52 (962) 111-2233', referral_email: '' }),
    ).toEqual({ method: 'phone', contact: '+52 (962) 111-2233', href: 'tel:+529621112233' });
    expect(referralPath({ referral_method: 'email', referral_phone: '', referral_email: 'a@b.mx' })).toEqual({
      method: 'email',
      contact: 'a@b.mx',
      href: 'mailto:a@b.mx',
    });
  });
});

describe('the manage page’s search', () => {
  it('keeps an entry id and nothing else', () => {
    const id = '0190a5f0-0000-7000-8000-000000000001';
    expect(parseManageSearch({ entry: id, other: 'x' })).toEqual({ entry: id });
    expect(parseManageSearch({ entry: 'Casa Refugio' })).toEqual({});
    expect(parseManageSearch({})).toEqual({});
  });
});
