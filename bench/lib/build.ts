/** Builds the production bundle when it is missing or older than the sources it is built from. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function ensureBuild(root: string, log: (message: string) => void): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "prisma", "next.config.ts", "package.json"]
    .map((entry) => path.join(root, entry))
    .filter(existsSync);
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSource) {
    log("production build is up to date");
    return;
  }
  log("building (prisma generate + next build)");
  for (const [command, args] of [
    ["npx", ["prisma", "generate"]],
    ["npx", ["next", "build"]],
  ] as const) {
    const result = spawnSync(command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      timeout: 600_000,
    });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
  }
}
