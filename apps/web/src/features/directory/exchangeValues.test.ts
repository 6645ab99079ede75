import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/catalogues';
import type { MessageValues } from '../../i18n/useT';
import es from '../../i18n/es.json';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import ht from '../../i18n/ht.json';
import pt from '../../i18n/pt.json';
import {
  FILE_PROBLEMS,
  HSDS_WARNING_CODES,
  MAX_IMPORT_SERVICES,
  bytesToBase64,
  contentsOf,
  placeOf,
  placeText,
  planImport,
  progressValue,
  readImportBody,
  warningKey,
  warningPath,
  worthAnnouncing,
} from './exchangeValues';

const file = (name: string, content: string | Uint8Array = '') =>
  new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
const sized = (name: string, size: number) => ({ name, size });
const MB = 1024 * 1024;

/** The Spanish catalogue, with simple placeholders filled in. */
const t = (key: MessageKey, values: MessageValues = {}) =>
  es[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

describe('which body the chosen files make', () => {
  it('one .json file is service documents; one .zip is the tabular form', () => {
    expect(planImport([sized('directorio.JSON', 10)])).toMatchObject({ kind: 'contents' });
    expect(planImport([sized('senda-directorio-hsds.zip', 10)])).toMatchObject({ kind: 'zip' });
  });

  it('.csv files chosen together are tables; a datapackage.json among them is left out', () => {
    const plan = planImport([
      sized('services.csv', 1),
      sized('datapackage.json', 1),
      sized('locations.csv', 1),
    ]);
    expect(plan).toEqual({ kind: 'tables', files: [sized('services.csv', 1), sized('locations.csv', 1)] });
  });

  it('refuses nothing chosen, other types, mixtures, and several JSON or ZIP files', () => {
    expect(planImport([])).toBe('none');
    expect(planImport([sized('servicios.xlsx', 1)])).toBe('unknown_type');
    expect(planImport([sized('services.csv', 1), sized('otro.zip', 1)])).toBe('mixed');
    expect(planImport([sized('services.csv', 1), sized('page.json', 1)])).toBe('mixed');
    expect(planImport([sized('a.json', 1), sized('b.json', 1)])).toBe('several');
    expect(planImport([sized('a.json', 1), sized('b.zip', 1)])).toBe('several');
  });

  it('refuses files larger than the server takes (a ZIP grows by a third in base64)', () => {
    expect(planImport([sized('d.zip', 23 * MB)])).toBe('too_large');
    expect(planImport([sized('d.json', 23 * MB)])).toMatchObject({ kind: 'contents' });
    expect(planImport([sized('services.csv', 30 * MB), sized('locations.csv', 11 * MB)])).toBe('too_large');
  });
});

describe('the service documents of a JSON file', () => {
  it('takes an HSDS page, a list, or a single service', () => {
    expect(contentsOf({ total_items: 2, contents: [{ id: 'a' }, { id: 'b' }] })).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    expect(contentsOf([{ id: 'a' }])).toEqual([{ id: 'a' }]);
    expect(contentsOf({ id: 'a', name: 'Asesoría' })).toEqual([{ id: 'a', name: 'Asesoría' }]);
  });

  it('refuses no services at all, and more than the server takes', () => {
    expect(contentsOf([])).toBe('no_services');
    expect(contentsOf({ contents: [] })).toBe('no_services');
    expect(contentsOf({ contents: 'x' })).toBe('no_services');
    expect(contentsOf('texto')).toBe('no_services');
    expect(contentsOf(null)).toBe('no_services');
    expect(contentsOf(Array.from({ length: MAX_IMPORT_SERVICES + 1 }, () => ({})))).toBe('too_many');
  });
});

describe('reading the files', () => {
  it('parses a JSON file (without its byte-order mark) into contents', async () => {
    const body = await readImportBody({
      kind: 'contents',
      file: file('p.json', '\uFEFF{"contents":[{"id":"x"}]}'),
    });
    expect(body).toEqual({ contents: [{ id: 'x' }] });
    expect(await readImportBody({ kind: 'contents', file: file('p.json', '{"contents": [') })).toBe(
      'not_json',
    );
  });

  it('sends CSV tables by file name, and a ZIP in base64', async () => {
    const tables = await readImportBody({
      kind: 'tables',
      files: [file('services.csv', '\uFEFFid,name\n1,A\n'), file('locations.csv', 'id\n')],
    });
    expect(tables).toEqual({ tables: { 'services.csv': 'id,name\n1,A\n', 'locations.csv': 'id\n' } });
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    expect(await readImportBody({ kind: 'zip', file: file('d.zip', bytes) })).toEqual({
      zip: Buffer.from(bytes).toString('base64'),
    });
  });

  it('turns large files into base64 without overflowing the stack', () => {
    const bytes = new Uint8Array(MB + 7).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('where an error or a warning is', () => {
  it('names documents from 1, and CSV lines as the server counts them', () => {
    expect(placeOf('contents.3/status')).toEqual({ kind: 'document', n: 4, pointer: '/status' });
    expect(placeOf('contents.0')).toEqual({ kind: 'document', n: 1, pointer: '' });
    expect(placeOf('tables.services.csv:5/status')).toEqual({
      kind: 'row',
      file: 'services.csv',
      row: 5,
      pointer: '/status',
    });
    expect(placeOf('tables.notes.csv')).toEqual({ kind: 'file', file: 'notes.csv' });
    expect(placeOf('tables.zip')).toEqual({ kind: 'zip' });
    expect(placeOf('zip')).toEqual({ kind: 'other', path: 'zip' });
  });

  it('says it in words', () => {
    expect(placeText(t, 'contents.3/status')).toBe('Documento 4 · /status');
    expect(placeText(t, 'contents.2')).toBe('Documento 3');
    expect(placeText(t, 'tables.services.csv:5/status')).toBe('services.csv fila 5 · status');
    expect(placeText(t, 'tables.locations.csv:12')).toBe('locations.csv fila 12');
    expect(placeText(t, 'tables.notes.csv')).toBe('notes.csv');
    expect(placeText(t, 'tables.zip')).toBe('Archivo ZIP');
    expect(placeText(t, '')).toBe('Todo el archivo');
    expect(placeText(t, 'contents')).toBe('contents');
  });

  it('places a warning in its document, or in its line of services.csv', () => {
    const warning = {
      document: 0,
      code: 'not_kept' as const,
      path: '/service_at_locations/0',
      field: 'schedules',
    };
    expect(placeText(t, warningPath('contents', warning))).toBe('Documento 1 · /service_at_locations/0');
    expect(placeText(t, warningPath('zip', warning))).toBe('services.csv fila 2 · service_at_locations/0');
    expect(placeText(t, warningPath('tables', { ...warning, document: 3, path: '' }))).toBe(
      'services.csv fila 5',
    );
  });
});

describe('the progress', () => {
  const p = (phase: 'checking' | 'writing', done: number, total: number) => ({ phase, done, total });

  it('is one bar: checking fills its first half, writing the second', () => {
    expect(progressValue(p('checking', 0, 4000))).toEqual({ value: 0, max: 8000 });
    expect(progressValue(p('checking', 120, 4000))).toEqual({ value: 120, max: 8000 });
    expect(progressValue(p('writing', 4000, 4000))).toEqual({ value: 8000, max: 8000 });
  });

  it('is announced at each new phase and each tenth, not at every line', () => {
    expect(worthAnnouncing(null, p('checking', 0, 4000))).toBe(true);
    expect(worthAnnouncing(p('checking', 0, 4000), p('checking', 80, 4000))).toBe(false);
    expect(worthAnnouncing(p('checking', 80, 4000), p('checking', 400, 4000))).toBe(true);
    expect(worthAnnouncing(p('checking', 3960, 4000), p('writing', 0, 4000))).toBe(true);
    expect(worthAnnouncing(p('writing', 3960, 4000), p('writing', 4000, 4000))).toBe(true);
  });
});

describe('the exchange’s texts', () => {
  const catalogues: Record<string, Record<string, string>> = { es, en, fr, ht, pt };

  it('label every warning the server gives, and every problem with the files, in every language', () => {
    const keys = [
      ...HSDS_WARNING_CODES.map((c) => warningKey(c)),
      'directory.exchange.warning.other',
      ...FILE_PROBLEMS.map((p) => `directory.exchange.problem.${p}`),
    ];
    for (const [locale, catalogue] of Object.entries(catalogues))
      expect(
        keys.filter((k) => !(k in catalogue)),
        locale,
      ).toEqual([]);
    expect(warningKey('something_new')).toBe('directory.exchange.warning.other');
  });
});
