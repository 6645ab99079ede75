import { describe, expect, it } from 'vitest';
import {
  canWithdraw,
  consentResolver,
  emptyConsent,
  toConsentInput,
  type ConsentFormValues,
} from './consentValues';

const base = (): ConsentFormValues => ({
  ...emptyConsent('2026-01-10'),
  purpose: 'services',
  scope: ['identity'],
  method: 'electronic_signature',
});
const codes = async (values: ConsentFormValues) => {
  const { errors } = await consentResolver(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return Object.fromEntries(
    Object.entries(errors).map(([path, e]) => [
      path,
      (JSON.parse(String(e.message)) as { code: string }).code,
    ]),
  );
};

describe('the consent form', () => {
  it('sends only what the shown fields hold', () => {
    const hidden = {
      ...base(),
      recipient: 'Casa Refugio',
      caregiverName: 'Ana',
      childAssent: true,
      witnessName: 'Luz',
      documentId: '00000000-0000-4000-8000-000000000000',
    };
    expect(toConsentInput(hidden)).toEqual({
      purpose: 'services',
      recipient: '',
      scope: ['identity'],
      givenBy: 'herself',
      caregiverName: '',
      caregiverRelationship: '',
      childAssent: null,
      method: 'electronic_signature',
      witnessName: '',
      documentId: null,
      givenOn: '2026-01-10',
      expiresOn: null,
    });
    expect(
      toConsentInput({
        ...hidden,
        purpose: 'referral_sharing',
        givenBy: 'caregiver',
        method: 'verbal_witnessed',
        expiresOn: '2026-07-10',
      }),
    ).toMatchObject({
      recipient: 'Casa Refugio',
      caregiverName: 'Ana',
      childAssent: true,
      witnessName: 'Luz',
      documentId: null,
      expiresOn: '2026-07-10',
    });
  });

  it('leaves the girl’s assent unsaid unless ticked by a caregiver', () => {
    expect(toConsentInput({ ...base(), givenBy: 'caregiver', caregiverName: 'Ana' }).childAssent).toBeNull();
  });

  it('reports what is missing on its field, as the server would', async () => {
    expect(await codes(base())).toEqual({});
    expect(await codes(emptyConsent('2026-01-10'))).toMatchObject({
      purpose: 'invalid_choice',
      scope: 'required',
      method: 'invalid_choice',
    });
    expect(await codes({ ...base(), purpose: 'referral_sharing' })).toEqual({
      recipient: 'recipient_required',
    });
    expect(await codes({ ...base(), method: 'verbal_witnessed' })).toEqual({
      witnessName: 'witness_required',
    });
    expect(await codes({ ...base(), method: 'signed_form' })).toEqual({ documentId: 'signed_form_required' });
    expect(await codes({ ...base(), givenBy: 'caregiver' })).toEqual({ caregiverName: 'caregiver_required' });
  });

  it('offers to withdraw only what is in force or yet to start', () => {
    expect(canWithdraw('active')).toBe(true);
    expect(canWithdraw('not_yet')).toBe(true);
    expect(canWithdraw('expired')).toBe(false);
    expect(canWithdraw('withdrawn')).toBe(false);
  });
});
