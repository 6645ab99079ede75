import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { STAT_DIMENSIONS, STAT_SECTIONS, STAT_TABLE_IDS } from '@senda/domain';
import es from '../../i18n/es.json';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import ht from '../../i18n/ht.json';
import pt from '../../i18n/pt.json';
import { makeFormatters } from '../../lib/format';
import type { MessageKey } from '../../i18n/catalogues';
import { statisticsFixture } from './fixture';
import { codeLabelOf, codeText, dimensionKey, knownCodes, sectionTitleKey, tableTitleKey } from './labels';

const catalogues: Record<string, Record<string, string>> = { es, en, fr, ht, pt };
const missingIn = (key: string) =>
  Object.entries(catalogues)
    .filter(([, catalogue]) => !(key in catalogue))
    .map(([locale]) => locale);

const intl = createIntl({ locale: 'es-MX', messages: es });
const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
const f = makeFormatters('es');

describe('statistics labels', () => {
  it('name every table, section and dimension in every language', () => {
    const keys = [
      ...STAT_TABLE_IDS.map(tableTitleKey),
      ...STAT_SECTIONS.map(sectionTitleKey),
      ...STAT_DIMENSIONS.map(dimensionKey),
    ];
    expect(keys.filter((key) => missingIn(key).length > 0)).toEqual([]);
  });

  for (const dimension of STAT_DIMENSIONS) {
    it(`name every known code of ${dimension} in every language`, () => {
      const problems: string[] = [];
      for (const code of knownCodes(dimension)) {
        const label = codeLabelOf(dimension, code);
        if ('raw' in label) problems.push(`${code}: no label`);
        else if ('key' in label && missingIn(label.key).length > 0)
          problems.push(`${code}: ${label.key} missing in ${missingIn(label.key).join(',')}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('name every row and column of the fixture with words, never a code', () => {
    for (const table of statisticsFixture.tables) {
      for (const row of table.rows) expect(codeLabelOf(table.rowDimension, row)).not.toHaveProperty('raw');
      if (table.colDimension) {
        for (const col of table.cols) expect(codeLabelOf(table.colDimension, col)).not.toHaveProperty('raw');
      }
    }
  });

  it('reuse the names of the rest of the interface', () => {
    expect(codeText(t, f, 'nationality', 'HN')).toBe('Honduras');
    expect(codeText(t, f, 'state', '07')).toBe('Chiapas');
    expect(codeText(t, f, 'language', 'ht')).toBe(f.language('ht'));
    expect(codeText(t, f, 'outcome', 'refugee_status')).toBe(es['enum.outcome.refugee_status']);
    expect(codeText(t, f, 'violence_phase', 'origin')).toBe(es['enum.incidentPhase.origin']);
    expect(codeText(t, f, 'violence_phase', 'any')).toBe('En cualquier etapa');
    expect(codeText(t, f, 'age_band', 'age_60_plus')).toBe(es['enum.statAgeBand.age_60_plus']);
    expect(codeText(t, f, 'vulnerability', 'pregnant')).toBe(es['case.field.pregnant']);
  });

  it('name the gathering rows, and show an unknown code as it is', () => {
    expect(codeText(t, f, 'nationality', 'other')).toBe(es['statistics.code.other']);
    expect(codeText(t, f, 'state', 'unknown')).toBe(es['statistics.code.unknown']);
    // A code of the dimension's own list wins over the general words.
    expect(codeText(t, f, 'perpetrator', 'unknown')).toBe(es['enum.perpetrator.unknown']);
    expect(codeText(t, f, 'workshop_topic', 'other')).toBe(es['enum.workshopTopic.other']);
    expect(codeText(t, f, 'need_domain', 'new_domain')).toBe('new_domain');
  });
});
