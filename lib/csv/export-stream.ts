/**
 * An export from ordered batches of stored rows to a CSV byte stream: the shape's formatter,
 * then csv-stringify, batch by batch.
 */
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricDTO } from "@/lib/domain/types";
import { csvReadableStream } from "./csv-stream";
import {
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
  },
): ReadableStream<Uint8Array> {
  const format = createLongFormatter({
    metrics: new Map(options.metrics.map((metric) => [metric.key, metric])),
    from: options.from,
    history: options.history,
  });
  async function* records() {
    for await (const batch of batches) {
      const out: string[][] = [];
      for (const row of batch) {
        const record = format(row);
        if (record) out.push(record);
      }
      yield out;
    }
  }
  return csvReadableStream(longHeader(options.history), records(), { bom: options.bom });
}

export function wideCsvStream(
  batches: AsyncIterable<readonly WideObservation[]>,
  options: { metrics: readonly MetricDTO[]; bom: boolean },
): ReadableStream<Uint8Array> {
  const format = createWideFormatter(options.metrics);
  async function* records() {
    for await (const batch of batches) {
      const out: string[][] = [];
      for (const row of batch) out.push(...format.push(row));
      yield out;
    }
    yield format.flush();
  }
  return csvReadableStream(wideHeader(options.metrics), records(), { bom: options.bom });
}
