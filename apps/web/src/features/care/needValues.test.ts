import { describe, expect, it } from 'vitest';
import type { CareNeed } from '../../lib/careApi';
import {
  detailFor,
  detailsOf,
  emptyNeed,
  needChanges,
  needResolver,
  orderNeeds,
  quickChanges,
  quickNeedResolver,
  toNeedInput,
  valuesOfNeed,
  type NeedFormValues,
} from './needValues';

const need = (over: Partial<CareNeed> = {}): CareNeed => ({
  id: 'n1',
  domain: 'legal',
  detail: 'asylum',
  priority: 'medium',
  status: 'identified',
  unmetReason: null,
  description: 'Quiere pedir refugio',
  identifiedOn: '2026-11-01',
  recordedBy: 'Ana',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  ...over,
});
const resolve = (values: NeedFormValues) =>
  needResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
const code = (message: string | undefined) => (JSON.parse(message ?? '{}') as { code?: string }).code;

describe('the order of needs', () => {
  it('puts open needs first, most urgent first, then the longest waiting', () => {
    const { open, closed } = orderNeeds([
      need({ id: 'low', priority: 'low' }),
      need({ id: 'met', status: 'met', updatedAt: '2026-11-20T00:00:00Z' }),
      need({ id: 'urgent-new', priority: 'urgent', identifiedOn: '2026-11-20' }),
      need({ id: 'urgent-old', priority: 'urgent', identifiedOn: '2026-10-01', status: 'in_progress' }),
      need({ id: 'unmet', status: 'unmet', unmetReason: 'cost', updatedAt: '2026-11-25T00:00:00Z' }),
    ]);
    expect(open.map((n) => n.id)).toEqual(['urgent-old', 'urgent-new', 'low']);
    expect(closed.map((n) => n.id)).toEqual(['unmet', 'met']);
  });
});

describe('the finer kinds of a domain', () => {
  it('offers only the domain’s kinds, and drops a kind of another domain', () => {
    expect(detailsOf('legal')).toEqual(['asylum', 'documents', 'family_reunification', 'other']);
    expect(detailsOf('education')).toEqual(['hers', 'children']);
    expect(detailsOf('shelter_housing')).toEqual([]);
    expect(detailsOf('')).toEqual([]);
    expect(detailFor('documentation', 'curp')).toBe('curp');
    expect(detailFor('education', 'curp')).toBeNull();
    expect(detailFor('mental_health', '')).toBeNull();
  });
});

describe('the need form', () => {
  it('sends a reason only for an unmet need, and trims her words', () => {
    const values: NeedFormValues = {
      ...emptyNeed('2026-12-01'),
      domain: 'education',
      detail: 'curp',
      unmetReason: 'cost',
      description: '  Inscribir a su hija  ',
    };
    expect(toNeedInput(values)).toEqual({
      domain: 'education',
      detail: null,
      priority: 'medium',
      status: 'identified',
      unmetReason: null,
      description: 'Inscribir a su hija',
      identifiedOn: '2026-12-01',
    });
    expect(toNeedInput({ ...values, status: 'unmet' }).unmetReason).toBe('cost');
  });

  it('asks for the domain and for the reason of an unmet need', async () => {
    const { errors } = await resolve({ ...emptyNeed('2026-12-01'), status: 'unmet' });
    expect(code(errors.domain?.message)).toBe('invalid_choice');
    expect(code(errors.unmetReason?.message)).toBe('unmet_reason_required');
    const ok = await resolve({ ...emptyNeed('2026-12-01'), domain: 'shelter_housing' });
    expect(ok.errors).toEqual({});
  });

  it('sends only what changed', () => {
    const stored = need();
    expect(needChanges(stored, toNeedInput(valuesOfNeed(stored)))).toEqual({});
    expect(
      needChanges(stored, toNeedInput({ ...valuesOfNeed(stored), domain: 'documentation', detail: 'curp' })),
    ).toEqual({ domain: 'documentation', detail: 'curp' });
  });
});

describe('the quick change of status and priority', () => {
  it('sends only what changed, a reason only when unmet', () => {
    const stored = need({ status: 'unmet', unmetReason: 'waiting_list' });
    expect(
      quickChanges(stored, { status: 'unmet', priority: 'medium', unmetReason: 'waiting_list' }),
    ).toEqual({});
    expect(quickChanges(stored, { status: 'met', priority: 'high', unmetReason: 'waiting_list' })).toEqual({
      status: 'met',
      priority: 'high',
      unmetReason: null,
    });
  });

  it('refuses an unmet need without a reason', async () => {
    const resolver = quickNeedResolver(need());
    const refused = await resolver({ status: 'unmet', priority: 'medium', unmetReason: '' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(code(refused.errors.unmetReason?.message)).toBe('unmet_reason_required');
    const accepted = await resolver({ status: 'unmet', priority: 'urgent', unmetReason: 'cost' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(accepted.values).toEqual({ status: 'unmet', priority: 'urgent', unmetReason: 'cost' });
  });
});
