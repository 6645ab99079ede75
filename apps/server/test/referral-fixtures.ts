/**
 * A referral network for the referral tests: a clinic (IMU) with a case, a
 * shelter on Senda (REF) with a service, a third organization on Senda (ALI)
 * with a service, and an outside hospital kept in the clinic's directory.
 */
import { expect } from 'vitest';
import type { ReferralView, ServiceView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  intake,
  must,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

export const API = '/api/v1';

export function ok(res: Awaited<ReturnType<typeof request>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

export interface Network {
  clinicCoord: Session;
  clinicLawyer: Session;
  clinicAnalyst: Session;
  shelterAdmin: Session;
  shelterPartner: Session;
  shelterWorker: Session;
  thirdAdmin: Session;
  thirdPartner: Session;
  shelterWorkerId: string;
  shelterService: ServiceView;
  thirdService: ServiceView;
  outsideService: ServiceView;
}

async function ownService(env: TestEnv, admin: Session, name: string, service: Record<string, unknown>) {
  const orgId = ok(await request(env, admin, 'PUT', `${API}/directory/own-organization`, { name })).json<{
    id: string;
  }>().id;
  return ok(
    await request(env, admin, 'POST', `${API}/directory/organizations/${orgId}/services`, service),
    201,
  ).json<ServiceView>();
}

export async function buildNetwork(env: TestEnv): Promise<Network> {
  const a = await addOrganization(env, 'Clínica', 'IMU');
  const b = await addOrganization(env, 'Casa Refugio', 'REF');
  const c = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, a, 'coordinator', 'coord@imu.test');
  await addUser(env, a, 'lawyer', 'lawyer@imu.test');
  await addUser(env, a, 'analyst', 'analyst@imu.test');
  await addUser(env, b, 'admin', 'admin@ref.test');
  await addUser(env, b, 'partner', 'partner@ref.test');
  const shelterWorkerId = await addUser(env, b, 'social_worker', 'sw@ref.test');
  await addUser(env, c, 'admin', 'admin@ali.test');
  await addUser(env, c, 'partner', 'partner@ali.test');
  const net = {
    clinicCoord: await signIn(env, 'coord@imu.test'),
    clinicLawyer: await signIn(env, 'lawyer@imu.test'),
    clinicAnalyst: await signIn(env, 'analyst@imu.test'),
    shelterAdmin: await signIn(env, 'admin@ref.test'),
    shelterPartner: await signIn(env, 'partner@ref.test'),
    shelterWorker: await signIn(env, 'sw@ref.test'),
    thirdAdmin: await signIn(env, 'admin@ali.test'),
    thirdPartner: await signIn(env, 'partner@ali.test'),
    shelterWorkerId,
  };
  const shelterService = await ownService(env, net.shelterAdmin, 'Casa Refugio', {
    name: 'Albergue temporal',
    categories: ['shelter_housing'],
    genders: ['woman'],
    minimum_age: 18,
    accepts_children: true,
    languages: ['es'],
    service_areas: [{ state: '07', municipality: 'Tapachula' }],
    referral_method: 'senda',
    response_business_days: 3,
    availability: 'limited',
  });
  const thirdService = await ownService(env, net.thirdAdmin, 'Aliada', {
    name: 'Acompañamiento psicológico',
    categories: ['shelter_housing', 'mental_health'],
    accepts_children: false,
    languages: ['fr'],
    service_areas: [{ state: '09' }],
    referral_method: 'senda',
    availability: 'available',
  });
  const hospital = ok(
    await request(env, net.clinicCoord, 'POST', `${API}/directory/organizations`, {
      name: 'Hospital General',
    }),
    201,
  ).json<{ id: string }>();
  const outsideService = ok(
    await request(env, net.clinicCoord, 'POST', `${API}/directory/organizations/${hospital.id}/services`, {
      name: 'Consulta ginecológica',
      categories: ['physical_sexual_health'],
      referral_method: 'phone',
      referral_phone: '+52 962 000 1111',
    }),
    201,
  ).json<ServiceView>();
  return { ...net, shelterService, thirdService, outsideService };
}

/** A case of the clinic's lawyer, with a shelter need and a health need. */
export async function referableCase(env: TestEnv, net: Network) {
  const caseId = ok(await request(env, net.clinicLawyer, 'POST', `${API}/cases`, intake()), 201).json<{
    id: string;
  }>().id;
  const needOf = async (domain: string) => {
    const care = ok(
      await request(env, net.clinicLawyer, 'POST', `${API}/cases/${caseId}/needs`, {
        domain,
        priority: 'urgent',
        description: 'Necesita un lugar seguro esta semana',
        identifiedOn: '2026-01-12',
      }),
      201,
    ).json<{ needs: { id: string; domain: string }[] }>();
    return must(care.needs.find((n) => n.domain === domain)).id;
  };
  return {
    caseId,
    shelterNeed: await needOf('shelter_housing'),
    healthNeed: await needOf('physical_sexual_health'),
  };
}

/** Her consent to share with an organization, covering `scope`. */
export async function consentToShare(
  env: TestEnv,
  who: Session,
  caseId: string,
  recipient: string,
  scope: string[],
): Promise<string> {
  return ok(
    await request(env, who, 'POST', `${API}/cases/${caseId}/consents`, {
      purpose: 'referral_sharing',
      recipient,
      scope,
      method: 'electronic_signature',
      givenOn: '2026-01-12',
    }),
    201,
  ).json<{ id: string }>().id;
}

export async function refer(
  env: TestEnv,
  who: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<ReferralView> {
  return ok(
    await request(env, who, 'POST', `${API}/cases/${caseId}/referrals`, body),
    201,
  ).json<ReferralView>();
}
