/**
 * Deadline reminders. `createReminders` turns each open deadline that has
 * reached a lead time (e.g. 5 and 2 business days before, and on the day)
 * into one in-app notification per assigned person; `sendDigests` e-mails
 * each person one daily digest. Both are safe to run on several server
 * instances at once: a notification's unique key and a digest's (person, day)
 * primary key let exactly one insert win, and only the winner sends.
 * Messages carry case codes, never names.
 */
import { CASE_ROLES, todayInMexico, type Role } from '@senda/domain';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../../context.js';
import { deadlinesForUser } from '../procedures/my-deadlines.js';
import { deadlineLabel } from '../feeds/labels.js';
import { ownRuleNames } from '../deadline-rules/store.js';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** The lead time a deadline with `left` business days left has reached, if any: the smallest one at or above. */
export function reachedLead(left: number, leadDays: readonly number[]): number | null {
  const sorted = [...leadDays].sort((a, b) => a - b);
  for (const lead of sorted) if (left <= lead) return lead;
  return null;
}

export async function createReminders(ctx: AppContext, today: string = todayInMexico()): Promise<number> {
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'org_id', 'role'])
    .where('active', '=', 1)
    .where('role', 'in', [...CASE_ROLES])
    .execute();
  let created = 0;
  for (const user of users) {
    const deadlines = await deadlinesForUser(
      ctx.db,
      { userId: user.id, orgId: user.org_id, role: user.role as Role },
      { today },
    );
    for (const d of deadlines) {
      // The authority's own period (COMAR deciding) is tracked on the case, not reminded.
      if (d.businessDaysLeft === null || d.responsible === 'authority') continue;
      const lead = reachedLead(Math.max(d.businessDaysLeft, 0), ctx.config.reminders.leadDays);
      if (lead === null) continue;
      const result = await ctx.db
        .insertInto('notifications')
        .values({
          id: uuidv7(),
          dedupe_key: [user.id, d.caseId, d.ruleCode, d.triggerEventId, d.dueDate, lead].join(':'),
          user_id: user.id,
          case_id: d.caseId,
          case_code: d.caseCode,
          rule_code: d.ruleCode,
          due_date: d.dueDate,
          lead_days: lead,
          created_at: new Date().toISOString(),
          read_at: null,
          digest_day: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      created += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return created;
}

type DeadlineItem = { case_code: string; rule_code: string; due_date: string; lead_days: number };
type ReferralItem = { referral_code: string; event: string };

/** Referral events in the digest's two languages (codes only, never a name). */
const REFERRAL_EVENTS: Record<string, { es: string; en: string }> = {
  received: { es: 'nueva canalización recibida', en: 'new referral received' },
  accepted: { es: 'aceptada', en: 'accepted' },
  declined: { es: 'rechazada', en: 'declined' },
  completed: { es: 'servicio dado', en: 'service given' },
  not_completed: { es: 'el servicio no se dio', en: 'service not given' },
  withdrawn: { es: 'retirada', en: 'withdrawn' },
  revoked: { es: 'revocada: el consentimiento ya no la cubre', en: 'revoked: consent no longer covers it' },
  expired: { es: 'venció sin respuesta', en: 'expired without an answer' },
  assigned: { es: 'asignada', en: 'assigned' },
  message: { es: 'mensaje nuevo', en: 'new message' },
  overdue: { es: 'respuesta vencida', en: 'answer overdue' },
};

function digestText(
  locale: string,
  items: DeadlineItem[],
  referrals: ReferralItem[],
  names: ReadonlyMap<string, string>,
) {
  const es = locale === 'es';
  const lines = items.map((n) => {
    const when =
      n.lead_days === 0
        ? es
          ? 'vence hoy o venció'
          : 'due today or overdue'
        : es
          ? `en ${n.lead_days} días hábiles o menos`
          : `in ${n.lead_days} business days or fewer`;
    return `• ${n.case_code} — ${deadlineLabel(n.rule_code, locale, names.get(n.rule_code))} — ${es ? 'vence' : 'due'} ${n.due_date} (${when})`;
  });
  const referralLines = referrals.map((r) => {
    const event = REFERRAL_EVENTS[r.event];
    return `• ${r.referral_code} — ${event ? (es ? event.es : event.en) : r.event}`;
  });
  const count = items.length + referrals.length;
  const subject = es ? `Senda: ${count} aviso(s) por atender` : `Senda: ${count} notice(s) to attend to`;
  const sections = [
    ...(lines.length
      ? [
          es ? 'Plazos de tus casos que requieren atención:' : 'Deadlines of your cases that need attention:',
          '',
          ...lines,
          '',
        ]
      : []),
    ...(referralLines.length ? [es ? 'Canalizaciones:' : 'Referrals:', '', ...referralLines, ''] : []),
  ];
  const outro = es
    ? 'Abre Senda para ver cada caso y cada canalización.'
    : 'Open Senda to see each case and referral.';
  return { subject, text: [...sections, outro].join('\n') };
}

/** One e-mail per person and day with the reminders not yet sent; returns how many were sent. */
export async function sendDigests(
  ctx: AppContext,
  mailer: Mailer,
  day: string = todayInMexico(),
): Promise<number> {
  const deadlineUsers = await ctx.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.id', 'u.email', 'u.locale', 'u.org_id'])
    .where('n.digest_day', 'is', null)
    .where('u.active', '=', 1)
    .groupBy(['u.id', 'u.email', 'u.locale', 'u.org_id'])
    .execute();
  const referralUsers = await ctx.db
    .selectFrom('referral_notices as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.id', 'u.email', 'u.locale', 'u.org_id'])
    .where('n.digest_day', 'is', null)
    .where('u.active', '=', 1)
    .groupBy(['u.id', 'u.email', 'u.locale', 'u.org_id'])
    .execute();
  const byUser = new Map<string, { id: string; email: string; locale: string; org_id: string }>();
  for (const user of [...deadlineUsers, ...referralUsers]) byUser.set(user.id, user);
  const pending = [...byUser.values()];
  let sent = 0;
  for (const user of pending) {
    // Claim this person's digest for the day: only one instance's insert succeeds.
    const claim = await ctx.db
      .insertInto('email_digests')
      .values({
        user_id: user.id,
        day,
        status: 'sending',
        items: 0,
        created_at: new Date().toISOString(),
        sent_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .executeTakeFirst();
    if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const { items, referrals } = await ctx.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('notifications')
        .select(['id', 'case_code', 'rule_code', 'due_date', 'lead_days'])
        .where('user_id', '=', user.id)
        .where('digest_day', 'is', null)
        .orderBy('due_date')
        .execute();
      if (rows.length)
        await trx
          .updateTable('notifications')
          .set({ digest_day: day })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      const notices = await trx
        .selectFrom('referral_notices')
        .select(['id', 'referral_code', 'event'])
        .where('user_id', '=', user.id)
        .where('digest_day', 'is', null)
        .orderBy('created_at')
        .execute();
      if (notices.length)
        await trx
          .updateTable('referral_notices')
          .set({ digest_day: day })
          .where(
            'id',
            'in',
            notices.map((r) => r.id),
          )
          .execute();
      return { items: rows, referrals: notices };
    });
    if (!items.length && !referrals.length) continue;
    const names = await ownRuleNames(
      ctx.db,
      user.org_id,
      items.map((n) => n.rule_code),
    );
    await mailer.send({ to: user.email, ...digestText(user.locale, items, referrals, names) });
    await ctx.db
      .updateTable('email_digests')
      .set({ status: 'sent', items: items.length + referrals.length, sent_at: new Date().toISOString() })
      .where('user_id', '=', user.id)
      .where('day', '=', day)
      .execute();
    sent += 1;
  }
  return sent;
}
