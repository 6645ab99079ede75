/**
 * The needs assessment's values: the order needs are shown in (open needs by
 * priority, then those met or unmet), the finer kinds a domain offers, and the
 * need form's values and their conversion to what the API takes — the whole
 * need for a new one (POST), only what changed for a change (PATCH). A detail
 * that is not of the chosen domain, and a reason for a need that is not
 * unmet, are dropped, as the domain's rules (`needIssues`) require.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  NEED_DETAILS,
  OPEN_NEED_STATUSES,
  needInput,
  needIssues,
  type NeedDetail,
  type NeedDomain,
  type NeedInput,
  type NeedPriority,
  type NeedStatus,
  type NeedUpdateInput,
  type UnmetReason,
} from '@senda/domain';
import type { CareNeed } from '../../lib/careApi';
import { encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';

export const PRIORITY_RANK: Record<NeedPriority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

export function isOpenNeed(need: Pick<CareNeed, 'status'>): boolean {
  return OPEN_NEED_STATUSES.includes(need.status);
}

/** The finer kinds of a domain (none for most). */
export function detailsOf(domain: NeedDomain | ''): readonly NeedDetail[] {
  return domain === '' ? [] : NEED_DETAILS[domain];
}

/** A detail only when it is one of the domain's kinds. */
export function detailFor(domain: NeedDomain | '', detail: NeedDetail | '' | null): NeedDetail | null {
  return detail && detailsOf(domain).includes(detail) ? detail : null;
}

/**
 * Open needs first — most urgent first, then those waiting longest — then
 * those met or unmet, most recently changed first.
 */
export function orderNeeds<T extends CareNeed>(needs: readonly T[]): { open: T[]; closed: T[] } {
  const open = needs
    .filter(isOpenNeed)
    .sort(
      (a, b) =>
        PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
        a.identifiedOn.localeCompare(b.identifiedOn) ||
        a.createdAt.localeCompare(b.createdAt),
    );
  const closed = needs.filter((n) => !isOpenNeed(n)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { open, closed };
}

export interface NeedFormValues {
  /** '' until chosen. */
  domain: NeedDomain | '';
  /** '' for "not specified". */
  detail: NeedDetail | '';
  priority: NeedPriority;
  status: NeedStatus;
  /** '' unless unmet. */
  unmetReason: UnmetReason | '';
  description: string;
  identifiedOn: string;
}

export function emptyNeed(today: string): NeedFormValues {
  return {
    domain: '',
    detail: '',
    priority: 'medium',
    status: 'identified',
    unmetReason: '',
    description: '',
    identifiedOn: today,
  };
}

export function valuesOfNeed(need: CareNeed): NeedFormValues {
  return {
    domain: need.domain,
    detail: need.detail ?? '',
    priority: need.priority,
    status: need.status,
    unmetReason: need.unmetReason ?? '',
    description: need.description,
    identifiedOn: need.identifiedOn,
  };
}

/** The form's fields that the API's field errors may name. */
export const NEED_FIELDS = new Set(Object.keys(emptyNeed('')));

export function toNeedInput(values: NeedFormValues): NeedInput {
  return {
    domain: values.domain as NeedDomain,
    detail: detailFor(values.domain, values.detail),
    priority: values.priority,
    status: values.status,
    unmetReason: values.status === 'unmet' && values.unmetReason ? values.unmetReason : null,
    description: values.description.trim(),
    identifiedOn: values.identifiedOn,
  };
}

/** Only the fields of `input` that differ from the stored need. */
export function needChanges(need: CareNeed, input: NeedInput): NeedUpdateInput {
  const change: NeedUpdateInput = {};
  if (input.domain !== need.domain) change.domain = input.domain;
  if ((input.detail ?? null) !== need.detail) change.detail = input.detail ?? null;
  if (input.priority !== undefined && input.priority !== need.priority) change.priority = input.priority;
  if (input.status !== undefined && input.status !== need.status) change.status = input.status;
  if ((input.unmetReason ?? null) !== need.unmetReason) change.unmetReason = input.unmetReason ?? null;
  if ((input.description ?? '') !== need.description) change.description = input.description ?? '';
  if (input.identifiedOn !== need.identifiedOn) change.identifiedOn = input.identifiedOn;
  return change;
}

const validateNeed = zodResolver(needInput, zodErrorMap);

export const needResolver: Resolver<NeedFormValues, unknown, NeedInput> = async (
  values,
  context,
  options,
) => {
  const input = toNeedInput(values);
  const checked = await validateNeed(
    { ...input, domain: values.domain || undefined } as never,
    context,
    options as never,
  );
  // The rules of the whole need are checked even when a field is missing, so every error shows at once.
  const errors: FieldErrors<NeedFormValues> = { ...checked.errors };
  for (const issue of needIssues(input)) {
    const path = issue.path as keyof NeedFormValues;
    errors[path] ??= { type: 'validate', message: encodeFieldError({ code: issue.code }) };
  }
  if (Object.keys(errors).length > 0) return { values: {} as Record<string, never>, errors };
  return { values: input, errors: {} };
};

/** The quick change on a need's card: its status (with the reason when unmet) and its priority. */
export interface QuickNeedValues {
  status: NeedStatus;
  priority: NeedPriority;
  unmetReason: UnmetReason | '';
}

export function quickValuesOf(need: CareNeed): QuickNeedValues {
  return { status: need.status, priority: need.priority, unmetReason: need.unmetReason ?? '' };
}

/** What the quick change sends: only what differs (a reason only for an unmet need). */
export function quickChanges(need: CareNeed, values: QuickNeedValues): NeedUpdateInput {
  const reason = values.status === 'unmet' && values.unmetReason ? values.unmetReason : null;
  const change: NeedUpdateInput = {};
  if (values.status !== need.status) change.status = values.status;
  if (values.priority !== need.priority) change.priority = values.priority;
  if (reason !== need.unmetReason) change.unmetReason = reason;
  return change;
}

/** The quick change's check: the need it would produce obeys the domain's rules. */
export function quickNeedResolver(need: CareNeed): Resolver<QuickNeedValues, unknown, NeedUpdateInput> {
  return (values) => {
    const change = quickChanges(need, values);
    const issues = needIssues({ ...need, ...change });
    if (issues.length === 0) return { values: change, errors: {} };
    const errors: FieldErrors<QuickNeedValues> = {};
    for (const issue of issues)
      if (issue.path === 'unmetReason')
        errors.unmetReason = { type: 'validate', message: encodeFieldError({ code: issue.code }) };
    return { values: {}, errors };
  };
}
