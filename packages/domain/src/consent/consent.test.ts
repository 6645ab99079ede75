import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../errors.js';
import {
  ageBandOn,
  consentHolds,
  consentInput,
  consentIssuesForAge,
  consentStatusOn,
  type ConsentRecordState,
} from './consent.js';

const services = {
  purpose: 'services',
  scope: ['identity'],
  method: 'electronic_signature',
  givenOn: '2026-01-10',
};
const errors = (input: unknown) => {
  const parsed = consentInput.safeParse(input);
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
};

describe('a consent record', () => {
  it('needs what its purpose and method need', () => {
    expect(errors(services)).toEqual([]);
    expect(errors({ ...services, purpose: 'referral_sharing' })).toEqual([
      { path: 'recipient', code: 'recipient_required' },
    ]);
    expect(errors({ ...services, method: 'verbal_witnessed' })).toEqual([
      { path: 'witnessName', code: 'witness_required' },
    ]);
    expect(errors({ ...services, method: 'signed_form' })).toEqual([
      { path: 'documentId', code: 'signed_form_required' },
    ]);
    expect(errors({ ...services, expiresOn: '2026-01-10' })).toEqual([
      { path: 'expiresOn', code: 'expiry_before_given' },
    ]);
    expect(errors({ ...services, givenBy: 'caregiver' })).toEqual([
      { path: 'caregiverName', code: 'caregiver_required' },
    ]);
    expect(errors({ ...services, scope: [] })).toEqual([{ path: 'scope', code: 'required' }]);
    expect(errors({ ...services, givenOn: '2099-01-01' })).toEqual([
      { path: 'givenOn', code: 'future_date' },
    ]);
  });
});

describe('a girl’s consent by age band', () => {
  const born = (birthDate: string) => ({ birthDate, estimatedAge: null, registeredOn: '2026-01-01' });

  it.each([
    ['2026-03-01', '2008-03-01', 'adult'],
    ['2026-02-28', '2008-03-01', 'age_15_17'],
    ['2026-03-01', '2011-03-01', 'age_15_17'],
    ['2026-02-28', '2011-03-01', 'age_6_14'],
    ['2026-03-01', '2020-03-01', 'age_6_14'],
    ['2026-02-28', '2020-03-01', 'age_0_5'],
  ])('on %s, born %s: %s', (day, birthDate, band) => {
    expect(ageBandOn(born(birthDate), day)).toBe(band);
  });

  it('uses the age estimated at registration, or says it is unknown', () => {
    expect(ageBandOn({ birthDate: null, estimatedAge: 14, registeredOn: '2025-06-01' }, '2026-06-01')).toBe(
      'age_15_17',
    );
    expect(ageBandOn({ birthDate: null, estimatedAge: null, registeredOn: '2025-06-01' }, '2026-06-01')).toBe(
      'unknown',
    );
  });

  it('asks 15–17 for her own consent, 6–14 for her assent and her caregiver’s consent, 0–5 for the caregiver’s', () => {
    expect(consentIssuesForAge({ givenBy: 'herself', childAssent: null }, 'age_15_17')).toEqual([]);
    expect(consentIssuesForAge({ givenBy: 'caregiver', childAssent: null }, 'age_15_17')).toEqual([
      { path: 'givenBy', code: 'consent_must_be_hers' },
    ]);
    expect(consentIssuesForAge({ givenBy: 'caregiver', childAssent: true }, 'age_6_14')).toEqual([]);
    expect(consentIssuesForAge({ givenBy: 'caregiver', childAssent: false }, 'age_6_14')).toEqual([
      { path: 'childAssent', code: 'child_assent_required' },
    ]);
    expect(consentIssuesForAge({ givenBy: 'herself', childAssent: true }, 'age_6_14')).toEqual([
      { path: 'givenBy', code: 'caregiver_required' },
    ]);
    expect(consentIssuesForAge({ givenBy: 'caregiver', childAssent: null }, 'age_0_5')).toEqual([]);
    expect(consentIssuesForAge({ givenBy: 'herself', childAssent: null }, 'age_0_5')).toEqual([
      { path: 'givenBy', code: 'caregiver_required' },
    ]);
    expect(consentIssuesForAge({ givenBy: 'herself', childAssent: true }, 'adult')).toEqual([
      { path: 'childAssent', code: 'invalid' },
    ]);
  });
});

describe('what a consent allows, day by day', () => {
  const contact: ConsentRecordState = {
    purpose: 'contact',
    recipient: '',
    givenOn: '2026-01-10',
    expiresOn: '2026-07-10',
    withdrawnOn: null,
  };
  const referral: ConsentRecordState = {
    purpose: 'referral_sharing',
    recipient: 'Casa Refugio Tapachula',
    givenOn: '2026-01-10',
    expiresOn: null,
    withdrawnOn: '2026-03-01',
  };

  it('holds from the day given up to, not on, its expiry', () => {
    expect(consentStatusOn(contact, '2026-01-09')).toBe('not_yet');
    expect(consentHolds([contact], 'contact', '2026-01-10')).toBe(true);
    expect(consentHolds([contact], 'contact', '2026-07-09')).toBe(true);
    expect(consentStatusOn(contact, '2026-07-10')).toBe('expired');
    expect(consentHolds([contact], 'contact', '2026-07-10')).toBe(false);
    expect(consentHolds([contact], 'services', '2026-02-01')).toBe(false);
  });

  it('stops on the day it is withdrawn, and a referral consent names its organization', () => {
    expect(consentHolds([referral], 'referral_sharing', '2026-02-28', 'casa refugio tapachula ')).toBe(true);
    expect(consentHolds([referral], 'referral_sharing', '2026-02-28', 'Otra organización')).toBe(false);
    expect(consentHolds([referral], 'referral_sharing', '2026-02-28')).toBe(false);
    expect(consentStatusOn(referral, '2026-03-01')).toBe('withdrawn');
    expect(consentHolds([referral], 'referral_sharing', '2026-03-01', 'Casa Refugio Tapachula')).toBe(false);
  });
});
