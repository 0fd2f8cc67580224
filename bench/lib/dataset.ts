/** The dataset a run measures: generated into bench/.work/bench.db, or reused from a run before. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type DatasetReport, generateDataset } from "../generate-dataset";
import { DATASET_REPORT, DB_FILE, ROOT, WORK } from "./paths";
import { log } from "./run-support";

export async function prepareDataset(flags: {
  reuseDb: boolean;
  brands: number;
}): Promise<DatasetReport> {
  mkdirSync(WORK, { recursive: true });
  if (flags.reuseDb && existsSync(DB_FILE) && existsSync(DATASET_REPORT)) {
    log(`reusing ${path.relative(ROOT, DB_FILE)}`);
    return JSON.parse(readFileSync(DATASET_REPORT, "utf8")) as DatasetReport;
  }
  log(`generating the dataset (${flags.brands} brands x 30 metrics x 80 quarters)`);
  const report = await generateDataset(DB_FILE, { brands: flags.brands });
  writeFileSync(DATASET_REPORT, JSON.stringify(report, null, 2));
  log(
    `dataset: ${report.currentObservations} current figures, ${report.supersededObservations} superseded, ` +
      `${report.sources} sources, ${report.events} events, ${(report.bytes / 1e6).toFixed(1)} MB ` +
      `in ${report.seconds.toFixed(1)} s`,
  );
  return report;
}

/**
 * The synthetic brand the first write phase saves quarters for: not the one whose overview is
 * read, so the reads are of a page the writes do not change, and the page cache, which expires
 * only the written brand's pages, keeps answering them (the cache column shows what reads got).
 */
export function otherSyntheticBrand(readBrand: string): string {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    const row = db
      .prepare<[string], { slug: string }>(
        `SELECT slug FROM "Brand" WHERE slug LIKE 'bench-%' AND slug <> ? ORDER BY slug LIMIT 1`,
      )
      .get(readBrand);
    if (!row) throw new Error("the dataset has no second synthetic brand to write to");
    return row.slug;
  } finally {
    db.close();
  }
}
