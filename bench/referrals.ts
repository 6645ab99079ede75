/**
 * Referral latency across a network at realistic scale.
 *
 *   npm run bench                       # bench/cases.ts, then this: SQLite, 100,000 cases
 *   BENCH_CASES=20000 node --import tsx bench/referrals.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/referrals.ts
 *
 * On top of the clinic's cases (bench/seed.ts) it seeds 40 organizations on
 * Senda with their directory entries and services (bench/network.ts), and
 * for one case in five a need, her consent and a referral to one of them
 * (bench/referral-seed.ts). Then it times, through the whole HTTP stack: the
 * receiving partner's inbox, the clinic coordinator's dashboard, a referral
 * page read by the receiving partner, the services that fit a lawyer's case,
 * a shelter coordinator's "My work", and sending a referral (last: it adds
 * referrals).
 */
import { REFERRAL_OPEN_STATES, type ReferralState } from '@senda/domain';
import { pick, seedNetwork, shuffle, type Org } from './network.js';
import { NEED_STATUS, seedReferrals, type Referred } from './referral-seed.js';
import { ITER, N, report, run, seedCases, session, startApp, type Scenario, type Session } from './seed.js';

const isOpen = (r: Referred) => REFERRAL_OPEN_STATES.includes(r.state);

function sessionOf<K>(sessions: Map<K, Session>, key: K): Session {
  const found = sessions.get(key);
  if (!found) throw new Error('a person of the network has no session');
  return found;
}

async function main() {
  const seeded = await seedCases();
  const { ctx } = seeded;
  const t0 = performance.now();
  const coordinator = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'coord@bench.test')
    .executeTakeFirstOrThrow();
  const orgs = await seedNetwork(ctx);
  const referred = await seedReferrals(ctx, seeded, orgs, coordinator.id);
  const networkSeconds = (performance.now() - t0) / 1000;

  const app = await startApp(ctx);
  const coord = await session(app, 'coord@bench.test');
  const partners = new Map<Org, Session>();
  for (const o of orgs) partners.set(o, await session(app, `partner@${o.prefix}.bench.test`));
  const lawyers = new Map<string, Session>();
  for (const [i, id] of seeded.lawyers.entries())
    lawyers.set(id, await session(app, `lawyer${i}@bench.test`));

  const inbox = (o: Org) => referred.filter((r) => r.org === o && isOpen(r)).length;
  const byInbox = [...orgs].sort((a, b) => inbox(b) - inbox(a));
  const busiest = byInbox[0] as Org;
  const shelter = byInbox.find((o) => o.kind === 'shelter') as Org;
  const shelterCoord = await session(app, `coord@${shelter.prefix}.bench.test`);
  const openOnes = referred.filter(isOpen);
  const lawyer3 = seeded.lawyers[3] as string;
  const lawyerCases = referred.filter(
    (r) => seeded.lawyerOf[r.caseIdx] === lawyer3 && seeded.open[r.caseIdx],
  );
  // Sending needs an open case, an open need, and her consent to that organization in force today.
  const sendable = shuffle(
    referred.filter(
      (r) =>
        seeded.open[r.caseIdx] &&
        r.consentHolds &&
        (NEED_STATUS[r.state] === 'identified' || NEED_STATUS[r.state] === 'in_progress') &&
        r.org.services.some((s) => s.active && s.categories.includes(r.domain)),
    ),
  );
  let sent = 0;
  const caseUrl = (r: Referred) => `/api/v1/cases/${seeded.ids[r.caseIdx] ?? ''}`;

  const scenarios: Scenario[] = [
    [
      'partner inbox (busiest organization)',
      sessionOf(partners, busiest),
      () => ({ method: 'GET', url: '/api/v1/referrals?box=received&open=true' }),
    ],
    [
      'coordinator dashboard (sent, open)',
      coord,
      () => ({ method: 'GET', url: '/api/v1/referrals?box=sent&open=true' }),
    ],
    [
      'referral page (partner, open ones)',
      sessionOf(partners, busiest),
      () => {
        const r = pick(openOnes);
        return { method: 'GET', url: `/api/v1/referrals/${r.referralId}`, who: sessionOf(partners, r.org) };
      },
    ],
    [
      "service matches (lawyer's case)",
      sessionOf(lawyers, lawyer3),
      () => {
        const r = pick(lawyerCases);
        return { method: 'GET', url: `${caseUrl(r)}/service-matches?needId=${r.needId}` };
      },
    ],
    ['My work (shelter coordinator)', shelterCoord, () => ({ method: 'GET', url: '/api/v1/my-work' })],
    [
      'send a referral (lawyer, consented)',
      sessionOf(lawyers, lawyer3),
      () => {
        const r = sendable[sent++ % sendable.length] as Referred;
        const services = r.org.services.filter((s) => s.active && s.categories.includes(r.domain));
        return {
          method: 'POST',
          url: `${caseUrl(r)}/referrals`,
          payload: {
            needId: r.needId,
            serviceId: pick(services).id,
            scope: r.scope,
            urgency: 'normal',
            message: 'Le compartimos su caso con su consentimiento.',
          },
          who: sessionOf(lawyers, seeded.lawyerOf[r.caseIdx]),
        };
      },
      201,
    ],
  ];

  const count = (s: ReferralState) => referred.filter((r) => r.state === s).length.toLocaleString('en');
  await report(
    app,
    seeded,
    {
      title:
        `Senda referral benchmark — ${ctx.dialect}, ${N.toLocaleString('en')} cases, ${orgs.length} organizations, ` +
        `${referred.length.toLocaleString('en')} referrals, ${ITER} requests per scenario\n` +
        `referrals: sent ${count('sent')}, accepted ${count('accepted')}, completed ${count('completed')}, ` +
        `declined ${count('declined')}, not completed ${count('not_completed')}, expired ${count('expired')}, ` +
        `withdrawn ${count('withdrawn')}, draft ${count('draft')}; busiest inbox ${inbox(busiest)} open, ` +
        `shelter's ${inbox(shelter)}`,
      seeded: `seeded cases in ${seeded.seedSeconds.toFixed(1)} s, network and referrals in ${networkSeconds.toFixed(1)} s`,
    },
    scenarios,
  );
}

run(main);
