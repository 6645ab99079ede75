import { describe, expect, it } from 'vitest';
import { serviceFit, type WomanForMatching } from './matching.js';
import { referralCompleteInput, referralCreateInput, scopeCovered } from './referral.js';

const open = {
  genders: [],
  minimum_age: null,
  maximum_age: null,
  nationalities: [],
  accepts_children: null,
  languages: [],
  interpretation_services: '',
  service_areas: [],
  availability: 'available',
} as const;
const her: WomanForMatching = {
  age: 30,
  genderIdentity: 'woman',
  nationalities: ['HT'],
  languages: ['ht'],
  needsInterpreter: true,
  state: '07',
  municipality: 'Tapachula',
  children: 2,
};
const result = (s: Parameters<typeof serviceFit>[0], w = her) =>
  Object.fromEntries(serviceFit(s, w).reasons.map((r) => [r.criterion, r.result]));

describe('serviceFit', () => {
  it('a service without restrictions fits; what it does not say about children is unknown', () => {
    expect(serviceFit(open, her).fits).toBe(true);
    expect(result(open)).toMatchObject({
      gender: 'fits',
      age: 'fits',
      children: 'unknown',
      language: 'unknown',
    });
  });

  it('explains each restriction she does not meet', () => {
    const strict = {
      ...open,
      genders: ['trans_woman'],
      minimum_age: 40,
      nationalities: ['HN'],
      accepts_children: false,
      languages: ['es'],
      service_areas: [{ state: '09', municipality: '' }],
      availability: 'full',
    } as const;
    const fit = serviceFit(strict, her);
    expect(fit.fits).toBe(false);
    expect(fit.reasons.every((r) => r.result === 'does_not_fit')).toBe(true);
    expect(fit.reasons.find((r) => r.criterion === 'age')?.detail).toBe('40–∞');
  });

  it('an interpreter makes a service in another language usable; municipalities compare without accents', () => {
    const service = {
      ...open,
      languages: ['es'],
      interpretation_services: 'Intérprete de creole por teléfono',
      service_areas: [{ state: '07', municipality: 'TAPACHULA' }],
    } as const;
    expect(result(service)).toMatchObject({ language: 'fits', location: 'fits' });
    expect(result(service, { ...her, municipality: 'Tuxtla Gutiérrez' }).location).toBe('does_not_fit');
    expect(result(service, { ...her, state: null }).location).toBe('unknown');
    expect(result({ ...open, minimum_age: 18 }, { ...her, age: null }).age).toBe('unknown');
    expect(result({ ...open, accepts_children: false }, { ...her, children: 0 }).children).toBe('fits');
  });
});

describe('referral inputs', () => {
  it('documents go with the documents scope, and only then', () => {
    const base = { needId: crypto.randomUUID(), serviceId: crypto.randomUUID() };
    expect(referralCreateInput.safeParse({ ...base, scope: ['documents'] }).success).toBe(false);
    expect(referralCreateInput.safeParse({ ...base, documentIds: [crypto.randomUUID()] }).success).toBe(
      false,
    );
    expect(
      referralCreateInput.safeParse({ ...base, scope: ['documents'], documentIds: [crypto.randomUUID()] })
        .success,
    ).toBe(true);
  });

  it('a service not given needs its reason; a given one has none', () => {
    expect(referralCompleteInput.safeParse({ outcome: 'not_given' }).success).toBe(false);
    expect(referralCompleteInput.safeParse({ outcome: 'given', reason: 'other' }).success).toBe(false);
    expect(referralCompleteInput.safeParse({ outcome: 'not_given', reason: 'she_declined' }).success).toBe(
      true,
    );
  });

  it('the scope must be covered item by item', () => {
    expect(scopeCovered(['identity', 'narratives'], new Set(['identity', 'violence_history']))).toBe(false);
    expect(scopeCovered(['identity'], new Set(['identity', 'violence_history']))).toBe(true);
    expect(scopeCovered([], new Set())).toBe(true);
  });
});
