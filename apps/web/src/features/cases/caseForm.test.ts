import { describe, expect, it } from 'vitest';
import { todayInMexico } from '@senda/domain';
import {
  emptyCase,
  emptyPrivacyNotice,
  intakeResolver,
  isCaseFormPath,
  type CaseFormValues,
} from './caseForm';

const today = todayInMexico();

const resolve = (values: CaseFormValues) =>
  intakeResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
const codeOf = (message: string | undefined) => (JSON.parse(message ?? '{}') as { code?: string }).code;

describe('the intake form', () => {
  it('offers the notice in her first language that has one, else Spanish', () => {
    expect(emptyPrivacyNotice('2026-12-01', ['mam', 'ht', 'fr']).language).toBe('ht');
    expect(emptyPrivacyNotice('2026-12-01', ['mam']).language).toBe('es');
    expect(emptyPrivacyNotice('2026-12-01')).toEqual({
      language: 'es',
      presentedHow: '',
      accepted: false,
      acceptedOn: '2026-12-01',
    });
  });

  it('refuses a case whose notice she did not accept, saying so in words', async () => {
    const values = { ...emptyCase(today), givenNames: 'Marisol' };
    const { errors } = await resolve(values);
    expect(codeOf(errors.privacyNotice?.accepted?.message)).toBe('privacy_notice_not_accepted');
    expect(codeOf(errors.privacyNotice?.presentedHow?.message)).toBe('invalid_choice');
  });

  it('accepts a case with the notice accepted', async () => {
    const values: CaseFormValues = {
      ...emptyCase(today),
      givenNames: 'Marisol',
      privacyNotice: { language: 'es', presentedHow: 'read_to_her', accepted: true, acceptedOn: today },
    };
    const { errors, values: out } = await resolve(values);
    expect(errors).toEqual({});
    expect(out).toMatchObject({ privacyNotice: { accepted: true, presentedHow: 'read_to_her' } });
  });

  it('knows the server paths of its fields', () => {
    expect(isCaseFormPath('privacyNotice.acceptedOn')).toBe(true);
    expect(isCaseFormPath('familyMembers.0.givenNames')).toBe(true);
    expect(isCaseFormPath('status')).toBe(false);
  });
});
