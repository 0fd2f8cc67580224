/** Hand-made series for unit tests: quarters left out are gaps, nothing else is filled in. */
import type { QuarterCode } from "@/lib/domain/quarter";
import type {
  MetricDTO,
  MetricKind,
  PointDTO,
  Qualifier,
  RevisionDTO,
  SeriesDTO,
} from "@/lib/domain/types";

export function metric(
  key: string,
  kind: MetricKind,
  overrides: Partial<MetricDTO> = {},
): MetricDTO {
  return {
    key,
    label: overrides.label ?? key.replace(/_/g, " "),
    unit: overrides.unit ?? "M units",
    kind,
    higherIsBetter: overrides.higherIsBetter ?? true,
    definition: overrides.definition ?? `Test metric ${key}.`,
  };
}

export function point(
  quarter: QuarterCode,
  value: number,
  options: { decimals?: number; qualifier?: Qualifier; history?: RevisionDTO[] } = {},
): PointDTO {
  return {
    quarter,
    value,
    decimals: options.decimals ?? 1,
    qualifier: options.qualifier ?? "exact",
    source: {
      title: `Report ${quarter}`,
      url: `https://example.com/${quarter}`,
      publishedOn: null,
    },
    quote: null,
    note: null,
    revision: (options.history?.length ?? 0) + 1,
    history: options.history ?? [],
  };
}

/** A series from a quarter -> value table, in any order; absent quarters are gaps. */
export function series(
  metricDto: MetricDTO,
  values: Partial<Record<QuarterCode, number>>,
  decimals = 1,
): SeriesDTO {
  return {
    metric: metricDto,
    withdrawn: [],
    points: Object.entries(values)
      .map(([quarter, value]) => point(quarter as QuarterCode, value as number, { decimals }))
      .sort((a, b) => (a.quarter < b.quarter ? -1 : 1)),
  };
}

/** Consecutive quarters from `start`, one value each. */
export function quarterly(
  start: QuarterCode,
  values: readonly number[],
): Record<QuarterCode, number> {
  const table: Record<string, number> = {};
  let year = Number(start.slice(0, 4));
  let quarter = Number(start.slice(-1));
  for (const value of values) {
    table[`${year}Q${quarter}`] = value;
    quarter++;
    if (quarter > 4) {
      quarter = 1;
      year++;
    }
  }
  return table as Record<QuarterCode, number>;
}
