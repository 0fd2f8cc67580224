/**
 * Writes records as RFC 4180 CSV into a web ReadableStream, one batch at a time and only as fast
 * as the client reads: the stream pulls the next batch when the previous one has been taken.
 */
import { type Options, stringify } from "csv-stringify/sync";

/**
 * Comma, CRLF after every record, double quotes doubled. csv-stringify quotes fields holding a
 * comma, a quote or the full record delimiter; a lone CR or LF is forced into quotes too (RFC 4180
 * requires it, and spreadsheets would otherwise start a new row), as is a neutralized formula, so
 * the apostrophe is visibly part of a quoted text.
 */
export const CSV_WRITE_OPTIONS: Options = {
  delimiter: ",",
  record_delimiter: "\r\n",
  quote: '"',
  escape: '"',
  quoted_match: /^'|[\r\n]/,
  header: false,
};

export const BYTE_ORDER_MARK = "\uFEFF";

export function stringifyRecords(records: string[][]): string {
  return stringify(records, CSV_WRITE_OPTIONS);
}

/**
 * The header goes out at once, before the first query returns, so a download starts immediately.
 * A failure after that point cannot become an error status any more: the stream is aborted, and
 * the client sees a broken download rather than a silently truncated file.
 */
export function csvReadableStream(
  header: readonly string[],
  chunks: AsyncIterable<string>,
  options: { bom: boolean },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        const bom = options.bom ? BYTE_ORDER_MARK : "";
        controller.enqueue(encoder.encode(bom + stringifyRecords([[...header]])));
        return;
      }
      // Keep reading until something is enqueued: a pull that enqueues nothing is not repeated.
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length > 0) {
          controller.enqueue(encoder.encode(next.value));
          return;
        }
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * How many records csv-stringify gets per call. Not a whole batch: records kept alive for a batch
 * of 500 rows look long-lived to V8, which then allocates every later record directly in the old
 * generation ("allocation-site pretenuring"); that generation fills with garbage until a full
 * collection, and an export grew the server's memory by 175 MB. Fifty at a time die young.
 */
export const STRINGIFY_GROUP = 50;

/** CSV text for a batch of records, handed to csv-stringify STRINGIFY_GROUP records at a time. */
export function createCsvWriter(): {
  write: (record: string[]) => void;
  take: () => string;
} {
  let records: string[][] = [];
  let text = "";
  return {
    write(record) {
      records.push(record);
      if (records.length === STRINGIFY_GROUP) {
        text += stringifyRecords(records);
        records = [];
      }
    },
    take() {
      const out = records.length > 0 ? text + stringifyRecords(records) : text;
      records = [];
      text = "";
      return out;
    },
  };
}
