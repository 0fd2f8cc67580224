/** The command line of `npm run bench`. */
import path from "node:path";
import { ROOT } from "./paths";

export interface Flags {
  duration: number;
  reuseDb: boolean;
  lighthouse: boolean;
  pagesOnly: boolean;
  brands: number;
  out: string;
}

export const USAGE = `npm run bench -- [flags]

  --duration <s>    seconds per load phase (10)
  --quick           3 s load phases
  --reuse-db        keep bench/.work/bench.db from an earlier run instead of generating it
  --brands <n>      synthetic brands in the generated dataset (200)
  --no-lighthouse   skip Lighthouse
  --pages-only      the page load phases only
  --out <file>      where the report goes (bench/RESULTS.md)
  --help            this text`;

export function parseFlags(args: string[]): Flags | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const quick = args.includes("--quick");
  return {
    duration: Number(value("--duration") ?? (quick ? 3 : 10)),
    reuseDb: args.includes("--reuse-db"),
    lighthouse: !args.includes("--no-lighthouse"),
    pagesOnly: args.includes("--pages-only"),
    brands: Number(value("--brands") ?? 200),
    out: path.resolve(ROOT, value("--out") ?? "bench/RESULTS.md"),
  };
}
