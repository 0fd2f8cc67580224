/**
 * An export from ordered batches of stored rows to a CSV byte stream: the shape's formatter,
 * then csv-stringify, one chunk of the stream per batch.
 */
import type { Locale } from "@/lib/domain/locale";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricDTO } from "@/lib/domain/types";
import { localizedHeader } from "./csv-headers";
import { createCsvWriter, csvReadableStream } from "./csv-stream";
import {
  acrossHeader,
  createAcrossFormatter,
  createLongFormatter,
  createWideFormatter,
  type ExportObservation,
  longHeader,
  type WideObservation,
  wideHeader,
} from "./export-format";

export function longCsvStream(
  batches: AsyncIterable<readonly ExportObservation[]>,
  options: {
    metrics: readonly MetricDTO[];
    from: QuarterCode | null;
    history: boolean;
    bom: boolean;
    /** The header's language (csv-headers.ts); English unless the URL asks for Chinese. */
    lang?: Locale;
  },
): ReadableStream<Uint8Array> {
  const format = createLongFormatter({
    metrics: new Map(options.metrics.map((metric) => [metric.key, metric])),
    from: options.from,
    history: options.history,
  });
  async function* text() {
    const csv = createCsvWriter();
    for await (const batch of batches) {
      for (const row of batch) {
        const record = format(row);
        if (record) csv.write(record);
      }
      yield csv.take();
    }
  }
  return csvReadableStream(
    localizedHeader(longHeader(options.history), options.lang ?? "en"),
    text(),
    {
      bom: options.bom,
    },
  );
}

export function wideCsvStream(
  batches: AsyncIterable<readonly WideObservation[]>,
  options: { metrics: readonly MetricDTO[]; bom: boolean; lang?: Locale },
): ReadableStream<Uint8Array> {
  const format = createWideFormatter(options.metrics);
  async function* text() {
    const csv = createCsvWriter();
    for await (const batch of batches) {
      for (const row of batch) {
        for (const record of format.push(row)) csv.write(record);
      }
      yield csv.take();
    }
    for (const record of format.flush()) csv.write(record);
    yield csv.take();
  }
  // Only the fixed columns have Chinese names: a metric's column names its key, which scripts read.
  return csvReadableStream(
    localizedHeader(wideHeader(options.metrics), options.lang ?? "en"),
    text(),
    {
      bom: options.bom,
    },
  );
}

/** A wide file with a column per quarter (`across=quarters`) from the long export's read. */
export function acrossCsvStream(
  batches: AsyncIterable<readonly ExportObservation[]>,
  options: {
    metrics: readonly MetricDTO[];
    quarters: readonly QuarterCode[];
    bom: boolean;
    lang?: Locale;
  },
): ReadableStream<Uint8Array> {
  const format = createAcrossFormatter(
    new Map(options.metrics.map((metric) => [metric.key, metric])),
    options.quarters,
  );
  async function* text() {
    const csv = createCsvWriter();
    for await (const batch of batches) {
      for (const row of batch) {
        for (const record of format.push(row)) csv.write(record);
      }
      yield csv.take();
    }
    for (const record of format.flush()) csv.write(record);
    yield csv.take();
  }
  // The quarter codes across stay codes.
  return csvReadableStream(
    localizedHeader(acrossHeader(options.quarters), options.lang ?? "en"),
    text(),
    {
      bom: options.bom,
    },
  );
}
