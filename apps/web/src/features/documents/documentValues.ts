/**
 * The upload form's values and their check before sending: the metadata with
 * the domain's `documentMetadataInput` (as the server checks it), and the file
 * only for being there and not empty. Its type and size are the server's to
 * judge (it reads the content, and the size limit is its setting): those
 * answers come back as field errors on `file`.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { documentMetadataInput, type DocumentKind } from '@senda/domain';
import type { DocumentUpload } from '../../lib/documentUpload';
import { encodeFieldError, zodErrorMap } from '../../lib/fieldErrors';

export interface DocumentFormValues {
  /** '' until chosen. */
  kind: DocumentKind | '';
  /** YYYY-MM-DD from the date input, or ''. */
  documentDate: string;
  description: string;
  /** What the file input holds. */
  file: FileList | null;
}

export const EMPTY_DOCUMENT: DocumentFormValues = { kind: '', documentDate: '', description: '', file: null };

/** The form's fields that the API's field errors may name. */
export const DOCUMENT_FIELDS = new Set(Object.keys(EMPTY_DOCUMENT));

/** What is wrong with the chosen file before sending it, if anything. */
export function fileProblem(
  files: ArrayLike<File> | null | undefined,
): 'file_required' | 'file_empty' | null {
  const file = files?.[0];
  if (!file) return 'file_required';
  return file.size === 0 ? 'file_empty' : null;
}

/** The metadata as the server reads it from the form: an empty date is not sent. */
function metadataOf(values: DocumentFormValues) {
  const date = values.documentDate.trim();
  return { kind: values.kind, description: values.description, ...(date ? { documentDate: date } : {}) };
}

const validateMetadata = zodResolver(documentMetadataInput, zodErrorMap);

/**
 * Check the form as a whole: every problem at once (the metadata's and the
 * file's), each as the code the server would answer; the upload when all is well.
 */
export const documentResolver: Resolver<DocumentFormValues, unknown, DocumentUpload> = async (
  values,
  context,
  options,
) => {
  const checked = await validateMetadata(metadataOf(values) as never, context, options as never);
  const errors = { ...checked.errors } as FieldErrors<DocumentFormValues>;
  const problem = fileProblem(values.file);
  if (problem) errors.file = { type: 'validate', message: encodeFieldError({ code: problem }) };
  const file = values.file?.[0];
  if (Object.keys(errors).length > 0 || !file || values.kind === '')
    return { values: {} as Record<string, never>, errors };
  return {
    values: {
      kind: values.kind,
      documentDate: values.documentDate.trim(),
      description: values.description,
      file,
    },
    errors: {},
  };
};
