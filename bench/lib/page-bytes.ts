/**
 * What one page costs before any JavaScript runs: its HTML document's raw bytes, the share of them
 * that is the inline RSC payload (the `self.__next_f.push(...)` scripts Next writes so that the
 * client can hydrate), and the time to first byte of a render.
 */
import http from "node:http";
import { percentile } from "./percentile";

export interface HtmlBytes {
  rawBytes: number;
  /** Bytes of the inline RSC payload's script elements, tags included. */
  rscBytes: number;
}

const RSC_SCRIPT = /<script\b[^>]*>\(?self\.__next_f\b[\s\S]*?<\/script>/g;

export function htmlBytes(html: Buffer): HtmlBytes {
  const text = html.toString("utf8");
  let rscBytes = 0;
  for (const match of text.matchAll(RSC_SCRIPT)) rscBytes += Buffer.byteLength(match[0]);
  return { rawBytes: html.byteLength, rscBytes };
}

/** The page as an anonymous reader gets it, uncompressed (what "raw" means in issue 12). */
export async function fetchHtml(url: string): Promise<Buffer> {
  const response = await fetch(url, {
    headers: { "accept-encoding": "identity" },
    signal: AbortSignal.timeout(120_000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return body;
}

export interface FirstByte {
  requests: number;
  /** From sending the request to the first byte of the answer (its status line). */
  p50: number;
  p95: number;
  /** To the last byte. */
  totalP50: number;
}

function timeOne(url: string, cookie: string): Promise<{ firstByte: number; total: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(
      url,
      { headers: { cookie, "accept-encoding": "identity" }, agent: false },
      (response) => {
        // Node emits 'response' once the status line and headers, the first bytes, are parsed.
        const firstByte = performance.now() - started;
        response.resume();
        response.on("end", () => {
          if (response.statusCode !== 200) {
            reject(new Error(`GET ${url} answered ${response.statusCode}`));
            return;
          }
          resolve({ firstByte, total: performance.now() - started });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

/**
 * Time to first byte at one connection: `requests` requests one after another, each on a new
 * connection, as a signed-in reader (so every one is a render), after two that are not counted.
 */
export async function measureFirstByte(
  url: string,
  cookie: string,
  requests: number,
): Promise<FirstByte> {
  for (let i = 0; i < 2; i++) await timeOne(url, cookie);
  const firstBytes: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < requests; i++) {
    const { firstByte, total } = await timeOne(url, cookie);
    firstBytes.push(firstByte);
    totals.push(total);
  }
  firstBytes.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  return {
    requests,
    p50: percentile(firstBytes, 0.5),
    p95: percentile(firstBytes, 0.95),
    totalP50: percentile(totals, 0.5),
  };
}
