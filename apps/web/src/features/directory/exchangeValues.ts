/**
 * The HSDS 3.0 exchange's rules, as plain functions: which body the chosen
 * files make (one JSON file, one ZIP, or several CSV tables), reading them,
 * how an error's or a warning's path is named for a person ("services.csv
 * fila 5 · status", "Documento 4 · /status"), and when the progress is
 * worth announcing. Texts come from a translation function passed in.
 */
import { HSDS_IMPORT_WARNINGS, type HsdsImportWarningCode } from '@senda/domain';
import type { HsdsImportBody, HsdsImportProgress, HsdsImportWarning } from '../../lib/directoryExchangeApi';
import type { MessageKey } from '../../i18n/catalogues';
import type { MessageValues } from '../../i18n/useT';

/** At most this many services per import (as the server). */
export const MAX_IMPORT_SERVICES = 5000;
const MB = 1024 * 1024;
/** The server takes a ZIP of up to 30 MB once in base64 (a third more), and bodies up to 45 MB. */
const MAX_ZIP_BYTES = 22 * MB;
const MAX_TEXT_BYTES = 40 * MB;

/** What the server may warn about an imported document. */
export const HSDS_WARNING_CODES = HSDS_IMPORT_WARNINGS;
type WarningCode = HsdsImportWarningCode;

/** Why the chosen files cannot be sent as they are. */
export const FILE_PROBLEMS = [
  'none',
  'unknown_type',
  'mixed',
  'several',
  'too_large',
  'unreadable',
  'not_json',
  'no_services',
  'too_many',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** The kind of import, which names its documents: "Documento 4" or "services.csv fila 5". */
export type ImportKind = 'contents' | 'tables' | 'zip';
export type ImportPlan<F> =
  { kind: 'contents'; file: F } | { kind: 'zip'; file: F } | { kind: 'tables'; files: F[] };

interface Named {
  name: string;
  size: number;
}

function typeOf(name: string): 'json' | 'zip' | 'csv' | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'json' || ext === 'zip' || ext === 'csv' ? ext : null;
}

/**
 * The body the chosen files make: one .json file (an HSDS page, a list of
 * services or one service), one .zip (the tabular form), or .csv tables
 * chosen together (a datapackage.json among them is left out).
 */
export function planImport<F extends Named>(files: readonly F[]): ImportPlan<F> | FileProblem {
  if (files.length === 0) return 'none';
  const typed = files.map((file) => ({ file, type: typeOf(file.name) }));
  if (typed.some((f) => f.type === null)) return 'unknown_type';
  const csv = typed.filter((f) => f.type === 'csv').map((f) => f.file);
  let plan: ImportPlan<F>;
  if (csv.length > 0) {
    const others = typed.filter((f) => f.type !== 'csv');
    if (others.some((f) => f.file.name.toLowerCase() !== 'datapackage.json')) return 'mixed';
    plan = { kind: 'tables', files: csv };
  } else {
    const [only] = typed;
    if (typed.length > 1 || !only) return 'several';
    plan = only.type === 'zip' ? { kind: 'zip', file: only.file } : { kind: 'contents', file: only.file };
  }
  const chosen = plan.kind === 'tables' ? plan.files : [plan.file];
  const bytes = chosen.reduce((sum, f) => sum + f.size, 0);
  return bytes > (plan.kind === 'zip' ? MAX_ZIP_BYTES : MAX_TEXT_BYTES) ? 'too_large' : plan;
}

/** The service documents of a JSON file: an HSDS page (`contents`), a list of them, or one. */
export function contentsOf(json: unknown): unknown[] | FileProblem {
  let contents: unknown;
  if (Array.isArray(json)) contents = json;
  else if (typeof json === 'object' && json !== null) contents = 'contents' in json ? json.contents : [json];
  if (!Array.isArray(contents) || contents.length === 0) return 'no_services';
  return contents.length > MAX_IMPORT_SERVICES ? 'too_many' : contents;
}

/** Bytes in base64, a slice at a time (one call with millions of arguments overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK)
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  return btoa(parts.join(''));
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

/** Read the planned files into the body to send. */
export async function readImportBody<F extends Blob & Named>(
  plan: ImportPlan<F>,
): Promise<HsdsImportBody | FileProblem> {
  try {
    if (plan.kind === 'zip') return { zip: bytesToBase64(new Uint8Array(await plan.file.arrayBuffer())) };
    if (plan.kind === 'tables') {
      const texts = await Promise.all(plan.files.map(async (f) => [f.name, await f.text()] as const));
      return { tables: Object.fromEntries(texts.map(([name, text]) => [name, withoutBom(text)])) };
    }
    const text = withoutBom(await plan.file.text());
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return 'not_json';
    }
    const contents = contentsOf(json);
    return typeof contents === 'string' ? contents : { contents };
  } catch {
    return 'unreadable';
  }
}

/** Where an error or a warning is, as the server names it. */
export type Place =
  | { kind: 'document'; n: number; pointer: string }
  | { kind: 'row'; file: string; row: number; pointer: string }
  | { kind: 'file'; file: string }
  | { kind: 'zip' }
  | { kind: 'other'; path: string };

/**
 * `contents.3/status` (the 4th document), `tables.services.csv:5/status`
 * (line 5 of services.csv), `tables.notes.csv` (a file), `tables.zip`.
 */
export function placeOf(path: string): Place {
  const doc = /^contents\.(\d+)(\/.*)?$/.exec(path);
  if (doc) return { kind: 'document', n: Number(doc[1]) + 1, pointer: doc[2] ?? '' };
  const row = /^tables\.(.+?\.csv):(\d+)(\/.*)?$/i.exec(path);
  if (row?.[1]) return { kind: 'row', file: row[1], row: Number(row[2]), pointer: row[3] ?? '' };
  if (path === 'tables.zip') return { kind: 'zip' };
  const file = /^tables\.(.+)$/.exec(path)?.[1];
  if (file) return { kind: 'file', file };
  return { kind: 'other', path };
}

type Text = (key: MessageKey, values?: MessageValues) => string;

/** A place in words: "Documento 4 · /status", "services.csv fila 5 · status", "notes.csv". */
export function placeText(t: Text, path: string): string {
  const place = placeOf(path);
  switch (place.kind) {
    case 'document':
      return [t('directory.exchange.place.document', { n: place.n }), place.pointer]
        .filter(Boolean)
        .join(' · ');
    case 'row':
      return [t('directory.exchange.place.row', { file: place.file, row: place.row }), place.pointer.slice(1)]
        .filter(Boolean)
        .join(' · ');
    case 'file':
      return place.file;
    case 'zip':
      return t('directory.exchange.place.zip');
    case 'other':
      return place.path || t('directory.exchange.place.whole');
  }
}

/** A warning's path as the server names the document: by its index, or by its line in services.csv. */
export function warningPath(kind: ImportKind, warning: HsdsImportWarning): string {
  return kind === 'contents'
    ? `contents.${warning.document}${warning.path}`
    : `tables.services.csv:${warning.document + 2}${warning.path}`;
}

export function warningKey(code: string): MessageKey {
  return (HSDS_WARNING_CODES as readonly string[]).includes(code)
    ? `directory.exchange.warning.${code as WarningCode}`
    : 'directory.exchange.warning.other';
}

/** In tenths of the way: a screen reader hears each tenth and each phase, not every line. */
const tenth = (p: HsdsImportProgress) => (p.total > 0 ? Math.floor((p.done * 10) / p.total) : 0);

/** Whether a new progress line is worth saying (a new phase, another tenth done). */
export function worthAnnouncing(previous: HsdsImportProgress | null, next: HsdsImportProgress): boolean {
  return previous === null || previous.phase !== next.phase || tenth(previous) !== tenth(next);
}

/** The whole import as one bar: checking is its first half, writing its second. */
export function progressValue(p: HsdsImportProgress): { value: number; max: number } {
  const total = Math.max(1, p.total);
  const done = Math.min(Math.max(0, p.done), total);
  return { value: p.phase === 'checking' ? done : total + done, max: total * 2 };
}
