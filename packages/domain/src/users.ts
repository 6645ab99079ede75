import { z } from 'zod';
import { ROLES } from './roles.js';
import { UI_LOCALES } from './languages.js';
import { text } from './common.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** Length is the only composition rule (NIST SP 800-63B); the server also rejects common passwords. */
export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const signInInput = z.strictObject({
  email: text().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type SignInInput = z.input<typeof signInInput>;

export const userCreateInput = z.strictObject({
  email: emailSchema,
  displayName: text().trim().min(1).max(100),
  role: z.enum(ROLES),
  locale: z.enum(UI_LOCALES).default('es'),
  password: passwordSchema,
});
export type UserCreateInput = z.input<typeof userCreateInput>;

export const userUpdateInput = z.strictObject({
  displayName: text().trim().min(1).max(100).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  locale: z.enum(UI_LOCALES).optional(),
});
export type UserUpdateInput = z.input<typeof userUpdateInput>;

export const passwordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: passwordSchema,
});

export const localeInput = z.strictObject({ locale: z.enum(UI_LOCALES) });
