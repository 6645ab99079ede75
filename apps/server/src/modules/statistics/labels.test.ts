import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '@senda/domain';
import { exportLabeller } from './labels.js';

describe('export labels', () => {
  it('name every kind of row in every language, from the interface catalogues and Intl', () => {
    for (const locale of UI_LOCALES) {
      const label = exportLabeller(locale);
      for (const [dimension, code] of [
        ['summary', 'universe'],
        ['section', 'violence'],
        ['violence_type', 'physical'],
        ['people_measure', 'new_cases'],
        ['vulnerability', 'pregnant'],
        ['age_band', 'age_18_29'],
        ['nationality', 'other'],
      ] as const) {
        expect(label(dimension, code), `${locale} ${dimension}.${code}`).not.toBe(code);
      }
    }
    const es = exportLabeller('es');
    expect(es('nationality', 'HT')).toBe('Haití');
    expect(es('state', '07')).toBe('Chiapas');
    expect(exportLabeller('en')('summary', 'universe')).toBe('Women counted');
  });
});
