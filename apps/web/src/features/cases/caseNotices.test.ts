import { describe, expect, it } from 'vitest';
import { needsContactWarning } from './caseNotices';

describe('the contact consent warning', () => {
  it('shows only when contact details are recorded and no consent to contact her is in force', () => {
    expect(needsContactWarning({ contactConsent: false, contactDetails: '+52 962 000 0000' })).toBe(true);
    expect(needsContactWarning({ contactConsent: true, contactDetails: '+52 962 000 0000' })).toBe(false);
    expect(needsContactWarning({ contactConsent: false, contactDetails: '  ' })).toBe(false);
    expect(needsContactWarning({ contactConsent: false, contactDetails: '' })).toBe(false);
  });
});
