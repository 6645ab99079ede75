import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../errors.js';
import {
  RISK_QUESTION_CODES,
  assessRisk,
  riskAssessmentInput,
  safetyPlanInput,
  type RiskAnswer,
} from './risk.js';

const all = (answer: RiskAnswer) => Object.fromEntries(RISK_QUESTION_CODES.map((q) => [q, answer]));
const errors = (input: unknown) => {
  const parsed = riskAssessmentInput.safeParse(input);
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
};

describe('the risk level', () => {
  it('is low with nothing answered yes, and "unknown" counts as no', () => {
    expect(assessRisk(all('no'))).toEqual({ level: 'low', score: 0, redFlags: [] });
    expect(assessRisk(all('unknown')).level).toBe('low');
  });

  it('rises with the score: medium from 3, high from 6', () => {
    expect(assessRisk({ ...all('no'), violence_increasing: 'yes' }).level).toBe('low');
    expect(assessRisk({ ...all('no'), violence_increasing: 'yes', no_support_network: 'yes' }).level).toBe(
      'medium',
    );
    expect(
      assessRisk({
        ...all('no'),
        violence_increasing: 'yes',
        children_at_risk: 'yes',
        no_safe_place_tonight: 'yes',
      }),
    ).toEqual({ level: 'high', score: 6, redFlags: [] });
  });

  it('is at least high with one red flag, critical with two', () => {
    expect(assessRisk({ ...all('no'), strangulation: 'yes' })).toEqual({
      level: 'high',
      score: 3,
      redFlags: ['strangulation'],
    });
    expect(assessRisk({ ...all('no'), threats_to_kill: 'yes', weapon: 'yes' }).level).toBe('critical');
    expect(assessRisk(all('yes')).level).toBe('critical');
  });
});

describe('an assessment', () => {
  const base = { assessedOn: '2026-02-02', answers: all('no') };

  it('needs every question answered, each one named', () => {
    const { weapon: _weapon, ...rest } = all('no');
    expect(errors({ ...base, answers: rest })).toEqual([{ path: 'answers.weapon', code: 'invalid_choice' }]);
    expect(errors({ ...base, answers: { ...all('no'), gossip: 'yes' } })).toEqual([
      { path: 'answers.gossip', code: 'unknown_field' },
    ]);
  });

  it('takes the assessor’s other level only with her reason, and only if it differs', () => {
    expect(errors({ ...base, overrideLevel: 'high' })).toEqual([
      { path: 'overrideReason', code: 'override_reason_required' },
    ]);
    expect(errors({ ...base, overrideLevel: 'low', overrideReason: 'x' })).toEqual([
      { path: 'overrideLevel', code: 'override_same_level' },
    ]);
    expect(
      errors({ ...base, overrideLevel: 'high', overrideReason: 'El agresor la busca en el albergue' }),
    ).toEqual([]);
  });
});

describe('a safety plan', () => {
  it('keeps lists of short texts and named safe contacts, nothing empty', () => {
    const parsed = safetyPlanInput.safeParse({
      measures: ['Cambiar la ruta al trabajo'],
      safeContacts: [{ name: '', phone: '', note: '' }],
    });
    expect(parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues)).toEqual([
      { path: 'safeContacts.0.name', code: 'required' },
    ]);
    expect(safetyPlanInput.parse({})).toEqual({
      risks: [],
      measures: [],
      safeContacts: [],
      safePlaces: [],
      codeWords: [],
    });
  });
});
