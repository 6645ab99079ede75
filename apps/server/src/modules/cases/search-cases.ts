/**
 * Case search: within the caller's scope, by case code or any part of a name
 * (accents and case ignored, through the prefix index), nationality, state,
 * status, step, "assigned to me". Sorted by last activity, newest first,
 * paginated with an opaque cursor.
 */
import { CASE_CODE_PATTERN, MAX_TOKEN, foldText, type CaseSearch, type CaseSummaryView } from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import { invalid } from '../../http/errors.js';
import { visibleCases } from './policy.js';
import { presentSummary } from './presenter.js';

interface Cursor {
  at: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      ISO_INSTANT.test(parsed[0]) &&
      UUID.test(parsed[1])
    ) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw invalid([{ path: 'cursor', code: 'invalid' }]);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CODE_LIKE = /^[A-Za-z]{0,6}-?\d{4}-?\d*$|^\d{3,}$/;

export async function searchCases(
  db: Db,
  actor: Actor,
  search: Omit<CaseSearch, 'q'> & { q?: string | undefined },
): Promise<{ items: CaseSummaryView[]; nextCursor: string | null }> {
  let query = visibleCases(db, actor);
  const q = search.q?.trim();
  if (q) {
    const upper = q.toUpperCase();
    if (CASE_CODE_PATTERN.test(upper)) {
      query = query.where('c.code', '=', upper);
    } else if (CODE_LIKE.test(q)) {
      query = query.where('c.code', 'like', `%${upper.replace(/[%_]/g, '')}%`);
    } else {
      const words = [...new Set(foldText(q).split(' ').filter(Boolean))].slice(0, 5);
      if (!words.length) throw invalid([{ path: 'q', code: 'invalid' }]);
      // All words must match: one pass over the prefix index, grouped by case.
      const tokens = [...new Set(words.map((w) => w.slice(0, MAX_TOKEN)))];
      query = query.where('c.id', 'in', (eb) => {
        const matches = eb
          .selectFrom('case_name_tokens as t')
          .select('t.case_id')
          .where('t.org_id', '=', actor.orgId)
          .where('t.token', 'in', tokens);
        return tokens.length === 1
          ? matches
          : matches.groupBy('t.case_id').having((h) => h.fn.countAll(), '=', tokens.length);
      });
    }
  }
  if (search.nationality) {
    const country = search.nationality;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_nationalities as n')
          .select('n.case_id')
          .whereRef('n.case_id', '=', 'c.id')
          .where('n.country', '=', country),
      ),
    );
  }
  if (search.state) query = query.where('c.state', '=', search.state);
  if (search.status) query = query.where('c.status', '=', search.status);
  if (search.step) query = query.where('c.step', '=', search.step);
  if (search.assignedToMe) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_assignments as me')
          .select('me.case_id')
          .whereRef('me.case_id', '=', 'c.id')
          .where('me.user_id', '=', actor.userId),
      ),
    );
  }
  if (search.cursor) {
    const cursor = decodeCursor(search.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('c.last_activity_at', '<', cursor.at),
        eb.and([eb('c.last_activity_at', '=', cursor.at), eb('c.id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .select([
      'c.id',
      'c.code',
      'c.given_names',
      'c.family_names',
      'c.preferred_name',
      'c.nationalities',
      'c.state',
      'c.status',
      'c.step',
      'c.risk_level',
      'c.last_activity_at',
      'c.created_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('case_members as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.case_id', '=', 'c.id')
        .as('member_count'),
    )
    .orderBy('c.last_activity_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(search.limit + 1)
    .execute();
  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentSummary({ ...r, member_count: r.member_count ?? 0 })),
    nextCursor:
      rows.length > search.limit && last ? encodeCursor({ at: last.last_activity_at, id: last.id }) : null,
  };
}
