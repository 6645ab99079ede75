import type { NonBusinessReason } from './calendar.js';
import { weekdayOfDate } from './dates.js';
import type { LegalDate } from './dates.js';
import type {
  BusinessDaysExplanation,
  CalendarPeriodExplanation,
  DeadlineExplanation,
  SkippedDay,
  Trigger,
} from './periods.js';
import type { Authority } from './schemas.js';

/**
 * Plain sentences from a deadline explanation, in Spanish and English, for
 * places without the interface's message catalogues (exports, notes, e-mails
 * to the team). The interface should build its own text from the structured codes.
 */
export type ExplanationLocale = 'es' | 'en';

type Words = Record<ExplanationLocale, string>;

const WEEKDAYS: Record<ExplanationLocale, readonly string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** Names of the holiday codes of the default rules. */
export const HOLIDAY_NAMES: Readonly<Record<string, Words>> = {
  new_year: { es: 'Año Nuevo', en: "New Year's Day" },
  constitution_day: { es: 'Día de la Constitución', en: 'Constitution Day' },
  benito_juarez: { es: 'natalicio de Benito Juárez', en: "Benito Juárez's birthday" },
  labour_day: { es: 'Día del Trabajo', en: 'Labour Day' },
  batalla_puebla: { es: 'Batalla de Puebla', en: 'Battle of Puebla' },
  independence: { es: 'Día de la Independencia', en: 'Independence Day' },
  dia_de_la_raza: { es: 'Día de la Raza', en: 'Día de la Raza (12 October)' },
  revolution: { es: 'Día de la Revolución', en: 'Revolution Day' },
  christmas: { es: 'Navidad', en: 'Christmas Day' },
  presidential_transmission: {
    es: 'transmisión del Poder Ejecutivo Federal',
    en: 'transfer of federal executive power',
  },
};

const AUTHORITY_NAMES: Record<Authority, Words> = {
  comar_inm: { es: 'calendario COMAR/INM', en: 'COMAR/INM calendar' },
  amparo: { es: 'calendario del juicio de amparo', en: 'amparo court calendar' },
  tfja: { es: 'calendario del TFJA', en: 'TFJA calendar' },
  labour: { es: 'calendario laboral', en: 'labour calendar' },
};

const TRIGGER_NAMES: Record<Trigger, Words> = {
  notification: { es: 'la notificación', en: 'the notification' },
  entry: { es: 'la entrada al país', en: 'entry into the country' },
  filing: { es: 'la presentación', en: 'the filing' },
  issuance: { es: 'la expedición', en: 'issuance' },
  act: { es: 'el acto que lo origina', en: 'the triggering act' },
};

/** "a la notificación", "al acto que lo origina". */
function toEs(noun: string): string {
  return noun.startsWith('el ') ? `al ${noun.slice(3)}` : `a ${noun}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function day(date: LegalDate, locale: ExplanationLocale): string {
  return `${WEEKDAYS[locale][weekdayOfDate(date)] ?? ''} ${date}`;
}

/** One reason as text: "Día del Trabajo, LFPA art. 28", "sábado", "jueves santo, Acuerdo COMAR…". */
export function renderReason(reason: NonBusinessReason, locale: ExplanationLocale): string {
  const es = locale === 'es';
  switch (reason.kind) {
    case 'weekend':
      return WEEKDAYS[locale][reason.weekday] ?? '';
    case 'holiday':
      return `${HOLIDAY_NAMES[reason.code]?.[locale] ?? reason.name ?? reason.code}, ${reason.basis}`;
    case 'non_business_day':
      return `${reason.note ?? (es ? 'día inhábil declarado' : 'declared non-business day')}, ${reason.source}`;
    case 'suspension': {
      const range = es
        ? `suspensión del ${reason.from} al ${reason.to}`
        : `suspension from ${reason.from} to ${reason.to}`;
      return [range, reason.note, reason.source].filter(Boolean).join(', ');
    }
  }
}

function reasonsText(reasons: readonly NonBusinessReason[], locale: ExplanationLocale): string {
  return reasons.map((r) => renderReason(r, locale)).join('; ');
}

/**
 * The skipped days as a list: weekend-only days are counted, a suspension is
 * shown once as a range, any other day is listed with all its reasons.
 */
function skippedText(skipped: readonly SkippedDay[], locale: ExplanationLocale): string {
  const es = locale === 'es';
  let weekends = 0;
  const items: string[] = [];
  // Keyed by content, not identity, so that a stored (serialized) explanation renders the same.
  const groups = new Map<
    string,
    { reason: NonBusinessReason; first: string; last: string; count: number; index: number }
  >();
  for (const skippedDay of skipped) {
    const suspension = skippedDay.reasons.find((r) => r.kind === 'suspension');
    if (suspension) {
      const key = JSON.stringify(suspension);
      const group = groups.get(key);
      if (group) {
        group.last = skippedDay.date;
        group.count++;
      } else {
        groups.set(key, {
          reason: suspension,
          first: skippedDay.date,
          last: skippedDay.date,
          count: 1,
          index: items.length,
        });
        items.push('');
      }
    } else if (skippedDay.reasons.every((r) => r.kind === 'weekend')) weekends++;
    else items.push(`${skippedDay.date} (${reasonsText(skippedDay.reasons, locale)})`);
  }
  for (const { reason, ...group } of groups.values()) {
    const range =
      group.count === 1
        ? group.first
        : es
          ? `del ${group.first} al ${group.last} (${group.count} días; `
          : `${group.first} to ${group.last} (${group.count} days; `;
    items[group.index] =
      group.count === 1
        ? `${range} (${renderReason(reason, locale)})`
        : `${range}${renderReason(reason, locale)})`;
  }
  if (weekends > 0) {
    items.unshift(
      es
        ? plural(weekends, 'día de fin de semana', 'días de fin de semana')
        : plural(weekends, 'weekend day', 'weekend days'),
    );
  }
  return items.join('; ');
}

function renderBusinessDays(e: BusinessDaysExplanation, locale: ExplanationLocale): string {
  const es = locale === 'es';
  const trigger = TRIGGER_NAMES[e.trigger][locale];
  const calendar = AUTHORITY_NAMES[e.authority][locale];
  const parts: string[] = [];
  parts.push(
    es
      ? `Plazo de ${plural(e.amount, 'día hábil', 'días hábiles')} (${calendar}).`
      : `${plural(e.amount, 'business day', 'business days')} (${calendar}).`,
  );
  const inhabil = e.effectDateReasons.length > 0 ? reasonsText(e.effectDateReasons, locale) : '';
  if (e.effectDateHandling === 'defer' && inhabil) {
    parts.push(
      es
        ? `La fecha de efecto, ${day(e.effectDate, locale)}, es inhábil (${inhabil}); se toma como fecha de efecto el ${day(e.countFrom, locale)}.`
        : `The effect date, ${day(e.effectDate, locale)}, is not a business day (${inhabil}); the act is deemed to take effect on ${day(e.countFrom, locale)}.`,
    );
  }
  const after =
    e.countFrom === e.effectDate
      ? es
        ? `${toEs(trigger)} del ${day(e.effectDate, locale)}${inhabil ? `, día inhábil: ${inhabil}` : ''}`
        : `${trigger} on ${day(e.effectDate, locale)}${inhabil ? `, a non-business day: ${inhabil}` : ''}`
      : es
        ? `al ${day(e.countFrom, locale)}`
        : day(e.countFrom, locale);
  parts.push(
    es
      ? `Contado desde el ${day(e.firstCountedDay, locale)} (día hábil siguiente ${after}); vence el ${day(e.dueDate, locale)}.`
      : `Counted from ${day(e.firstCountedDay, locale)} (the business day after ${after}); due ${day(e.dueDate, locale)}.`,
  );
  parts.push(skippedSentence(e.skipped, locale));
  return parts.join(' ');
}

function skippedSentence(skipped: readonly SkippedDay[], locale: ExplanationLocale): string {
  if (skipped.length === 0)
    return locale === 'es' ? 'Sin días inhábiles intermedios.' : 'No non-business days in between.';
  return locale === 'es'
    ? `Se omiten: ${skippedText(skipped, locale)}.`
    : `Skipped: ${skippedText(skipped, locale)}.`;
}

function renderCalendarPeriod(e: CalendarPeriodExplanation, locale: ExplanationLocale): string {
  const es = locale === 'es';
  const trigger = TRIGGER_NAMES[e.trigger][locale];
  const parts: string[] = [];
  if (e.method === 'calendar_days') {
    parts.push(
      es
        ? `Plazo de ${plural(e.amount, 'día natural', 'días naturales')}, contado desde el día siguiente ${toEs(trigger)} del ${day(e.effectDate, locale)} (primer día: ${day(e.firstCountedDay, locale)}); vence el ${day(e.nominalDueDate, locale)}.`
        : `${plural(e.amount, 'calendar day', 'calendar days')}, counted from the day after ${trigger} on ${day(e.effectDate, locale)} (first day: ${day(e.firstCountedDay, locale)}); due ${day(e.nominalDueDate, locale)}.`,
    );
  } else {
    const dayOfMonth = Number(e.effectDate.slice(8));
    const adjustment =
      e.monthEnd === 'none'
        ? ''
        : es
          ? ` (el mes de vencimiento no tiene día ${dayOfMonth}: se toma el ${e.monthEnd === 'last_day_of_month' ? 'último día de ese mes' : 'primer día del mes siguiente'})`
          : ` (the final month has no day ${dayOfMonth}: the ${e.monthEnd === 'last_day_of_month' ? 'last day of that month' : 'first day of the next month'} is used)`;
    parts.push(
      es
        ? `Plazo de ${plural(e.amount, 'mes', 'meses')}, de fecha a fecha desde ${trigger} del ${day(e.effectDate, locale)}; vence el ${day(e.nominalDueDate, locale)}${adjustment}.`
        : `${plural(e.amount, 'month', 'months')}, from date to date after ${trigger} on ${day(e.effectDate, locale)}; due ${day(e.nominalDueDate, locale)}${adjustment}.`,
    );
  }
  if (e.roll === 'none') {
    parts.push(
      es
        ? 'Vencimiento fijo: no se corre si cae en día inhábil.'
        : 'Fixed date: not moved if it falls on a non-business day.',
    );
  } else if (e.authority && e.dueDate !== e.nominalDueDate) {
    const calendar = AUTHORITY_NAMES[e.authority][locale];
    parts.push(
      es
        ? `Ese día es inhábil en el ${calendar}; el vencimiento se corre al ${day(e.dueDate, locale)}.`
        : `That day is not a business day in the ${calendar}; the due date moves to ${day(e.dueDate, locale)}.`,
    );
    parts.push(skippedSentence(e.skipped, locale));
  }
  return parts.join(' ');
}

/** A deadline explanation as one plain paragraph in Spanish or English. */
export function renderExplanation(explanation: DeadlineExplanation, locale: ExplanationLocale): string {
  return explanation.method === 'business_days'
    ? renderBusinessDays(explanation, locale)
    : renderCalendarPeriod(explanation, locale);
}
