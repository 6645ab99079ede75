/**
 * A referral to look at, made through the API with the page's own session:
 * an organization outside Senda with a service answering a legal need, her
 * consent to share with it, the need, and the referral itself (sent), sharing
 * her identity, family, needs, accounts and one document.
 */
import { expect, type Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { unique } from './app.js';

export interface ReferralSetUp {
  needId: string;
  serviceId: string;
  referralId: string;
  code: string;
  organization: string;
}

/** Two days ago (a consent's day may not be in the future, in any time zone). */
const recentDay = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

export async function apiReferral(page: Page, caseId: string): Promise<ReferralSetUp> {
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const headers = { Origin: BASE_URL, 'X-CSRF-Token': session.csrfToken };
  const post = async (path: string, data: unknown, status = 201) => {
    const response = await page.request.post(`/api/v1${path}`, { data, headers });
    expect(response.status(), `POST ${path}`).toBe(status);
    return (await response.json()) as Record<string, unknown>;
  };

  const organization = `Refugio para mujeres y familias con un nombre bastante largo ${unique()}`;
  const entry = await post('/directory/organizations', {
    name: organization,
    description: 'Albergue y acompañamiento legal',
  });
  const service = await post(`/directory/organizations/${String(entry.id)}/services`, {
    name: 'Acompañamiento legal y albergue temporal para mujeres con sus hijas e hijos',
    categories: ['legal', 'shelter_housing'],
    genders: ['woman'],
    minimum_age: 18,
    nationalities: ['HT', 'HN'],
    accepts_children: true,
    languages: ['es', 'fr'],
    service_areas: [{ state: '07', municipality: 'Tapachula' }],
    referral_method: 'phone',
    referral_phone: '+52 962 000 0001',
    availability: 'available',
  });
  const care = (await post(`/cases/${caseId}/needs`, {
    domain: 'legal',
    priority: 'high',
    identifiedOn: recentDay(),
  })) as {
    needs: { id: string; domain: string }[];
  };
  const need = care.needs.find((n) => n.domain === 'legal');
  if (!need) throw new Error('no legal need');
  await post(`/cases/${caseId}/consents`, {
    purpose: 'referral_sharing',
    recipient: organization,
    scope: ['identity', 'contact_details', 'family', 'needs', 'narratives', 'documents'],
    method: 'verbal_witnessed',
    witnessName: 'Ana López',
    givenOn: recentDay(),
  });
  const documents = (await (await page.request.get(`/api/v1/cases/${caseId}/documents`)).json()) as {
    items: { id: string }[];
  };
  const referral = await post(`/cases/${caseId}/referrals`, {
    needId: need.id,
    serviceId: service.id,
    scope: ['identity', 'family', 'needs', 'narratives', 'documents'],
    documentIds: documents.items.slice(0, 1).map((d) => d.id),
    urgency: 'high',
    message: 'Necesita albergue con su hijo de cuatro años y acompañamiento en su solicitud.',
    send: true,
  });
  return {
    needId: need.id,
    serviceId: String(service.id),
    referralId: String(referral.id),
    code: String(referral.code),
    organization,
  };
}
