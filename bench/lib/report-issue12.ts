/**
 * Issue 12's table for one database: each page read from the page cache and signed in, its HTML,
 * the overviews' time to first byte and the writes under read load, each beside its target.
 */
import { fmt, kb, verdict } from "./format";
import type { LoadPhase } from "./load";
import { type PageFigures, SIGNED_IN_CONNECTIONS } from "./signed-in";
import type { WriteResult } from "./writes";

/** Issue 12's targets that are not per page. */
export const ISSUE_12 = {
  cachedP95Ms: 100,
  firstByteMs: 100,
  writeP95Ms: 150,
};

function rates(phase: LoadPhase): string {
  const failures = phase.non2xx + phase.errors + phase.timeouts;
  return (
    `${fmt(phase.requestsPerSecond)} req/s, p50 ${fmt(phase.p50)} ms, p95 ${fmt(phase.p95)} ms` +
    (failures > 0 ? `, **${phase.non2xx} non-2xx, ${phase.errors + phase.timeouts} errors**` : "")
  );
}

/** A rate counts only when every answer was a 2xx: an error page is fast but not the page. */
function clean(phase: LoadPhase): boolean {
  return phase.non2xx + phase.errors + phase.timeouts === 0 && phase.requests > 0;
}

type WritePhase = WriteResult & { readLoad?: LoadPhase };

/** The row of one write phase; the target is judged on readers of another brand (see below). */
function writeRow(label: string, writes: WritePhase, judged: boolean): string {
  const target = judged ? `p95 < ${ISSUE_12.writeP95Ms} ms` : "(reported)";
  if (writes.status !== "measured") return `| ${label} | ${writes.note} | ${target} | n/a |`;
  const failed = (writes.writes ?? 0) - (writes.accepted ?? 0);
  const reads = writes.readLoad
    ? `; reads meanwhile p95 ${fmt(writes.readLoad.p95)} ms, cache ${writes.readLoad.cache.before} / ${writes.readLoad.cache.after}`
    : "";
  const met = failed === 0 && (writes.p95 ?? Number.POSITIVE_INFINITY) < ISSUE_12.writeP95Ms;
  return `| ${label} | p50 ${fmt(writes.p50)} ms, p95 ${fmt(writes.p95)} ms over ${writes.writes} saves${failed > 0 ? `, **${failed} not accepted**` : ""}${reads} | ${target} | ${judged ? verdict(met) : "n/a"} |`;
}

export function renderIssue12(
  database: string,
  pages: PageFigures[],
  writes: WritePhase,
  writesSameBrand?: WritePhase,
): string {
  const lines: string[] = [`## Issue 12: signed-in pages, HTML and writes (${database})`, ""];
  lines.push(
    `Each page at ${SIGNED_IN_CONNECTIONS} connections (autocannon, as in the page load table below), ` +
      "read anonymously (cached: the page cache answers) and with an editor's session cookie " +
      "(uncached: signed-in people bypass the page cache, so every request is a render). " +
      "HTML is the document an anonymous reader gets, uncompressed; the RSC share is the bytes of " +
      "its inline `self.__next_f.push(...)` scripts. Time to first byte: one connection, " +
      "sequential signed-in requests on new connections, judged by the median. " +
      "Writes: the server-action phases below, while 10 connections read the overview of another " +
      "brand (the issue's case: a write expires only its brand's pages), then of the written brand " +
      "(every save expires the page being read; reported, not judged).",
    "",
    "| measure | result | target | verdict |",
    "| --- | --- | --- | --- |",
  );
  for (const { page, cached, uncached, html, firstByte } of pages) {
    const ratio = uncached.requestsPerSecond / cached.requestsPerSecond;
    lines.push(
      `| ${page.label}, cached (anonymous) | ${rates(cached)} | p95 < ${ISSUE_12.cachedP95Ms} ms | ${verdict(clean(cached) && cached.p95 < ISSUE_12.cachedP95Ms)} |`,
      `| ${page.label}, uncached (signed in) | ${rates(uncached)}; ${fmt(ratio, 3)} of the cached rate | >= ${page.minUncachedRps} req/s | ${verdict(clean(uncached) && uncached.requestsPerSecond >= page.minUncachedRps)} |`,
      `| ${page.label}, HTML | ${kb(html.rawBytes)} raw, ${fmt((100 * html.rscBytes) / html.rawBytes, 0)}% of it the inline RSC payload (${kb(html.rscBytes)}) | <= ${kb(page.maxHtmlBytes)} | ${verdict(html.rawBytes <= page.maxHtmlBytes)} |`,
    );
    if (firstByte) {
      lines.push(
        `| ${page.label}, uncached, time to first byte at 1 connection | p50 ${fmt(firstByte.p50)} ms, p95 ${fmt(firstByte.p95)} ms over ${firstByte.requests} requests (whole page p50 ${fmt(firstByte.totalP50)} ms) | < ${ISSUE_12.firstByteMs} ms | ${verdict(firstByte.p50 < ISSUE_12.firstByteMs)} |`,
      );
    }
  }
  lines.push(writeRow("server-action writes, readers on another brand", writes, true));
  if (writesSameBrand) {
    lines.push(
      writeRow("server-action writes, readers on the written brand", writesSameBrand, false),
    );
  }
  lines.push("");
  return lines.join("\n");
}
