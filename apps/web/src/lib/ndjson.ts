/**
 * Newline-delimited JSON (NDJSON) as it arrives in chunks: a chunk may end in
 * the middle of a line (or of a character: decode with `stream: true`), so the
 * unfinished part waits for the next chunk. Blank lines are skipped; a line
 * that is not JSON is an error (the server writes whole lines only).
 */
export interface LineSplitter {
  /** The complete lines the chunk finishes, parsed. */
  push: (chunk: string) => unknown[];
  /** What is left once the stream has ended (a last line without its newline). */
  end: () => unknown[];
}

export function lineSplitter(): LineSplitter {
  let rest = '';
  const parse = (lines: string[]) =>
    lines
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown);
  return {
    push(chunk) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      return parse(lines);
    },
    end() {
      const last = rest;
      rest = '';
      return parse([last]);
    },
  };
}

/** Read a response body to its end, one parsed line at a time. */
export async function readLines(
  body: ReadableStream<Uint8Array>,
  onLine: (value: unknown) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = lineSplitter();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const line of splitter.push(decoder.decode(value, { stream: true }))) onLine(line);
  }
  for (const line of splitter.push(decoder.decode())) onLine(line);
  for (const line of splitter.end()) onLine(line);
}
