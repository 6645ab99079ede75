import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CASE_CODE_PATTERN,
  caseCreateInput,
  caseListQuery,
  caseSearchInput,
  caseUpdateInput,
  familyMemberInput,
  formatCaseCode,
  sentKeys,
} from './case.js';
import { todayInMexico } from './common.js';
import { fieldErrorsFromIssues } from './errors.js';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const today = todayInMexico();
const tomorrow = addDays(today, 1);

function errorsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return fieldErrorsFromIssues(result.error.issues);
}

const notice = { language: 'ht', presentedHow: 'read_to_her', accepted: true, acceptedOn: today } as const;
/** A minimal intake: a given name and the privacy notice she accepted. */
const minimal = { givenNames: 'Ana', privacyNotice: notice };

const fullIntake = {
  givenNames: ' Wislande ',
  familyNames: 'Jean-Baptiste',
  preferredName: 'Wis',
  birthDate: '1990-01-31',
  estimatedAge: 35,
  genderIdentity: 'trans_woman',
  nationalities: ['HT', 'CL'],
  languages: ['ht', 'fr'],
  needsInterpreter: true,
  entryDate: today,
  entryPlace: 'Ciudad Hidalgo',
  state: '07',
  municipality: 'Tapachula',
  contactMethod: 'through_organization',
  contactDetails: 'Albergue Belén',
  mayLeaveMessage: true,
  pregnant: true,
  disability: true,
  indigenous: false,
  lgbtiq: true,
  vulnerabilities: ['single_mother', 'trafficking_survivor'],
  documents: ['passport', 'comar_constancia'],
  referralSource: 'shelter',
  privacyNotice: notice,
  familyMembers: [
    {
      relationship: 'son',
      givenNames: 'Jean',
      familyNames: '',
      birthDate: '2019-05-05',
      estimatedAge: null,
      sex: 'male',
    },
  ],
};

describe('caseCreateInput', () => {
  it('accepts a full intake, trimming text', () => {
    const parsed = caseCreateInput.parse(fullIntake);
    expect(parsed).toEqual({ ...fullIntake, givenNames: 'Wislande' });
  });

  it('fills in defaults for a minimal intake', () => {
    expect(caseCreateInput.parse(minimal)).toMatchObject({
      familyNames: '',
      birthDate: null,
      genderIdentity: 'woman',
      nationalities: [],
      needsInterpreter: false,
      state: null,
      familyMembers: [],
    });
  });

  it('requires the privacy notice, accepted, shown in a language it exists in', () => {
    expect(errorsOf(caseCreateInput, { givenNames: 'Ana' })).toEqual([
      { path: 'privacyNotice', code: 'required' },
    ]);
    expect(
      errorsOf(caseCreateInput, {
        givenNames: 'Ana',
        privacyNotice: { ...notice, accepted: false, language: 'mam', acceptedOn: tomorrow },
      }),
    ).toEqual([
      { path: 'privacyNotice.language', code: 'invalid_choice' },
      { path: 'privacyNotice.accepted', code: expect.any(String) as string },
      { path: 'privacyNotice.acceptedOn', code: 'future_date' },
    ]);
  });

  it('requires a given name and refuses unknown fields and unknown codes', () => {
    expect(
      errorsOf(caseCreateInput, {
        givenNames: '  ',
        nationality: 'HN',
        nationalities: ['XX'],
        state: '33',
        languages: ['klingon'],
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'givenNames', code: 'required' },
        { path: 'nationality', code: 'unknown_field' },
        { path: 'nationalities.0', code: 'invalid_choice' },
        { path: 'state', code: 'invalid_choice' },
        { path: 'languages.0', code: 'invalid_choice' },
      ]),
    );
  });

  it('refuses future dates (in the Mexico City calendar) and accepts today', () => {
    expect(errorsOf(caseCreateInput, { ...minimal, birthDate: tomorrow, entryDate: tomorrow })).toEqual([
      { path: 'birthDate', code: 'future_date' },
      { path: 'entryDate', code: 'future_date' },
    ]);
    expect(
      errorsOf(familyMemberInput, {
        relationship: 'son',
        givenNames: 'Luis',
        sex: 'male',
        birthDate: tomorrow,
      }),
    ).toEqual([{ path: 'birthDate', code: 'future_date' }]);
    expect(caseCreateInput.safeParse({ ...minimal, birthDate: today, entryDate: today }).success).toBe(true);
  });

  it('refuses impossible dates and ages', () => {
    expect(errorsOf(caseCreateInput, { ...minimal, birthDate: '2001-02-29', estimatedAge: 121 })).toEqual([
      { path: 'birthDate', code: 'invalid_date' },
      { path: 'estimatedAge', code: 'too_big', params: { max: 120 } },
    ]);
    expect(errorsOf(caseCreateInput, { ...minimal, birthDate: '12/03/1994' })).toEqual([
      { path: 'birthDate', code: 'invalid_date' },
    ]);
  });

  it('takes at most 20 family members', () => {
    const member = { relationship: 'other', givenNames: 'X', sex: 'unknown' };
    expect(caseCreateInput.safeParse({ ...minimal, familyMembers: Array(20).fill(member) }).success).toBe(
      true,
    );
    expect(errorsOf(caseCreateInput, { ...minimal, familyMembers: Array(21).fill(member) })).toEqual([
      { path: 'familyMembers', code: 'too_big', params: { max: 20 } },
    ]);
  });
});

describe('caseUpdateInput', () => {
  it('does not close or reopen a case: that goes through the closure request', () => {
    expect(errorsOf(caseUpdateInput, { status: 'closed' })).toEqual([
      { path: 'status', code: 'unknown_field' },
    ]);
    expect(errorsOf(caseUpdateInput, { closureReason: 'lost_contact' })).toEqual([
      { path: 'closureReason', code: 'unknown_field' },
    ]);
  });

  it('is partial: sentKeys keeps only what the caller sent, not the defaults', () => {
    const parsed = caseUpdateInput.parse({ municipality: 'Tuxtla' });
    expect(sentKeys(parsed, ['municipality'])).toEqual({ municipality: 'Tuxtla' });
    expect(sentKeys(caseUpdateInput.parse({}), [])).toEqual({});
  });
});

describe('search inputs', () => {
  it('caseSearchInput limits q to 100 characters and defaults the page size', () => {
    expect(caseSearchInput.parse({ q: ' rosa ' })).toEqual({ q: 'rosa', limit: 25 });
    expect(errorsOf(caseSearchInput, { q: 'x'.repeat(101) })).toEqual([
      { path: 'q', code: 'too_long', params: { max: 100 } },
    ]);
  });

  it('caseListQuery reads query-string text and refuses q (names never travel in URLs)', () => {
    expect(caseListQuery.parse({ assignedToMe: 'true', limit: '10', state: '07' })).toEqual({
      assignedToMe: true,
      limit: 10,
      state: '07',
    });
    expect(caseListQuery.parse({ assignedToMe: 'false' })).toMatchObject({ assignedToMe: false });
    expect(errorsOf(caseListQuery, { q: 'rosa' })).toEqual([{ path: 'q', code: 'unknown_field' }]);
    expect(caseListQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});

describe('formatCaseCode', () => {
  it('pads the running number to five digits', () => {
    expect(formatCaseCode('IMU', 2026, 42)).toBe('IMU-2026-00042');
    expect(formatCaseCode('AB', 2027, 1)).toBe('AB-2027-00001');
    expect(formatCaseCode('ABCDEF', 2026, 123456)).toBe('ABCDEF-2026-123456');
  });

  it('always matches CASE_CODE_PATTERN and keeps prefix, year and number readable', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,6}$/),
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        (prefix, year, seq) => {
          const code = formatCaseCode(prefix, year, seq);
          expect(code).toMatch(CASE_CODE_PATTERN);
          const [p, y, n] = code.split('-');
          expect([p, Number(y), Number(n)]).toEqual([prefix, year, seq]);
        },
      ),
    );
  });
});

describe('todayInMexico', () => {
  it('uses the Mexico City calendar, not UTC', () => {
    expect(todayInMexico(new Date('2026-01-01T05:59:00Z'))).toBe('2025-12-31');
    expect(todayInMexico(new Date('2026-01-01T06:00:00Z'))).toBe('2026-01-01');
    expect(todayInMexico(new Date('2026-07-01T05:30:00Z'))).toBe('2026-06-30');
  });
});
