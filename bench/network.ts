/**
 * The network around the clinic, for bench/referrals.ts: 40 organizations on
 * Senda — 16 shelters, 12 health services, 12 legal aid — each with its
 * coordinator, a partner user and one to three social workers, its directory
 * entry (`dir_organizations`, on Senda) and 2 to 5 of its services, parsed by
 * the domain's `serviceInput` and written by the directory's own
 * `writeService` (record, search text and facets). A few organizations get
 * most of the work, shelters more than the others: each has a weight, a
 * power law over a random rank, times its kind's share.
 */
import { v7 as uuidv7 } from 'uuid';
import { serviceInput, type NeedDomain, type ServiceInput } from '@senda/domain';
import type { AppContext } from '../apps/server/src/context.js';
import { writeService } from '../apps/server/src/modules/directory/services.js';
import { createOrganization } from '../apps/server/src/modules/organizations/service.js';
import { createUser } from '../apps/server/src/modules/users/service.js';
import { PASSWORD, STATES, drawer } from './seed.js';

/** The network's own generator (mulberry32, period 2^32): a year of referrals needs more draws than the cases' one gives. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
export const { rand, pick } = drawer(mulberry32(2026));

export type Kind = 'shelter' | 'health' | 'legal';
const KINDS: [Kind, number, string[]][] = [
  [
    'shelter',
    16,
    ['Casa Refugio', 'Albergue para Mujeres', 'Casa de Acogida', 'Albergue Migrante', 'Casa Hogar'],
  ],
  [
    'health',
    12,
    ['Clínica Comunitaria', 'Centro de Salud Integral', 'Salud Mental Comunitaria', 'Clínica de la Mujer'],
  ],
  [
    'legal',
    12,
    ['Asesoría Jurídica', 'Defensoría Migrante', 'Clínica de Derechos Humanos', 'Acompañamiento Legal'],
  ],
];
/** A city in each of the states cases live in (same order as STATES). */
const CITIES = [
  'Tapachula',
  'Ciudad de México',
  'Tijuana',
  'Ciudad Juárez',
  'Puebla',
  'Coatzacoalcos',
  'Monterrey',
  'Nogales',
  'Reynosa',
  'Cancún',
];
/** How much of the network's work each kind receives: shelters most. */
const KIND_WEIGHT: Record<Kind, number> = { shelter: 1.6, health: 1, legal: 0.7 };

type Template = Omit<ServiceInput, 'referral_method'>;
const TEMPLATES: Record<Kind, Template[]> = {
  shelter: [
    {
      name: 'Albergue temporal',
      categories: ['shelter_housing', 'food_basic_needs'],
      genders: ['woman', 'trans_woman'],
      minimum_age: 18,
      accepts_children: true,
    },
    { name: 'Casa de medio camino', categories: ['shelter_housing', 'employment_income'], minimum_age: 18 },
    { name: 'Espacio para niñas y niños', categories: ['child_protection', 'education'] },
    { name: 'Alimentos y artículos de primera necesidad', categories: ['food_basic_needs'] },
    { name: 'Acompañamiento psicosocial', categories: ['mental_health'], genders: ['woman'] },
  ],
  health: [
    { name: 'Consulta médica general', categories: ['physical_sexual_health'] },
    {
      name: 'Salud sexual y reproductiva',
      categories: ['physical_sexual_health'],
      genders: ['woman', 'trans_woman'],
    },
    { name: 'Atención psicológica individual', categories: ['mental_health'] },
    { name: 'Grupo de apoyo para sobrevivientes', categories: ['mental_health'], minimum_age: 15 },
    { name: 'Atención pediátrica', categories: ['physical_sexual_health', 'child_protection'] },
  ],
  legal: [
    { name: 'Asesoría para solicitar refugio', categories: ['legal'] },
    { name: 'Representación ante la COMAR', categories: ['legal'] },
    { name: 'CURP y documentos de identidad', categories: ['documentation'] },
    { name: 'Reunificación familiar', categories: ['legal'] },
    { name: 'Orientación laboral', categories: ['employment_income'] },
  ],
};

export interface NetworkService {
  id: string;
  name: string;
  categories: NeedDomain[];
  responseDays: number;
  active: boolean;
}

export interface Org {
  kind: Kind;
  /** Lower case, as in its users' e-mail addresses (`coord@<prefix>.bench.test`, `partner@…`). */
  prefix: string;
  /** As the directory and her consents name it. */
  name: string;
  sendaId: string;
  dirId: string;
  coordinator: string;
  partner: string;
  socialWorkers: string[];
  services: NetworkService[];
  weight: number;
}

export const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

export function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** One organization on Senda, in one transaction: users, directory entry, services. */
async function seedOrganization(
  ctx: AppContext,
  kind: Kind,
  name: string,
  city: number,
  prefix: string,
  rank: number,
) {
  const place = CITIES[city] ?? '';
  const state = STATES[city] ?? '07';
  return ctx.db.transaction().execute(async (t): Promise<Org> => {
    const sendaId = await createOrganization(ctx, t, name, prefix);
    const domain = `${prefix.toLowerCase()}.bench.test`;
    const user = (role: 'coordinator' | 'partner' | 'social_worker', label: string) =>
      createUser(t, {
        orgId: sendaId,
        email: `${label}@${domain}`,
        displayName: `${label} ${prefix}`,
        role,
        locale: 'es',
        password: PASSWORD,
      });
    const coordinator = await user('coordinator', 'coord');
    const partner = await user('partner', 'partner');
    const socialWorkers = [];
    for (let s = between(1, 3); s > 0; s--) socialWorkers.push(await user('social_worker', `sw${s}`));
    const dirId = uuidv7();
    const now = new Date().toISOString();
    await t
      .insertInto('dir_organizations')
      .values({
        id: dirId,
        maintainer_org_id: sendaId,
        senda_org_id: sendaId,
        name,
        alternate_name: '',
        description: `Organización de la red en ${place}`,
        email: `contacto@${domain}`,
        website: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const services: NetworkService[] = [];
    for (const template of shuffle([...TEMPLATES[kind]]).slice(0, between(2, 5))) {
      const service = serviceInput.parse({
        ...template,
        description: `${template.name} en ${place}`,
        status: rand() < 0.95 ? 'active' : 'temporarily closed',
        languages: rand() < 0.3 ? ['es', 'ht'] : rand() < 0.2 ? ['es', 'en', 'fr'] : ['es'],
        service_areas: [
          { state, municipality: rand() < 0.5 ? place : '' },
          ...(rand() < 0.3 ? [{ state: pick(STATES) }] : []),
        ],
        referral_method: 'senda',
        response_business_days: between(2, 5),
        availability: pick(['available', 'limited', 'waitlist', 'full', 'unknown']),
        schedule_description: 'Lunes a viernes, 9:00 a 17:00',
      });
      const id = uuidv7();
      await writeService(t, id, service, dirId, true);
      services.push({
        id,
        name: service.name,
        categories: service.categories,
        responseDays: service.response_business_days,
        active: service.status === 'active',
      });
    }
    const weight = KIND_WEIGHT[kind] / Math.pow(rank, 0.8);
    return {
      kind,
      prefix: prefix.toLowerCase(),
      name,
      sendaId,
      dirId,
      coordinator,
      partner,
      socialWorkers,
      services,
      weight,
    };
  });
}

/** The forty organizations, each named by its kind and city (unique: her consent names it). */
export async function seedNetwork(ctx: AppContext): Promise<Org[]> {
  const orgs: Org[] = [];
  const names = new Set<string>();
  const ranks = shuffle(
    Array.from({ length: KINDS.reduce((s, [, count]) => s + count, 0) }, (_, i) => i + 1),
  );
  for (const [kind, count, words] of KINDS) {
    for (let k = 0; k < count; k++) {
      let name = '';
      let city = 0;
      do {
        city = Math.floor(rand() * CITIES.length);
        name = `${pick(words)} ${CITIES[city] ?? ''}`;
      } while (names.has(name));
      names.add(name);
      const n = orgs.length;
      const prefix = `N${String.fromCharCode(65 + Math.floor(n / 26), 65 + (n % 26))}`;
      orgs.push(await seedOrganization(ctx, kind, name, city, prefix, ranks[n] ?? n + 1));
    }
  }
  return orgs;
}

/** An organization drawn by its weight. */
export function weightedOrg(orgs: readonly Org[]): Org {
  const total = orgs.reduce((s, o) => s + o.weight, 0);
  let r = rand() * total;
  for (const o of orgs) if ((r -= o.weight) < 0) return o;
  return orgs[0] as Org;
}
