import { describe, expect, it } from 'vitest';
import { RISK_QUESTION_CODES } from '@senda/domain';
import {
  assessmentResolver,
  emptyAssessment,
  isAssessmentField,
  liveRisk,
  planIsEmpty,
  planToValues,
  toAssessmentInput,
  toSafetyPlanInput,
  type RiskFormValues,
} from './riskValues';

const allNo = (): RiskFormValues => {
  const values = emptyAssessment('2026-01-10');
  for (const q of RISK_QUESTION_CODES) values.answers[q] = 'no';
  return values;
};
const resolve = (values: RiskFormValues) =>
  assessmentResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('the risk assessment form', () => {
  it('computes the level live, an unanswered question counting as no', () => {
    const values = emptyAssessment('2026-01-10');
    expect(liveRisk(values.answers).level).toBe('low');
    values.answers.threats_to_kill = 'yes';
    expect(liveRisk(values.answers)).toEqual({ level: 'high', score: 3, redFlags: ['threats_to_kill'] });
    values.answers.weapon = 'yes';
    expect(liveRisk(values.answers).level).toBe('critical');
  });

  it('sends no override when none is chosen, and drops a reason left behind', () => {
    const values = { ...allNo(), overrideReason: 'typed, then the level was cleared' };
    expect(toAssessmentInput(values)).toMatchObject({ overrideLevel: null, overrideReason: '' });
    expect(toAssessmentInput({ ...values, overrideLevel: 'high' })).toMatchObject({
      overrideLevel: 'high',
      overrideReason: 'typed, then the level was cleared',
    });
  });

  it('names each unanswered question at answers.<code>', async () => {
    const values = allNo();
    values.answers.weapon = '';
    const { errors } = await resolve(values);
    expect(Object.keys(errors.answers ?? {})).toEqual(['weapon']);
    expect((await resolve(allNo())).errors).toEqual({});
  });

  it('asks a reason for another level, and refuses the level the answers already give', async () => {
    const { errors } = await resolve({ ...allNo(), overrideLevel: 'low' });
    expect(JSON.parse(errors.overrideReason?.message ?? '{}')).toMatchObject({
      code: 'override_reason_required',
    });
    expect(JSON.parse(errors.overrideLevel?.message ?? '{}')).toMatchObject({ code: 'override_same_level' });
  });

  it('knows its fields', () => {
    expect(isAssessmentField('answers.strangulation')).toBe(true);
    expect(isAssessmentField('overrideReason')).toBe(true);
    expect(isAssessmentField('answers.other')).toBe(false);
  });
});

describe('the safety plan form', () => {
  it('round-trips a plan and drops empty rows', () => {
    const values = planToValues({
      risks: ['Él sabe dónde trabaja'],
      measures: [],
      safeContacts: [{ name: 'Rosa', phone: '+52 962 000 0000', note: '' }],
      safePlaces: [],
      codeWords: ['mango'],
    });
    values.measures.push({ value: '  Cambiar la ruta al trabajo ' }, { value: '   ' });
    values.safeContacts.push({ name: '', phone: '', note: '' });
    expect(toSafetyPlanInput(values)).toEqual({
      risks: ['Él sabe dónde trabaja'],
      measures: ['Cambiar la ruta al trabajo'],
      safeContacts: [{ name: 'Rosa', phone: '+52 962 000 0000', note: '' }],
      safePlaces: [],
      codeWords: ['mango'],
    });
  });

  it('tells an empty plan', () => {
    expect(planIsEmpty(null)).toBe(true);
    expect(planIsEmpty(toSafetyPlanInput(planToValues(null)) as never)).toBe(true);
    expect(planIsEmpty({ risks: [], measures: ['x'], safeContacts: [], safePlaces: [], codeWords: [] })).toBe(
      false,
    );
  });
});
