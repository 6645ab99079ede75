/**
 * The consent form's values and their conversion to what the API takes: what
 * a field shown only in some cases holds is sent only in those cases (the
 * recipient for a referral, the caregiver's details and the child's assent
 * when a caregiver gives it, the witness for a verbal consent, the signed
 * form's document for a signed one). Who must give it for a girl of her age
 * is the server's to check: it answers on `givenBy` and `childAssent`.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import {
  consentInput,
  type CONSENT_DATA_SCOPES,
  type CONSENT_GIVERS,
  type CONSENT_METHODS,
  type ConsentInput,
  type ConsentPurpose,
  type ConsentStatus,
} from '@senda/domain';
import { zodErrorMap } from '../../lib/fieldErrors';

export interface ConsentFormValues {
  /** '' until chosen. */
  purpose: ConsentPurpose | '';
  recipient: string;
  scope: (typeof CONSENT_DATA_SCOPES)[number][];
  givenBy: (typeof CONSENT_GIVERS)[number];
  caregiverName: string;
  caregiverRelationship: string;
  childAssent: boolean;
  /** '' until chosen. */
  method: (typeof CONSENT_METHODS)[number] | '';
  witnessName: string;
  /** '' for none. */
  documentId: string;
  givenOn: string;
  /** '' for no expiry. */
  expiresOn: string;
}

export function emptyConsent(today: string): ConsentFormValues {
  return {
    purpose: '',
    recipient: '',
    scope: [],
    givenBy: 'herself',
    caregiverName: '',
    caregiverRelationship: '',
    childAssent: false,
    method: '',
    witnessName: '',
    documentId: '',
    givenOn: today,
    expiresOn: '',
  };
}

/** The form's fields that the API's field errors may name. */
export const CONSENT_FIELDS = new Set(Object.keys(emptyConsent('')));

export function toConsentInput(values: ConsentFormValues): ConsentInput {
  const caregiver = values.givenBy === 'caregiver';
  return {
    purpose: values.purpose as ConsentPurpose,
    recipient: values.purpose === 'referral_sharing' ? values.recipient.trim() : '',
    scope: values.scope,
    givenBy: values.givenBy,
    caregiverName: caregiver ? values.caregiverName.trim() : '',
    caregiverRelationship: caregiver ? values.caregiverRelationship.trim() : '',
    // Her assent is asked only of a girl of 6–14: not ticked is "not asked", and the server says when it is needed.
    childAssent: caregiver && values.childAssent ? true : null,
    method: values.method as (typeof CONSENT_METHODS)[number],
    witnessName: values.method === 'verbal_witnessed' ? values.witnessName.trim() : '',
    documentId: values.method === 'signed_form' && values.documentId ? values.documentId : null,
    givenOn: values.givenOn,
    expiresOn: values.expiresOn || null,
  };
}

const validateConsent = zodResolver(consentInput, zodErrorMap);

export const consentResolver: Resolver<ConsentFormValues, unknown, ConsentInput> = async (
  values,
  context,
  options,
) => {
  const input = toConsentInput(values);
  const checked = await validateConsent(
    { ...input, purpose: values.purpose || undefined, method: values.method || undefined } as never,
    context,
    options as never,
  );
  if (Object.keys(checked.errors).length > 0)
    return { values: {} as Record<string, never>, errors: checked.errors as never };
  return { values: input, errors: {} };
};

/** A record may be withdrawn while it is in force or yet to start. */
export function canWithdraw(status: ConsentStatus): boolean {
  return status === 'active' || status === 'not_yet';
}
