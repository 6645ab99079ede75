/**
 * How a stored file is shown: its type as a person names it ("PDF", "Imagen
 * PNG", "Word") rather than a media type, and its size in KB or MB. Also the
 * file input's `accept` list, from the domain's allowed types. The server
 * decides the type from the file's content; `accept` only helps her choose.
 */
import { ALLOWED_DOCUMENT_TYPES } from '@senda/domain';

/** Friendly names of the allowed types (catalogue keys `documents.type.<name>`). */
export type MediaTypeName =
  'pdf' | 'image' | 'word' | 'excel' | 'powerpoint' | 'odt' | 'ods' | 'office97' | 'other';

const NAMES: Readonly<Record<string, MediaTypeName>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'powerpoint',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/x-cfb': 'office97',
};

/** Image formats as they are usually written. */
const IMAGE_FORMATS: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/tiff': 'TIFF',
};

/**
 * The friendly name of a media type, with the image format (`format`) for an
 * image, or the media type itself for anything this list does not know.
 */
export function mediaTypeName(mediaType: string): { name: MediaTypeName; format: string } {
  const type = mediaType.toLowerCase();
  const named = NAMES[type];
  if (named) return { name: named, format: '' };
  if (type.startsWith('image/'))
    return { name: 'image', format: IMAGE_FORMATS[type] ?? type.slice('image/'.length).toUpperCase() };
  return { name: 'other', format: mediaType };
}

const KB = 1024;
const MB = 1024 * 1024;

/**
 * A size in bytes, KB or MB (of 1024, as the server counts its upload limit),
 * in the locale's own way: one decimal below 10, none above.
 */
export function formatFileSize(bytes: number, tag: string): string {
  const [unit, value] =
    bytes < KB
      ? (['byte', bytes] as const)
      : bytes < MB
        ? (['kilobyte', bytes / KB] as const)
        : (['megabyte', bytes / MB] as const);
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit,
    // "512 bytes" in words (the short form is odd in some languages: "512 byte"); "1.5 kB" short.
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit !== 'byte' && value < 10 ? 1 : 0,
  }).format(value);
}

/** Other spellings of the same extensions that people's files carry. */
const MORE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  jpg: ['jpeg'],
  tif: ['tiff'],
  // Compound File Binary: Word and Excel 97–2003.
  doc: ['xls'],
};

/** The file input's `accept`: every extension of the allowed types. */
export const ACCEPTED_EXTENSIONS: string = [
  ...new Set(Object.values(ALLOWED_DOCUMENT_TYPES).flatMap((ext) => [ext, ...(MORE_EXTENSIONS[ext] ?? [])])),
]
  .map((ext) => `.${ext}`)
  .join(',');
