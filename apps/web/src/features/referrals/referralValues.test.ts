import { describe, expect, it } from 'vitest';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { ServiceMatch } from '../../lib/referralsApi';
import { decodeFieldError } from '../../lib/fieldErrors';
import { errorAt } from '../directory/formValues';
import {
  canUseReferrals,
  completeResolver,
  declineResolver,
  detailTokens,
  emptyReferral,
  isReferralFormField,
  letterLanguage,
  listParams,
  orderMatches,
  parseLetterSearch,
  parseReferSearch,
  parseReferralsSearch,
  referralFormResolver,
  sentCounts,
  shareChoices,
  sharedParts,
  toAcceptInput,
  toReferralInput,
} from './referralValues';

const NEED = '0190a5f0-0000-7000-8000-000000000001';
const SERVICE = '0190a5f0-0000-7000-8000-000000000002';
const DOCUMENT = '0190a5f0-0000-7000-8000-000000000003';
const ids = { needId: NEED, serviceId: SERVICE };

async function resolve<V extends FieldValues, O>(resolver: Resolver<V, unknown, O>, values: NoInfer<V>) {
  return resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
}
const codeAt = (errors: unknown, path: string) => decodeFieldError(errorAt(errors, path)?.message).code;

const match = (name: string, fits: boolean): ServiceMatch => ({
  service: {
    id: name,
    name,
    organization: 'Casa',
    onSenda: true,
    referralMethod: 'senda',
    responseBusinessDays: 3,
  },
  fits,
  reasons: [],
  consent: { holds: true, scopes: [] },
});

describe('who uses referrals', () => {
  it('every case role sends them and partners receive them; analysts do neither', () => {
    for (const role of [
      'admin',
      'coordinator',
      'lawyer',
      'psychologist',
      'social_worker',
      'intake',
      'partner',
    ] as const)
      expect(canUseReferrals(role)).toBe(true);
    expect(canUseReferrals('analyst')).toBe(false);
  });
});

describe('the pages’ search', () => {
  it('shows the received box, open ones only, unless the URL says otherwise', () => {
    expect(listParams(parseReferralsSearch({}))).toEqual({ box: 'received', open: true });
    expect(listParams(parseReferralsSearch({ box: 'sent', all: true }))).toEqual({
      box: 'sent',
      open: false,
    });
    expect(parseReferralsSearch({ box: 'trash', all: 'yes' })).toEqual({});
  });

  it('keeps only ids in the referral form’s URL, and a service only with its need', () => {
    expect(parseReferSearch({ needId: NEED, serviceId: SERVICE })).toEqual(ids);
    expect(parseReferSearch({ serviceId: SERVICE })).toEqual({});
    expect(parseReferSearch({ needId: 'Guadalupe', serviceId: SERVICE })).toEqual({});
  });

  it('prints the letter in the language chosen, else hers when Senda speaks it, else Spanish', () => {
    expect(parseLetterSearch({ lang: 'ht' })).toEqual({ lang: 'ht' });
    expect(parseLetterSearch({ lang: 'de' })).toEqual({});
    expect(letterLanguage('fr', 'ht')).toBe('fr');
    expect(letterLanguage(undefined, 'ht')).toBe('ht');
    expect(letterLanguage(undefined, 'qu')).toBe('es');
    expect(letterLanguage(undefined, null)).toBe('es');
  });
});

describe('services that fit her', () => {
  it('lists those that fit first, each group in the server’s order', () => {
    const ordered = orderMatches([match('a', false), match('b', true), match('c', false), match('d', true)]);
    expect(ordered.map((m) => m.service.name)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('reads the values a reason names one by one', () => {
    expect(detailTokens('es, ht')).toEqual(['es', 'ht']);
    expect(detailTokens('')).toEqual([]);
  });

  it('allows only what her consent covers, and marks her own accounts', () => {
    const choices = shareChoices(['identity', 'narratives', 'health']);
    expect(choices.filter((c) => c.allowed).map((c) => c.value)).toEqual(['identity', 'narratives']);
    expect(choices.filter((c) => c.verbatim).map((c) => c.value)).toEqual(['narratives']);
    expect(shareChoices([]).some((c) => c.allowed)).toBe(false);
  });
});

describe('the referral form', () => {
  it('sends documents only with the documents scope, and the scope in the domain’s order', () => {
    const values = { ...emptyReferral(), scope: ['documents', 'identity'] as const, documentIds: [DOCUMENT] };
    expect(toReferralInput({ ...values, scope: [...values.scope] }, ids, false)).toEqual({
      ...ids,
      scope: ['identity', 'documents'],
      documentIds: [DOCUMENT],
      urgency: 'normal',
      message: '',
      send: false,
    });
    const without = toReferralInput(
      { ...emptyReferral(), documentIds: [DOCUMENT], message: ' Hola ' },
      ids,
      true,
    );
    expect(without.documentIds).toEqual([]);
    expect(without.message).toBe('Hola');
  });

  it('asks for a document when the documents scope is ticked', async () => {
    const result = await resolve(referralFormResolver(ids), { ...emptyReferral(), scope: ['documents'] });
    expect(codeAt(result.errors, 'documentIds')).toBe('documents_scope_required');
    const ok = await resolve(referralFormResolver(ids), {
      ...emptyReferral(),
      scope: ['documents'],
      documentIds: [DOCUMENT],
    });
    expect(ok.errors).toEqual({});
  });

  it('knows which server field errors land on its fields', () => {
    expect(isReferralFormField('documentIds.0')).toBe(true);
    expect(isReferralFormField('scope')).toBe(true);
    expect(isReferralFormField('consent')).toBe(false);
    expect(isReferralFormField('serviceId')).toBe(false);
  });
});

describe('answering a referral', () => {
  it('accepts without anyone assigned yet', () => {
    expect(toAcceptInput({ assignedTo: '', comment: ' ok ' })).toEqual({ assignedTo: null, comment: 'ok' });
  });

  it('asks for a reason to decline, and a comment when the reason is "other"', async () => {
    const none = await resolve(declineResolver, { reason: '', comment: '' });
    expect(codeAt(none.errors, 'reason')).toBe('invalid_choice');
    const other = await resolve(declineResolver, { reason: 'other', comment: '  ' });
    expect(codeAt(other.errors, 'comment')).toBe('reason_required');
    const ok = await resolve(declineResolver, { reason: 'no_capacity', comment: '' });
    expect(ok.errors).toEqual({});
  });

  it('asks why a service was not given, and drops a reason for one that was', async () => {
    const missing = await resolve(completeResolver, { outcome: 'not_given', reason: '', comment: '' });
    expect(codeAt(missing.errors, 'reason')).toBe('reason_required');
    const other = await resolve(completeResolver, { outcome: 'not_given', reason: 'other', comment: '' });
    expect(codeAt(other.errors, 'comment')).toBe('reason_required');
    const given = await resolve(completeResolver, { outcome: 'given', reason: 'other', comment: '' });
    expect(given.errors).toEqual({});
    expect(given.values).toEqual({ outcome: 'given', reason: null, comment: '' });
  });
});

describe('the sender’s dashboard and her shared data', () => {
  it('counts those waiting, overdue and without news', () => {
    const flags = (waiting: boolean, overdue: boolean, withoutNews: boolean) => ({
      flags: { waiting, overdue, withoutNews },
    });
    expect(
      sentCounts([flags(true, true, false), flags(true, false, true), flags(false, false, true)]),
    ).toEqual({
      waiting: 2,
      overdue: 1,
      withoutNews: 2,
    });
  });

  it('shows exactly the parts present, in reading order', () => {
    expect(sharedParts({ documents: [], identity: undefined, needs: [] })).toEqual(['needs', 'documents']);
    expect(sharedParts({})).toEqual([]);
  });
});
