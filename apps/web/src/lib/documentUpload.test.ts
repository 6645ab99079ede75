import { describe, expect, it } from 'vitest';
import { documentFormData } from './documentUpload';

const pdf = () => new File(['%PDF-1.4\n%%EOF\n'], 'constancia COMAR.pdf', { type: 'application/pdf' });

describe('a document upload as multipart/form-data', () => {
  it('sends the metadata fields and the file under `file`, with its name', async () => {
    const file = pdf();
    const form = documentFormData({
      kind: 'constancia',
      documentDate: '2026-02-10',
      description: 'Constancia de trámite vigente',
      file,
    });
    expect([...form.keys()]).toEqual(['kind', 'documentDate', 'description', 'file']);
    expect(form.get('kind')).toBe('constancia');
    expect(form.get('documentDate')).toBe('2026-02-10');
    expect(form.get('description')).toBe('Constancia de trámite vigente');
    const sent = form.get('file');
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe('constancia COMAR.pdf');
    expect(await (sent as File).text()).toBe(await file.text());
  });

  it('leaves out an unknown document date, and sends an empty description as it is', () => {
    const form = documentFormData({ kind: 'other', documentDate: '  ', description: '', file: pdf() });
    expect(form.has('documentDate')).toBe(false);
    expect(form.get('description')).toBe('');
    expect(form.getAll('file')).toHaveLength(1);
  });
});
