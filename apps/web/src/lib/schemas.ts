/**
 * Response shapes the API documents but `@senda/domain` does not export yet.
 * Kept here until the domain package has them (reported to the server team).
 */
import { z } from 'zod';
import { ROLES } from '@senda/domain';

/** An item of `GET /staff`: an active case worker of the organization. */
export const staffOptionView = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
