import { ROLES, UI_LOCALES, type Role, type UiLocale, type UserView } from '@senda/domain';
import type { UsersTable } from '../../db/schema.js';

const asRole = (v: string): Role => ((ROLES as readonly string[]).includes(v) ? (v as Role) : 'analyst');
const asLocale = (v: string): UiLocale =>
  (UI_LOCALES as readonly string[]).includes(v) ? (v as UiLocale) : 'es';

export function presentUser(row: UsersTable): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: asRole(row.role),
    locale: asLocale(row.locale),
    active: row.active === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}
export { asRole };
