/**
 * Drives HTTP load from its own process, so the load generator does not share an event loop
 * (or, with luck, a core) with the server it measures. Run by bench/run.ts:
 *
 *   npx tsx bench/load-worker.ts '{"url":"http://127.0.0.1:3000/","connections":10,"duration":10}'
 *
 * Prints one JSON line: requests/s and exact p50/p95/p99 over every response (autocannon's own
 * summary has p97.5 but no p95).
 */
import autocannon from "autocannon";
import { percentile } from "./lib/percentile";

export interface LoadSpec {
  url: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  /** Sent with every request: a session cookie makes the phase a signed-in reader's. */
  headers?: Record<string, string>;
}

export interface LoadResult {
  url: string;
  connections: number;
  duration: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  bytesPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.duration,
        timeout: spec.timeout ?? 30,
        ...(spec.headers ? { headers: spec.headers } : {}),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        latencies.sort((a, b) => a - b);
        resolve({
          url: spec.url,
          connections: spec.connections,
          duration: spec.duration,
          requests: result.requests.total,
          requestsPerSecond: result.requests.total / spec.duration,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          max: latencies.at(-1) ?? Number.NaN,
          bytesPerSecond: result.throughput.average,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
  const result = await runLoad(spec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
