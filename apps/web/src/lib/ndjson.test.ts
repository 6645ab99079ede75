import { describe, expect, it } from 'vitest';
import { lineSplitter, readLines } from './ndjson';

/** A response body that arrives in the given pieces. */
function streamOf(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

describe('JSON lines arriving in chunks', () => {
  it('gives each complete line once, keeping a line cut by a chunk for the next one', () => {
    const splitter = lineSplitter();
    expect(splitter.push('{"phase":"checking","do')).toEqual([]);
    expect(splitter.push('ne":0,"total":2}\n{"phase":"writing","done":1,"total":2}\n{"res')).toEqual([
      { phase: 'checking', done: 0, total: 2 },
      { phase: 'writing', done: 1, total: 2 },
    ]);
    expect(splitter.push('ult":{}}\n')).toEqual([{ result: {} }]);
    expect(splitter.end()).toEqual([]);
  });

  it('skips blank lines and carriage returns, and keeps a last line without its newline', () => {
    const splitter = lineSplitter();
    expect(splitter.push('\n{"a":1}\r\n\r\n')).toEqual([{ a: 1 }]);
    expect(splitter.push('{"b":2}')).toEqual([]);
    expect(splitter.end()).toEqual([{ b: 2 }]);
    expect(splitter.end()).toEqual([]);
  });

  it('refuses a line that is not JSON', () => {
    expect(() => lineSplitter().push('no es json\n')).toThrow(SyntaxError);
  });

  it('reads a whole body, even with a character split between two chunks', async () => {
    const bytes = new TextEncoder().encode('{"detail":"línea"}\n{"n":2}');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "í"
    const lines: unknown[] = [];
    await readLines(streamOf([bytes.slice(0, cut), bytes.slice(cut)]), (line) => lines.push(line));
    expect(lines).toEqual([{ detail: 'línea' }, { n: 2 }]);
  });
});
