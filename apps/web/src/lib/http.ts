/**
 * The HTTP core of the web app's API client: same-origin JSON (or a form with
 * a file, as multipart/form-data), the CSRF token on writes, every failure an
 * `ApiError` with the stable code the UI translates, and answers checked
 * against the domain's schemas.
 */
import type { z } from 'zod';
import { errorBodySchema, type ErrorCode, type FieldError } from '@senda/domain';
import { readLines } from './ndjson';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(status: number, code: ErrorCode, fields: FieldError[] = [], message: string = code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

interface ApiHooks {
  /** The CSRF token of the current session, if any. */
  csrfToken: () => string | undefined;
  /** Called when the server says the session is gone (401 `unauthenticated`). */
  onUnauthenticated: () => void;
  /** Called after every successful answer: the server counted it as activity of the session. */
  onActivity: () => void;
}

let hooks: ApiHooks = {
  csrfToken: () => undefined,
  onUnauthenticated: () => undefined,
  onActivity: () => undefined,
};

export function configureApi(next: ApiHooks): void {
  hooks = next;
}

/** Where the API lives (same origin); also the start of plain links to it, such as file downloads. */
export const API_BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 400) return 'validation_failed';
  return 'internal';
}

/**
 * What is sent: nothing, a JSON `body`, or a `form` (multipart/form-data, e.g.
 * a file upload) passed to `fetch` as it is, so that the browser writes its
 * Content-Type with the boundary. Never both.
 */
type RequestBody = { body?: unknown; form?: undefined } | { body?: undefined; form: FormData };

type RequestOptions = RequestBody & {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  signal?: AbortSignal | undefined;
  /** A 401 is an expected answer here (e.g. "is anyone signed in?"): do not redirect. */
  expectUnauthenticated?: boolean;
  /** Signing out is no activity of the session (other tabs must not think it goes on). */
  endsSession?: boolean;
  /**
   * A request the app makes on its own (polling), not something she did: it
   * does not reset the idle clock, so an unattended screen still times out.
   */
  background?: boolean;
};

/** Send a request; a failure (no answer, or an error status) becomes an `ApiError`. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: accept };
  if (options.form === undefined && options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = hooks.csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  // Tells the server too, so that polling does not keep the session alive there either.
  if (options.background) headers['X-Senda-Background'] = '1';
  const url = API_BASE + path;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'internal', [], 'network_error');
  }

  if (response.ok && !options.endsSession && !options.background) hooks.onActivity();
  if (response.ok) return response;
  const error = errorOf(response.status, parseJson(await response.text()));
  if (error.status === 401 && error.code === 'unauthenticated' && !options.expectUnauthenticated)
    hooks.onUnauthenticated();
  throw error;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `ApiError` of an error body (`{ error: { code, message, fields } }`), or of the status alone. */
export function errorOf(status: number, json: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(json);
  return parsed.success
    ? new ApiError(status, parsed.data.error.code, parsed.data.error.fields ?? [], parsed.data.error.message)
    : new ApiError(status, fallbackCode(status));
}

export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined;
  return parseJson(await response.text());
}

/**
 * A request whose answer is a stream of JSON lines (`application/x-ndjson`,
 * e.g. an import's progress): each line is parsed and given to `onLine` as it
 * arrives. An error status is thrown as by `request`.
 */
export async function requestLines(
  path: string,
  options: RequestOptions,
  onLine: (value: unknown) => void,
): Promise<void> {
  const response = await send(path, options, 'application/x-ndjson');
  if (!response.body) throw new ApiError(response.status, 'internal', [], 'empty_stream');
  await readLines(response.body, onLine);
}

/**
 * Check an answer against the domain schema. A mismatch is logged for
 * developers (paths only, never values) and the data is used as sent, so a
 * small server drift does not take the page down.
 */
export function read<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  console.error(
    'Unexpected response shape',
    parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`),
  );
  return data as z.infer<S>;
}
