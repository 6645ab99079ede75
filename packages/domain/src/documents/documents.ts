/**
 * Documents on a case: her identity papers, COMAR's constancia and
 * resolutions, medical reports, evidence, signed consent forms. The server
 * decides the type from the file's first bytes (never from its name or the
 * browser's word), keeps only the types below, seals the content at rest and
 * serves it as an attachment. Medical reports and evidence are read only by
 * the roles that need them. Custom field-error codes: `file_required`,
 * `file_type_not_allowed`, `file_too_large` (params: max, in MB), `file_empty`.
 */
import { z } from 'zod';
import { isoDate, notInFuture, shortText } from '../common.js';
import type { Role } from '../roles.js';

export const DOCUMENT_KINDS = [
  'identity',
  'constancia',
  'comar_resolution',
  'medical',
  'evidence',
  'consent_form',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The media types kept, by what their first bytes say (file-type's `mime`), with the extension served. */
export const ALLOWED_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  /** Word 97–2003 and Excel 97–2003 files (Compound File Binary). */
  'application/x-cfb': 'doc',
};

/** Who reads documents of a kind; a kind not listed: everyone who may see the case. */
const RESTRICTED_KINDS: Partial<Record<DocumentKind, readonly Role[]>> = {
  medical: ['coordinator', 'lawyer', 'psychologist'],
  evidence: ['coordinator', 'lawyer', 'psychologist'],
};
export function documentKindsFor(role: Role): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => RESTRICTED_KINDS[kind]?.includes(role) ?? true);
}

/** The form fields sent with the file (multipart/form-data). */
export const documentMetadataInput = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  /** The document's own date (issued, signed), when known. */
  documentDate: isoDate
    .refine(notInFuture, { params: { code: 'future_date' } })
    .nullable()
    .default(null),
  description: shortText(500).default(''),
});
export type DocumentMetadataInput = z.input<typeof documentMetadataInput>;

export const documentView = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  documentDate: z.string().nullable(),
  description: z.string(),
  /** The name it was uploaded with (may contain a name: shown, never put in a URL). */
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  /** Removable by this person (the uploader, coordination, admins). */
  canDelete: z.boolean(),
});
export type DocumentView = z.infer<typeof documentView>;
