import type { Role } from '@senda/domain';
import { CASE_ROLES } from '@senda/domain';
import type { Actor } from '../../context.js';
import { forbidden } from '../../http/errors.js';

/** Users of an organization are managed by its admins only. */
export const userPolicy = {
  manage: (actor: Pick<Actor, 'role'>) => actor.role === 'admin',
  listStaff: (actor: Pick<Actor, 'role'>) => CASE_ROLES.includes(actor.role),
};

export function authorizeUsers(actor: Pick<Actor, 'role'>, ability: keyof typeof userPolicy): void {
  if (!userPolicy[ability](actor)) throw forbidden();
}

export function sessionAbilities(role: Role) {
  return {
    manageUsers: role === 'admin',
    readCases: CASE_ROLES.includes(role),
    createCases: CASE_ROLES.includes(role),
  };
}
