/**
 * Women for the statistics, registered through the API as intake would (by a
 * signed-in admin): cases in one state and municipality, the first of them
 * with her consent to the anonymous use of her data for statistics.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './env.js';
import { apiCreateCase } from './app.js';

export interface StatisticsSeed {
  /** Her given names are `${namePrefix}${i} ${run}`: unique to the run, so an export can be searched for them. */
  namePrefix: string;
  run: string;
  familyNames?: string;
  /** How many cases, and how many of them (the first ones) consent to statistics. */
  count: number;
  consenting: number;
  state: string;
  municipality: string;
  /** The nationality of the i-th case. */
  nationalityOf: (i: number) => string;
}

/** Two days ago (a consent's day may not be in the future, in any time zone). */
const recentDay = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/** Register the women and their statistics consents; returns their given names, in order. */
export async function apiSeedStatisticsCases(
  request: APIRequestContext,
  csrfToken: string,
  seed: StatisticsSeed,
): Promise<string[]> {
  const consentDay = recentDay();
  const names: string[] = [];
  for (let i = 0; i < seed.count; i++) {
    const givenNames = `${seed.namePrefix}${String(i)} ${seed.run}`;
    names.push(givenNames);
    const created = await apiCreateCase(request, csrfToken, {
      givenNames,
      familyNames: seed.familyNames ?? 'Prueba',
      birthDate: '1990-04-02',
      nationalities: [seed.nationalityOf(i)],
      languages: ['es'],
      state: seed.state,
      municipality: seed.municipality,
      contactMethod: 'in_person_only',
      mayLeaveMessage: false,
    });
    if (i >= seed.consenting) continue;
    const consent = await request.post(`/api/v1/cases/${created.id}/consents`, {
      data: {
        purpose: 'statistics',
        scope: ['identity', 'violence_history'],
        method: 'verbal_witnessed',
        witnessName: 'Testigo',
        givenOn: consentDay,
      },
      headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
    });
    expect(consent.status()).toBe(201);
  }
  return names;
}
