import { describe, expect, it } from 'vitest';
import { ALLOWED_DOCUMENT_TYPES } from '@senda/domain';
import { ACCEPTED_EXTENSIONS, formatFileSize, mediaTypeName } from './documentFiles';

/** Intl puts narrow or non-breaking spaces between a number and its unit in some locales. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('file sizes', () => {
  it('shows bytes, KB and MB (of 1024), with one decimal only below 10', () => {
    expect(formatFileSize(512, 'en-US')).toBe('512 bytes');
    expect(formatFileSize(1536, 'en-US')).toBe('1.5 kB');
    expect(formatFileSize(200 * 1024 + 300, 'en-US')).toBe('200 kB');
    expect(formatFileSize(1024 * 1024, 'en-US')).toBe('1 MB');
    expect(formatFileSize(Math.round(2.25 * 1024 * 1024), 'es-MX')).toBe('2.3 MB');
    expect(formatFileSize(20 * 1024 * 1024, 'es-MX')).toBe('20 MB');
  });

  it('follows the locale (decimal comma and unit names in French, also for Haitian Creole)', () => {
    expect(plain(formatFileSize(1536, 'fr-HT'))).toBe('1,5 ko');
    expect(plain(formatFileSize(300, 'fr-HT'))).toBe('300 octets');
    expect(plain(formatFileSize(3 * 1024 * 1024 + 200 * 1024, 'pt'))).toBe('3,2 MB');
  });
});

describe('media types by name', () => {
  it('names PDF and the office formats', () => {
    expect(mediaTypeName('application/pdf')).toEqual({ name: 'pdf', format: '' });
    expect(
      mediaTypeName('application/vnd.openxmlformats-officedocument.wordprocessingml.document').name,
    ).toBe('word');
    expect(mediaTypeName('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').name).toBe(
      'excel',
    );
    expect(mediaTypeName('application/vnd.oasis.opendocument.text').name).toBe('odt');
    expect(mediaTypeName('application/x-cfb').name).toBe('office97');
  });

  it('names an image with its format', () => {
    expect(mediaTypeName('image/jpeg')).toEqual({ name: 'image', format: 'JPG' });
    expect(mediaTypeName('image/png')).toEqual({ name: 'image', format: 'PNG' });
    expect(mediaTypeName('image/gif')).toEqual({ name: 'image', format: 'GIF' });
  });

  it('knows every allowed type, and shows anything else as it is', () => {
    for (const type of Object.keys(ALLOWED_DOCUMENT_TYPES))
      expect(mediaTypeName(type).name).not.toBe('other');
    expect(mediaTypeName('application/zip')).toEqual({ name: 'other', format: 'application/zip' });
  });
});

describe('the file input accepts', () => {
  it('every allowed type by its extension, with the usual other spellings', () => {
    const accepted = ACCEPTED_EXTENSIONS.split(',');
    for (const ext of Object.values(ALLOWED_DOCUMENT_TYPES)) expect(accepted).toContain(`.${ext}`);
    expect(accepted).toEqual(expect.arrayContaining(['.jpeg', '.tiff', '.xls']));
    expect(new Set(accepted).size).toBe(accepted.length);
  });
});
