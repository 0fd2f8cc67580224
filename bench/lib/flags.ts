/** The command line of `npm run bench`. */
import path from "node:path";
import { ROOT } from "./paths";

export type DatabaseKind = "sqlite" | "postgres";

export interface Flags {
  quick: boolean;
  duration: number;
  /** Connections of the page load phases (10 and 50; 10 only in the quick mode). */
  connections: number[];
  /** Sequential requests the time-to-first-byte sample takes. */
  ttfbRequests: number;
  reuseDb: boolean;
  lighthouse: boolean;
  pagesOnly: boolean;
  brands: number;
  /** The databases measured, in the order they run. */
  databases: DatabaseKind[];
  /** Serving processes (PULSE_WORKERS, server/workers.ts). */
  workers: number;
  out: string;
}

export const USAGE = `npm run bench -- [flags]

  --db <which>      sqlite (the default), postgres, or both: PostgreSQL's tables next to
                    SQLite's in one report (a throwaway cluster by scripts/pg-cluster.sh)
  --quick           a few minutes in all: 3 s phases, 10 synthetic brands, 10 connections
                    only; writes bench/.work/RESULTS-quick.md unless --out says otherwise
  --duration <s>    seconds per load phase (10; 3 with --quick)
  --reuse-db        keep bench/.work/bench.db from an earlier run instead of generating it
  --brands <n>      synthetic brands in the generated dataset (200; 10 with --quick)
  --no-lighthouse   skip Lighthouse
  --pages-only      the page load phases only
  --workers <n>     serve with n processes on one port (PULSE_WORKERS; 1)
  --out <file>      where the report goes (bench/RESULTS.md)
  --help            this text`;

export class FlagError extends Error {}

const DB_CHOICES: Record<string, DatabaseKind[]> = {
  sqlite: ["sqlite"],
  postgres: ["postgres"],
  // PostgreSQL first: it is copied from the freshly generated file before SQLite's write phase
  // adds to that file, so both measure the same rows.
  both: ["postgres", "sqlite"],
};

export function parseFlags(args: string[]): Flags | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  const value = (name: string) => {
    const at = args.indexOf(name);
    if (at === -1) return undefined;
    const given = args[at + 1];
    if (given === undefined || given.startsWith("--")) throw new FlagError(`${name} needs a value`);
    return given;
  };
  const positive = (name: string, fallback: number) => {
    const given = value(name);
    const number = Number(given ?? fallback);
    if (!Number.isFinite(number) || number <= 0) {
      throw new FlagError(`${name} must be a positive number, not "${given}"`);
    }
    return number;
  };
  const quick = args.includes("--quick");
  const db = value("--db") ?? "sqlite";
  const databases = DB_CHOICES[db];
  if (!databases) throw new FlagError(`--db must be sqlite, postgres or both, not "${db}"`);
  return {
    quick,
    duration: positive("--duration", quick ? 3 : 10),
    connections: quick ? [10] : [10, 50],
    ttfbRequests: quick ? 8 : 30,
    reuseDb: args.includes("--reuse-db"),
    lighthouse: !args.includes("--no-lighthouse"),
    pagesOnly: args.includes("--pages-only"),
    brands: Math.round(positive("--brands", quick ? 10 : 200)),
    databases,
    workers: Math.round(positive("--workers", 1)),
    out: path.resolve(
      ROOT,
      value("--out") ?? (quick ? "bench/.work/RESULTS-quick.md" : "bench/RESULTS.md"),
    ),
  };
}
