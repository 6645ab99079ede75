/**
 * Who may see and do what with a case. Reads are denied by default: the
 * scope below is applied inside every case query, so a case out of reach is
 * simply not found (404).
 *
 * - nobody sees another organization's cases;
 * - admins and coordinators see every case of their organization;
 * - lawyers, psychologists, social workers and intake staff see the cases
 *   they are assigned to;
 * - analysts (aggregates only) and partners (referrals only) see no case.
 *
 * A referral does not widen this scope: the receiving organization never
 * reaches the case, only what the referral shares (modules/referrals,
 * decision 0010).
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import {
  CASE_ROLES,
  ORG_WIDE_CASE_ROLES,
  noteClassesFor,
  type CaseAbilities,
  type Role,
} from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable, Database } from '../../db/schema.js';

type CaseDb = Database & { c: CasesTable };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Scoped = SelectQueryBuilder<CaseDb, 'c', {}>;

function caseScope(actor: Pick<Actor, 'userId' | 'orgId' | 'role'>) {
  return (eb: ExpressionBuilder<CaseDb, 'c'>) => {
    if (!CASE_ROLES.includes(actor.role)) return sql<boolean>`1 = 0`;
    const ownOrg = eb('c.org_id', '=', actor.orgId);
    if (ORG_WIDE_CASE_ROLES.includes(actor.role)) return ownOrg;
    return eb.and([
      ownOrg,
      eb.exists(
        eb
          .selectFrom('case_assignments as a')
          .select('a.case_id')
          .whereRef('a.case_id', '=', 'c.id')
          .where('a.user_id', '=', actor.userId),
      ),
    ]);
  };
}

/** The cases this person may see. Every case read starts here. */
export function visibleCases(db: Db, actor: Pick<Actor, 'userId' | 'orgId' | 'role'>): Scoped {
  return db.selectFrom('cases as c').where(caseScope(actor));
}

export function canCreateCases(role: Role): boolean {
  return CASE_ROLES.includes(role);
}

/** What this person may do on a case she can see; sent to the client, never re-derived there. */
export function caseAbilities(actor: Pick<Actor, 'role'>, assigned: boolean): CaseAbilities {
  const orgWide = ORG_WIDE_CASE_ROLES.includes(actor.role);
  const classes = noteClassesFor(actor.role);
  return {
    update: true,
    assign: orgWide || assigned,
    viewAudit: orgWide,
    viewHistory: orgWide,
    readNoteClasses: classes,
    writeNoteClasses: classes,
    decide: orgWide,
  };
}
