/**
 * Issue 12's pages: each read anonymously (from the page cache) and with a signed-in session
 * (rendered on every request) at 10 connections, its HTML weighed, and the overviews' time to
 * first byte at one connection.
 */

import { type LoadPhase, loadPhase, warmUp } from "./load";
import {
  type FirstByte,
  fetchHtml,
  type HtmlBytes,
  htmlBytes,
  measureFirstByte,
} from "./page-bytes";
import { log } from "./run-support";
import type { RunningServer } from "./server";

/** Issue 12's connections for the cached and uncached rates. */
export const SIGNED_IN_CONNECTIONS = 10;

export interface Issue12Page {
  label: string;
  path: string;
  overview: boolean;
  /** Uncached req/s at 10 connections, at least. */
  minUncachedRps: number;
  /** Raw HTML with the inline RSC payload, at most. */
  maxHtmlBytes: number;
  /** The label of the same page's phase in the page load table, when it has one (reused). */
  loadLabel?: string;
}

const KB = 1024;

/** The real brand with its 13 metrics, and a synthetic brand with all 30 of the dataset's. */
export function issue12Pages(thirtyMetricBrand: string): Issue12Page[] {
  return [
    {
      label: "Xiaomi overview",
      path: "/?brand=xiaomi",
      overview: true,
      minUncachedRps: 40,
      maxHtmlBytes: 250 * KB,
    },
    {
      label: "Xiaomi revenue page",
      path: "/metrics/revenue?brand=xiaomi",
      overview: false,
      minUncachedRps: 60,
      maxHtmlBytes: 120 * KB,
    },
    {
      label: `${thirtyMetricBrand} overview (30 metrics)`,
      path: `/?brand=${thirtyMetricBrand}`,
      overview: true,
      minUncachedRps: 10,
      maxHtmlBytes: 600 * KB,
      loadLabel: "overview",
    },
    {
      label: `${thirtyMetricBrand} revenue page`,
      path: `/metrics/revenue?brand=${thirtyMetricBrand}`,
      overview: false,
      minUncachedRps: 60,
      maxHtmlBytes: 120 * KB,
      loadLabel: "metric page",
    },
  ];
}

export interface PageFigures {
  page: Issue12Page;
  cached: LoadPhase;
  uncached: LoadPhase;
  html: HtmlBytes;
  /** Overviews only. */
  firstByte?: FirstByte;
}

/**
 * Measures every page; a cached phase the page load table already has at 10 connections is
 * taken from `loadPhases` rather than run twice.
 */
export async function measureSignedIn(options: {
  server: RunningServer;
  pages: Issue12Page[];
  cookie: string;
  duration: number;
  ttfbRequests: number;
  loadPhases: LoadPhase[];
}): Promise<PageFigures[]> {
  const { server, cookie, duration } = options;
  const figures: PageFigures[] = [];
  for (const page of options.pages) {
    const html = htmlBytes(await fetchHtml(`${server.baseUrl}${page.path}`));
    const cached =
      options.loadPhases.find(
        (phase) => phase.label === page.loadLabel && phase.connections === SIGNED_IN_CONNECTIONS,
      ) ?? (await loadPhase(server, page.label, page.path, SIGNED_IN_CONNECTIONS, duration));
    // Signed in, every request is a render: without this, the phase's first seconds measured
    // V8 compiling the render's code (the cached phases are warmed the same way).
    await warmUp(server.baseUrl, [page.path], cookie);
    const uncached = await loadPhase(
      server,
      `${page.label}, signed in`,
      page.path,
      SIGNED_IN_CONNECTIONS,
      duration,
      cookie,
    );
    let firstByte: FirstByte | undefined;
    if (page.overview) {
      firstByte = await measureFirstByte(
        `${server.baseUrl}${page.path}`,
        cookie,
        options.ttfbRequests,
      );
      log(
        `${page.label}, signed in, 1 connection: first byte p50 ${firstByte.p50.toFixed(1)} ms, ` +
          `p95 ${firstByte.p95.toFixed(1)} ms (whole page p50 ${firstByte.totalP50.toFixed(1)} ms)`,
      );
    }
    figures.push({ page, cached, uncached, html, ...(firstByte ? { firstByte } : {}) });
  }
  return figures;
}
