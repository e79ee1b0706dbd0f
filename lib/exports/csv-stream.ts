import { stringify } from "csv-stringify/sync";
import { neutraliseRow } from "./neutralise-cell";

/**
 * A CSV file as a stream, read from the database a batch at a time: only one batch is ever in memory,
 * however many rows there are, and the next batch is only read when the reader wants more (pull). UTF-8
 * with a byte-order mark, so that Excel reads accents correctly; CRLF line ends (RFC 4180); every cell
 * neutralised against formula injection.
 */
export type Cell = string | number | boolean | null | undefined;
export type Batch<Cursor> = { rows: Cell[][]; next: Cursor | null };

export const BOM = "\uFEFF";

export function csvStream<Cursor>(
  header: readonly string[],
  readBatch: (after: Cursor | null) => Promise<Batch<Cursor>>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const toCsv = (rows: readonly (readonly Cell[])[]) =>
    stringify(rows.map(neutraliseRow), { record_delimiter: "windows", quoted_match: /[\r\n]/ });
  let cursor: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(BOM + toCsv([header])));
          return;
        }
        const batch = await readBatch(cursor);
        if (batch.rows.length > 0) controller.enqueue(encoder.encode(toCsv(batch.rows)));
        if (batch.next === null) controller.close();
        else cursor = batch.next;
      },
    },
    // One batch at a time: the stream asks for more only when the reader has taken what it had.
    { highWaterMark: 1 },
  );
}

/** "consent-register-2026-11-26.csv" */
export function exportFilename(name: string, isoDay: string): string {
  return `${name}-${isoDay}.csv`;
}

/** The response headers of a CSV download: never cached (personal data), saved under its file name. */
export function csvDownloadHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
