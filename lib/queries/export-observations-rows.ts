import type { ExportObservation, WideObservation } from "@/lib/csv/export-format";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { Qualifier } from "@/lib/domain/types";

/** Rows per batch handed to the CSV writer, on either database (see export-observations.ts). */
export const EXPORT_BATCH_SIZE = 500;

export interface ExportSelection {
  /** Brand slugs in the order to write them; null for every brand, by slug. */
  brands: readonly string[] | null;
  /** Metric keys in the order to write them; null for the whole catalog, in catalog order. */
  metrics: readonly string[] | null;
  from: QuarterCode | null;
  to: QuarterCode | null;
}

export interface Keyed {
  id: number;
  key: string;
}

/** What the export reads of one revision, as an array (SQLite gives isCurrent as 0/1). */
export type LongRow = [
  quarter: string,
  revision: number,
  isCurrent: number | boolean,
  value: number | null,
  decimals: number,
  qualifier: string,
  sourceTitle: string | null,
  sourceUrl: string | null,
  sourceDate: string | null,
  quote: string | null,
  note: string | null,
];

export type WideRow = [
  quarter: string,
  metricId: number,
  value: number,
  decimals: number,
  qualifier: string,
];

/*
 * Rows are built by these constructors rather than as object literals on purpose: V8 tracks the
 * objects of each literal, and when the rows of a batch were all still alive at a young-generation
 * collection it started allocating every later one directly in the old generation, where they
 * piled up as garbage until a full collection (an export of the benchmark's 470,000 rows grew the
 * server's memory by 170 MB instead of 50 MB). Objects made by a constructor are not tracked so.
 */
export class StoredRevision implements ExportObservation {
  readonly brand: string;
  readonly metric: string;
  readonly quarter: QuarterCode;
  readonly revision: number;
  readonly isCurrent: boolean;
  readonly value: number | null;
  readonly decimals: number;
  readonly qualifier: Qualifier;
  readonly sourceTitle: string | null;
  readonly sourceUrl: string | null;
  readonly sourceDate: string | null;
  readonly quote: string | null;
  readonly note: string | null;
  constructor(brand: string, metric: string, row: LongRow) {
    this.brand = brand;
    this.metric = metric;
    this.quarter = row[0] as QuarterCode;
    this.revision = row[1];
    this.isCurrent = row[2] === 1 || row[2] === true;
    this.value = row[3];
    this.decimals = row[4];
    this.qualifier = row[5] as Qualifier;
    this.sourceTitle = row[6];
    this.sourceUrl = row[7];
    this.sourceDate = row[8];
    this.quote = row[9];
    this.note = row[10];
  }
}

export class StoredFigure implements WideObservation {
  readonly brand: string;
  readonly metric: string;
  readonly quarter: QuarterCode;
  readonly value: number;
  readonly decimals: number;
  readonly qualifier: Qualifier;
  constructor(brand: string, metric: string, row: WideRow) {
    this.brand = brand;
    this.metric = metric;
    this.quarter = row[0] as QuarterCode;
    this.value = row[2];
    this.decimals = row[3];
    this.qualifier = row[4] as Qualifier;
  }
}

/** The brands and metrics of a selection, in the order the file lists them. */
export function pickSelection(
  brands: Keyed[],
  metrics: Keyed[],
  selection: ExportSelection,
): { brands: Keyed[]; metrics: Keyed[] } {
  const pick = (all: Keyed[], wanted: readonly string[] | null) =>
    wanted === null
      ? all
      : wanted.flatMap((key) => all.filter((entry) => entry.key === key).slice(0, 1));
  return { brands: pick(brands, selection.brands), metrics: pick(metrics, selection.metrics) };
}
