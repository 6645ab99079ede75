export const ROLES = [
  'admin',
  'coordinator',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
  'analyst',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work on cases at all. Analysts see aggregates only; partners only referrals. */
export const CASE_ROLES: readonly Role[] = [
  'admin',
  'coordinator',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
];
/** Roles that see every case of their organization without being assigned. */
export const ORG_WIDE_CASE_ROLES: readonly Role[] = ['admin', 'coordinator'];
