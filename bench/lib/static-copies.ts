/**
 * Each page's upper bound: a static copy of its own HTML (same bytes) served from public/ by the
 * same server. public/ is read when the server starts, so the copies are written before it does.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PUBLIC_DIR } from "./paths";
import { onCleanUp } from "./run-support";

/** Static copies of the pages, same bytes, served from public/ (gitignored). */
export const STATIC_NAMES = {
  overview: "bench-static-overview.html",
  metric: "bench-static-metric.html",
};

/** Writes the copies; they are removed (and public/, when the bench made it) at clean-up. */
export function writeStaticCopies(html: Record<keyof typeof STATIC_NAMES, Buffer>) {
  const createdPublic = !existsSync(PUBLIC_DIR);
  mkdirSync(PUBLIC_DIR, { recursive: true });
  for (const [page, name] of Object.entries(STATIC_NAMES)) {
    writeFileSync(path.join(PUBLIC_DIR, name), html[page as keyof typeof STATIC_NAMES]);
  }
  onCleanUp(() => {
    for (const name of Object.values(STATIC_NAMES))
      rmSync(path.join(PUBLIC_DIR, name), { force: true });
    if (createdPublic) rmSync(PUBLIC_DIR, { recursive: true, force: true });
  });
}
