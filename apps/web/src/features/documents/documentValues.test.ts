import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import { decodeFieldError } from '../../lib/fieldErrors';
import { EMPTY_DOCUMENT, documentResolver, fileProblem, type DocumentFormValues } from './documentValues';

const pdf = new File(['%PDF-1.4\n%%EOF\n'], 'constancia.pdf', { type: 'application/pdf' });
const empty = new File([], 'vacio.pdf', { type: 'application/pdf' });
/** What a file input holds (no FileList outside a browser: an array reads the same). */
const files = (...chosen: File[]) => chosen as unknown as FileList;
const options: ResolverOptions<DocumentFormValues> = { fields: {}, shouldUseNativeValidation: false };

async function check(values: DocumentFormValues) {
  const result = await documentResolver(values, undefined, options);
  const codes = Object.fromEntries(
    Object.entries(result.errors).map(([path, error]) => [
      path,
      decodeFieldError((error as { message?: string }).message).code,
    ]),
  );
  return { values: result.values, codes };
}

describe('the file chosen', () => {
  it('must be there and not empty', () => {
    expect(fileProblem(null)).toBe('file_required');
    expect(fileProblem([])).toBe('file_required');
    expect(fileProblem([empty])).toBe('file_empty');
    expect(fileProblem([pdf])).toBeNull();
  });
});

describe('the upload form as a whole', () => {
  it('reports every problem at once, with the codes the server uses', async () => {
    const { values, codes } = await check(EMPTY_DOCUMENT);
    expect(values).toEqual({});
    expect(Object.keys(codes).sort()).toEqual(['file', 'kind']);
    expect(codes.file).toBe('file_required');
  });

  it('refuses a date in the future or not a date, and an empty file', async () => {
    const { codes } = await check({
      ...EMPTY_DOCUMENT,
      kind: 'identity',
      documentDate: '2999-01-01',
      file: files(empty),
    });
    expect(codes).toEqual({ documentDate: 'future_date', file: 'file_empty' });
    expect(
      (await check({ ...EMPTY_DOCUMENT, kind: 'identity', documentDate: '2024-13-40', file: files(pdf) }))
        .codes,
    ).toHaveProperty('documentDate');
  });

  it('gives the upload when all is well, without a date when none was given', async () => {
    const { values, codes } = await check({
      kind: 'constancia',
      documentDate: '',
      description: 'Constancia vigente',
      file: files(pdf),
    });
    expect(codes).toEqual({});
    expect(values).toEqual({
      kind: 'constancia',
      documentDate: '',
      description: 'Constancia vigente',
      file: pdf,
    });
  });
});
