/**
 * Issue 12's HTML sizes, for before/after comparisons of a change: serves the production build on
 * a database file (the seed's when the file does not exist yet: `scripts/start.ts` seeds an empty
 * one; or `bench/generate-dataset.ts`'s), and prints each page's raw bytes and the share of them
 * that is the inline RSC payload, signed out, as a viewer and as an editor. With `--rows`, the
 * decoded payload's largest rows too (where the bytes are); with `--save <dir>`, each page's HTML.
 *
 *   npx tsx bench/page-sizes.ts <file.db> [path ...] [--rows] [--save <dir>]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { apiSignIn, E2E_ADMIN } from "../tests/support/api-client";
import { htmlBytes } from "./lib/page-bytes";
import { startServer } from "./lib/server";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The decoded `self.__next_f.push([1, "..."])` strings, joined: the RSC payload as Flight rows. */
export function decodedPayload(html: string): string {
  let payload = "";
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    payload += JSON.parse(match[1] ?? '""') as string;
  }
  return payload;
}

async function main() {
  const args = process.argv.slice(2);
  const databaseFile = args[0];
  if (!databaseFile) throw new Error("usage: bench/page-sizes.ts <file.db> [path ...] [--rows]");
  const paths = args.slice(1).filter((arg) => arg.startsWith("/"));
  if (paths.length === 0) paths.push("/?brand=xiaomi", "/metrics/revenue?brand=xiaomi");
  const server = await startServer({
    projectRoot: ROOT,
    databaseFile: path.resolve(databaseFile),
    env: {
      PULSE_ADMIN_EMAIL: E2E_ADMIN.email,
      PULSE_ADMIN_PASSWORD: E2E_ADMIN.password,
      PULSE_ADMIN_NAME: E2E_ADMIN.name,
      PULSE_SECURE_COOKIES: "false",
      PULSE_CLOCK: "2026-11-27T10:00:00Z",
      PULSE_REQUEST_LOG: "off",
    },
  });
  try {
    const readers = [
      { who: "signed out", cookie: "" },
      {
        who: "viewer",
        cookie: await apiSignIn(server.baseUrl, "Size Reader", undefined, {}, "viewer"),
      },
      { who: "editor", cookie: await apiSignIn(server.baseUrl, "Size Editor") },
    ];
    for (const target of paths) {
      for (const { who, cookie } of readers) {
        const response = await fetch(`${server.baseUrl}${target}`, {
          headers: { "accept-encoding": "identity", ...(cookie ? { cookie } : {}) },
        });
        const html = Buffer.from(await response.arrayBuffer());
        const { rawBytes, rscBytes } = htmlBytes(html);
        const saveDir = args.includes("--save") ? args[args.indexOf("--save") + 1] : undefined;
        if (saveDir) {
          mkdirSync(saveDir, { recursive: true });
          const name = `${target.replace(/[^a-z0-9]+/gi, "_")}-${who.replace(/ /g, "-")}.html`;
          writeFileSync(path.join(saveDir, name), html);
        }
        console.log(
          `${target}\t${who}\t${response.status}\t${rawBytes.toLocaleString("en")} B\tRSC ${rscBytes.toLocaleString("en")} B`,
        );
        if (args.includes("--rows") && who === "editor") {
          const rows = decodedPayload(html.toString("utf8"))
            .split(/\n(?=[0-9a-f]+:)/)
            .map((row) => ({ bytes: Buffer.byteLength(row), head: row.slice(0, 140) }))
            .sort((a, b) => b.bytes - a.bytes);
          for (const row of rows.slice(0, 15)) console.log(`  ${row.bytes}\t${row.head}`);
        }
      }
    }
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
