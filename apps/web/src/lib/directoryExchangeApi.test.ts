import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './http';
import { importHsds, type HsdsImportProgress } from './directoryExchangeApi';

const answer = {
  imported: { organizations: 1, services: 2, locations: 1 },
  warnings: [{ document: 1, code: 'not_kept', path: '', field: 'schedules' }],
};

/** The server's answer: a stream of the given pieces, or a plain JSON body with a status. */
function stubFetch(response: () => Response) {
  const fetchMock = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(response()));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const lines = (chunks: string[], status = 200) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
    { status, headers: { 'content-type': 'application/x-ndjson' } },
  );

afterEach(() => vi.unstubAllGlobals());

describe('an HSDS import with its progress', () => {
  it('asks for the progress stream, reports each step and gives the result', async () => {
    const fetchMock = stubFetch(() =>
      lines([
        '{"phase":"checking","done":0,"total":2}\n{"phase":"wri',
        'ting","done":2,"total":2}\n',
        `${JSON.stringify({ result: answer })}\n`,
      ]),
    );
    const progress: HsdsImportProgress[] = [];
    await expect(importHsds({ contents: [{}] }, (p) => progress.push(p))).resolves.toEqual(answer);
    expect(progress).toEqual([
      { phase: 'checking', done: 0, total: 2 },
      { phase: 'writing', done: 2, total: 2 },
    ]);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/directory/hsds/import');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({
      Accept: 'application/x-ndjson',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(init?.body as string)).toEqual({ contents: [{}] });
  });

  it('throws the refusal of the last line with every field error', async () => {
    const fields = [
      { path: 'contents.3/status', code: 'hsds_invalid', params: { rule: 'enum', detail: 'active' } },
      { path: 'contents.4', code: 'not_yours' },
    ];
    stubFetch(() =>
      lines([
        '{"phase":"checking","done":0,"total":5}\n',
        `${JSON.stringify({ error: { code: 'validation_failed', message: 'x', fields } })}\n`,
      ]),
    );
    const error = await importHsds({ contents: [{}] }, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', fields });
  });

  it('throws a refusal answered before the stream (a plain error body)', async () => {
    stubFetch(
      () =>
        new Response(JSON.stringify({ error: { code: 'forbidden', message: 'no' } }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
    );
    await expect(importHsds({ zip: 'UEs=' }, () => undefined)).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });

  it('says so when the stream stops without a result', async () => {
    stubFetch(() => lines(['{"phase":"writing","done":1,"total":3}\n']));
    await expect(importHsds({ tables: { 'services.csv': 'id\n' } }, () => undefined)).rejects.toMatchObject({
      code: 'internal',
    });
  });
});
