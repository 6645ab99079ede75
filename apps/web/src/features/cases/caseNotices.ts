import type { CaseDetail } from '../../lib/api';

/**
 * Contact details are on file but no consent to contact her (by phone or
 * message) is in force today: the case page warns next to them.
 */
export function needsContactWarning(detail: Pick<CaseDetail, 'contactConsent' | 'contactDetails'>): boolean {
  return !detail.contactConsent && detail.contactDetails.trim() !== '';
}
