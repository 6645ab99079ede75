/**
 * A document upload as the server reads it: multipart/form-data with the
 * metadata fields (`kind`, `documentDate` when known, `description`) and one
 * file field named `file`. Nothing else is sent: the server refuses unknown
 * fields.
 */
import type { DocumentKind } from '@senda/domain';

export interface DocumentUpload {
  kind: DocumentKind;
  /** YYYY-MM-DD, or '' when the document's own date is not known (then not sent). */
  documentDate: string;
  description: string;
  file: File;
}

export function documentFormData(upload: DocumentUpload): FormData {
  const form = new FormData();
  form.append('kind', upload.kind);
  const date = upload.documentDate.trim();
  if (date) form.append('documentDate', date);
  form.append('description', upload.description);
  // The file last: the fields are read before the (possibly large) file.
  form.append('file', upload.file, upload.file.name);
  return form;
}
