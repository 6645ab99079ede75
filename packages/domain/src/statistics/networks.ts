/**
 * Networks of organizations that share aggregates (the GBVIMS
 * information-sharing practice): an installation's admins name a network;
 * each organization's admin opts in or leaves. The network's figures are the
 * members' combined; no figure is ever shown per organization, and a cell is
 * hidden when it would let a member work out another's contribution:
 *
 * - an organization shares the months from the one it joins in through the
 *   last month before the one it leaves in, and only months that are over are
 *   shown, so a month's contributors are settled before anyone sees it
 *   (joining or leaving never changes a figure someone has already seen);
 * - figures show only when at least MIN_NETWORK_ORGS organizations share some
 *   month of the period;
 * - the p% rule (dominance): a cell is hidden when the second-largest
 *   contributor, subtracting its own part from the total, could estimate the
 *   largest contributor's part to within p % (two contributors always; one
 *   always). Complementary suppression then protects the hidden cells as for
 *   small ones.
 */
import { z } from 'zod';
import { statisticsView } from './api.js';

/** Fewer organizations than this and each could read the others' figures. */
export const MIN_NETWORK_ORGS = 3;
export const networkInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(1000).default(''),
});
export type NetworkInput = z.input<typeof networkInput>;

export const networkMemberView = z.object({
  orgId: z.string(),
  name: z.string(),
  /** First month shared (the month it joined). */
  since: z.string(),
  /** Last month shared when it has left; null while a member. */
  until: z.string().nullable(),
});

export const networkView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  members: z.array(networkMemberView),
  /** The caller's organization in this network (null when it never joined). */
  membership: networkMemberView.nullable(),
  can: z.object({
    /** Join (the organization's admin, when it never shared with it). */
    join: z.boolean(),
    /** Leave (the organization's admin, while a member). */
    leave: z.boolean(),
    /** See the combined figures (staff of statistics of a member organization). */
    figures: z.boolean(),
    /** Rename it (the installation's admins). */
    edit: z.boolean(),
  }),
});
export type NetworkView = z.infer<typeof networkView>;

export const networkListView = z.object({
  networks: z.array(networkView),
  /** Whether the caller may create a network (the installation's admins). */
  canCreate: z.boolean(),
});
export type NetworkListView = z.infer<typeof networkListView>;

export const networkStatisticsView = statisticsView.extend({
  network: z.object({ id: z.string(), name: z.string() }),
  /** Organizations that share at least one month of the period. */
  organizations: z.number(),
  minOrganizations: z.number(),
  dominanceP: z.number(),
  /** Fewer than MIN_NETWORK_ORGS organizations share the period: nothing is shown. */
  tooFewOrganizations: z.boolean(),
  /** The last month that is over (the latest a period may end). */
  lastMonth: z.string(),
});
export type NetworkStatisticsView = z.infer<typeof networkStatisticsView>;

/** A month (YYYY-MM) moved by some months. */
export function shiftMonth(month: string, by: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
