/** What the browser gets: the overview's JavaScript (Playwright in Chromium) and Lighthouse. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { ROOT, WORK } from "./paths";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface ScriptBytes {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  largest: { url: string; gzipBytes: number }[];
  htmlBytes: number;
  htmlGzipBytes: number;
}

export async function measureJavaScript(url: string): Promise<ScriptBytes> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    const pending: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => ({
            url: new URL(response.url()).pathname,
            raw: body.byteLength,
            gzip: gzipSync(body).byteLength,
          }))
          .catch(() => null),
      );
    });
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    const html = (await response?.body()) ?? Buffer.alloc(0);
    const scripts = (await Promise.all(pending)).filter((entry) => entry !== null);
    return {
      scripts: scripts.length,
      rawBytes: scripts.reduce((sum, entry) => sum + entry.raw, 0),
      gzipBytes: scripts.reduce((sum, entry) => sum + entry.gzip, 0),
      largest: scripts
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((entry) => ({ url: entry.url, gzipBytes: entry.gzip })),
      htmlBytes: html.byteLength,
      htmlGzipBytes: gzipSync(html).byteLength,
    };
  } finally {
    await browser.close();
  }
}

export interface LighthouseResult {
  status: "measured" | "failed" | "skipped";
  note: string;
  score?: number;
  metrics?: Record<string, string>;
}

export function runLighthouse(url: string, enabled: boolean): LighthouseResult {
  if (!enabled) return { status: "skipped", note: "skipped (--no-lighthouse)" };
  const output = path.join(WORK, "lighthouse.json");
  rmSync(output, { force: true });
  const cli = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js");
  const result = spawnSync(
    process.execPath,
    [
      cli,
      url,
      "--only-categories=performance",
      "--preset=desktop",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
      env: { ...process.env, CHROME_PATH: CHROMIUM },
    },
  );
  if (result.status !== 0 || !existsSync(output)) {
    const why = `${result.error?.message ?? ""} ${result.stderr ?? ""}`.trim().slice(-1500);
    return { status: "failed", note: `lighthouse exited ${result.status}: ${why}` };
  }
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    lighthouseVersion: string;
    categories: { performance: { score: number | null } };
    audits: Record<string, { displayValue?: string; title: string }>;
    runtimeError?: { message: string };
  };
  const metrics: Record<string, string> = {};
  for (const id of [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "interactive",
    "bootup-time",
    "total-byte-weight",
    "dom-size",
  ]) {
    const audit = report.audits[id];
    if (audit) metrics[audit.title] = audit.displayValue ?? "";
  }
  const score = report.categories.performance.score;
  if (score === null) {
    return {
      status: "failed",
      note: `no score: ${report.runtimeError?.message ?? "unknown error"}`,
      metrics,
    };
  }
  return {
    status: "measured",
    note: `Lighthouse ${report.lighthouseVersion}, desktop preset, performance only`,
    score: Math.round(score * 100),
    metrics,
  };
}
