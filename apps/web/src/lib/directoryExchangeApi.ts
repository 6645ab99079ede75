/**
 * The service directory in Open Referral HSDS 3.0 (decision 0009): the two
 * exports are plain download links (same origin: the session cookie goes
 * with them); an import is one POST whose answer streams its progress as
 * JSON lines and ends with the result or with every error of the file.
 * The import's answer is the domain's `hsdsImportAnswer`.
 */
import { z } from 'zod';
import { hsdsImportAnswer, type HsdsImportAnswer } from '@senda/domain';
import { API_BASE, ApiError, errorOf, requestLines } from './http';

/** An HSDS page of `service` documents (JSON). */
export const HSDS_EXPORT_JSON_URL = `${API_BASE}/directory/hsds/services`;
/** HSDS's tabular form: a ZIP of one CSV file per table and a data package. */
export const HSDS_EXPORT_ZIP_URL = `${API_BASE}/directory/hsds/tabular`;
/** The name the server gives the ZIP; the JSON gets this one. */
export const HSDS_EXPORT_JSON_NAME = 'senda-directorio-hsds.json';
export const HSDS_EXPORT_ZIP_NAME = 'senda-directorio-hsds.zip';

/** What an import sends: service documents, CSV texts by file name, or a ZIP in base64. */
export type HsdsImportBody = { contents: unknown[] } | { tables: Record<string, string> } | { zip: string };

const importAnswer = hsdsImportAnswer;
export type { HsdsImportAnswer };
export type HsdsImportWarning = HsdsImportAnswer['warnings'][number];

const progressLine = z.object({
  phase: z.enum(['checking', 'writing']),
  done: z.number(),
  total: z.number(),
});
export type HsdsImportProgress = z.infer<typeof progressLine>;
const resultLine = z.object({ result: importAnswer });

/**
 * Import HSDS documents (admins and coordinators). Everything is written or
 * nothing is: a refusal throws an `ApiError` (`validation_failed` with every
 * error by document and path), whether it came as the answer's status or as
 * the stream's last line.
 */
export async function importHsds(
  body: HsdsImportBody,
  onProgress: (progress: HsdsImportProgress) => void,
  signal?: AbortSignal,
): Promise<HsdsImportAnswer> {
  let answer: HsdsImportAnswer | undefined;
  let failure: ApiError | undefined;
  const onLine = (line: unknown) => {
    const progress = progressLine.safeParse(line);
    if (progress.success) return onProgress(progress.data);
    const result = resultLine.safeParse(line);
    if (result.success) answer = result.data.result;
    else if (typeof line === 'object' && line !== null && 'error' in line) {
      const error = errorOf(500, line);
      failure = error.code === 'validation_failed' ? errorOf(400, line) : error;
    }
  };
  try {
    await requestLines('/directory/hsds/import', { method: 'POST', body, signal }, onLine);
  } catch (cause) {
    if (cause instanceof ApiError || (cause instanceof DOMException && cause.name === 'AbortError'))
      throw cause;
    // The connection broke off while the answer streamed in.
    throw new ApiError(0, 'internal', [], 'network_error');
  }
  if (failure) throw failure;
  if (!answer) throw new ApiError(0, 'internal', [], 'stream_ended');
  return answer;
}
