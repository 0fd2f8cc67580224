import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  escapeTextCell,
  formatMeasureCell,
  formatValueCell,
  restoreTextCell,
} from "@/lib/csv/cells";
import { stringifyRecords } from "@/lib/csv/csv-stream";
import {
  acrossHeader,
  createAcrossFormatter,
  createWideFormatter,
  type ExportObservation,
  exportFileName,
  LONG_COLUMNS,
  longHeader,
  PERIOD_COLUMNS,
  quarterColumns,
} from "@/lib/csv/export-format";
import { longCsvStream, wideCsvStream } from "@/lib/csv/export-stream";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricDTO } from "@/lib/domain/types";

const revenue: MetricDTO = {
  key: "revenue",
  label: "Total revenue",
  unit: "RMB bn",
  kind: "flow",
  higherIsBetter: true,
  definition: "Group revenue.",
};
const profit: MetricDTO = { ...revenue, key: "net_profit", label: "Net profit" };
const margin: MetricDTO = {
  key: "gross_margin",
  label: "Gross margin",
  unit: "%",
  kind: "ratio",
  higherIsBetter: true,
  definition: "Gross margin.",
};
const stores: MetricDTO = {
  key: "stores",
  label: "Stores",
  unit: "stores",
  kind: "stock",
  higherIsBetter: true,
  definition: "Stores at quarter end.",
};

function observation(patch: Partial<ExportObservation>): ExportObservation {
  return {
    brand: "xiaomi",
    metric: "revenue",
    quarter: "2024Q1",
    revision: 1,
    isCurrent: true,
    value: 10,
    decimals: 1,
    qualifier: "exact",
    sourceTitle: "Quarterly results",
    sourceUrl: "https://example.com/results",
    sourceDate: "2024-05-20",
    quote: null,
    note: null,
    ...patch,
  };
}

async function* batches<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

async function exportLong(
  rows: ExportObservation[],
  options: { from?: QuarterCode; history?: boolean; bom?: boolean } = {},
): Promise<string> {
  const stream = longCsvStream(batches(rows), {
    metrics: [revenue, profit, margin, stores],
    from: options.from ?? null,
    history: options.history ?? false,
    bom: options.bom ?? false,
  });
  return new Response(stream).text();
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true });
}

describe("text cells against formula injection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["+33 1 42 68 53 00", "'+33 1 42 68 53 00"],
    ["-2", "'-2"],
    ["\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"],
    ["\r=1", "'\r=1"],
    ["'=already quoted", "''=already quoted"],
  ])("neutralizes %j as %j and reads it back unchanged", (text, escaped) => {
    expect(escapeTextCell(text)).toBe(escaped);
    expect(restoreTextCell(escapeTextCell(text))).toBe(text);
  });

  it.each(["Xiaomi Q3 results", "2025 Q3", "'quoted' title", "a = b", ""])(
    "leaves harmless text %j as it is",
    (text) => {
      expect(escapeTextCell(text)).toBe(text);
      expect(restoreTextCell(text)).toBe(text);
    },
  );

  it("escapes a formula in a source title but writes a negative value and YoY as plain numbers", async () => {
    const text = await exportLong([
      observation({ metric: "net_profit", quarter: "2023Q1", value: 5, decimals: 0 }),
      observation({
        metric: "net_profit",
        quarter: "2024Q1",
        value: -2,
        decimals: 0,
        sourceTitle: "-2",
      }),
    ]);
    const lines = text.split("\r\n");
    // -2 / 5 - 1 = -140%: a YoY cell that starts with a minus and must stay a number.
    expect(lines[2]).toBe(
      'xiaomi,net_profit,Net profit,RMB bn,2024Q1,-2,exact,-140,,"\'-2",https://example.com/results,2024-05-20,false,,,,,,2024-03-31',
    );
  });
});

describe("RFC 4180 output", () => {
  it("quotes fields with commas, quotes and line breaks, doubles quotes, and ends every record with CRLF", () => {
    const text = stringifyRecords([
      ["a,b", 'say "hi"', "line\nbreak", "cr\rhere", "crlf\r\nhere", "plain"],
    ]);
    expect(text).toBe('"a,b","say ""hi""","line\nbreak","cr\rhere","crlf\r\nhere",plain\r\n');
  });

  it("keeps emoji and CJK text intact through a write and a read", async () => {
    const title = '小米集团 2025 Q3 季度业绩 📈, "record" quarter';
    const text = await exportLong([observation({ sourceTitle: title, quote: "第一行\n第二行" })]);
    const [row] = parseCsv(text);
    expect(row?.source_title).toBe(title);
    expect(row?.quote).toBe("第一行\n第二行");
  });

  it("starts with the header row, and with a UTF-8 byte-order mark only when asked", async () => {
    const plain = await exportLong([observation({})]);
    expect(plain.startsWith(`${longHeader(false).join(",")}\r\n`)).toBe(true);
    const stream = longCsvStream(batches([observation({})]), {
      metrics: [revenue],
      from: null,
      history: false,
      bom: true,
    });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 9))).toBe("brand,");
  });

  it("ends the file with CRLF after the last record and writes a header even when there are no rows", async () => {
    const empty = await exportLong([]);
    expect(empty).toBe(`${longHeader(false).join(",")}\r\n`);
    expect((await exportLong([observation({})])).endsWith("\r\n")).toBe(true);
  });
});

describe("number cells", () => {
  it("writes a value with the decimals its source states, in full and without separators", () => {
    expect(formatValueCell(6, 1)).toBe("6.0");
    expect(formatValueCell(113.1, 1)).toBe("113.1");
    expect(formatValueCell(1234567.5, 1)).toBe("1234567.5");
    expect(formatValueCell(59.4771, 4)).toBe("59.4771");
    expect(formatValueCell(0.000001, 6)).toBe("0.000001");
    expect(formatValueCell(-2, 0)).toBe("-2");
  });

  it("never rounds a value whose double holds more digits than its decimals say", () => {
    expect(Number(formatValueCell(2.5, 0))).toBe(2.5);
    expect(Number(formatValueCell(0.1 + 0.2, 1))).toBe(0.1 + 0.2);
  });

  it("writes nothing for a missing number, never a zero", () => {
    expect(formatValueCell(null, 1)).toBe("");
    expect(formatMeasureCell(null)).toBe("");
    expect(formatMeasureCell(Number.NaN)).toBe("");
  });

  it("writes a computed YoY with every digit and without exponent notation", () => {
    expect(formatMeasureCell(-3.2)).toBe("-3.2");
    expect(Number(formatMeasureCell(22.261678909049625))).toBe(22.261678909049625);
    expect(formatMeasureCell(1e-7)).toBe("0.0000001");
    expect(formatMeasureCell(-1.5e-8)).toBe("-0.000000015");
    expect(formatMeasureCell(1e21)).toBe("1000000000000000000000");
    expect(formatMeasureCell(-0)).toBe("0");
  });
});

describe("the long shape", () => {
  it("compares with the same quarter a year earlier, leaves YoY empty when that quarter is missing, and gives ratios points", async () => {
    const text = await exportLong([
      observation({ quarter: "2023Q1", value: 50, decimals: 0 }),
      observation({ quarter: "2024Q1", value: 60, decimals: 0 }),
      observation({ quarter: "2024Q2", value: 70, decimals: 0 }),
      observation({ metric: "gross_margin", quarter: "2023Q4", value: 12.5, decimals: 1 }),
      observation({ metric: "gross_margin", quarter: "2024Q4", value: 11.0, decimals: 1 }),
    ]);
    const rows = parseCsv(text);
    const cell = (metric: string, quarter: string, column: string) =>
      rows.find((row) => row.metric === metric && row.quarter === quarter)?.[column];
    expect(Number(cell("revenue", "2024Q1", "yoy_pct"))).toBeCloseTo(20, 10);
    expect(cell("revenue", "2024Q2", "yoy_pct")).toBe("");
    expect(cell("gross_margin", "2024Q4", "yoy_pct")).toBe("");
    expect(Number(cell("gross_margin", "2024Q4", "yoy_pp"))).toBeCloseTo(-1.5, 10);
    expect(cell("gross_margin", "2024Q4", "unit")).toBe("%");
  });

  it("writes a pp change as the exact decimal difference and a % change at 4 decimals (no float noise)", async () => {
    const text = await exportLong([
      observation({ quarter: "2024Q1", value: 75.5, decimals: 1 }),
      observation({ quarter: "2025Q1", value: 111.293, decimals: 3 }),
      observation({ metric: "gross_margin", quarter: "2023Q4", value: 11.7, decimals: 1 }),
      observation({ metric: "gross_margin", quarter: "2024Q4", value: 11.1, decimals: 1 }),
    ]);
    const rows = parseCsv(text);
    const cell = (metric: string, quarter: string, column: string) =>
      rows.find((row) => row.metric === metric && row.quarter === quarter)?.[column];
    expect(cell("gross_margin", "2024Q4", "yoy_pp")).toBe("-0.6");
    expect(cell("revenue", "2025Q1", "yoy_pct")).toBe("47.4079");
  });

  it("withholds a percentage change from a zero or negative base", async () => {
    const rows = parseCsv(
      await exportLong([
        observation({ metric: "net_profit", quarter: "2023Q2", value: -1, decimals: 0 }),
        observation({ metric: "net_profit", quarter: "2024Q2", value: 3, decimals: 0 }),
      ]),
    );
    expect(rows[1]?.yoy_pct).toBe("");
  });

  it("reads the year before `from` only for YoY and leaves it out of the file", async () => {
    const rows = parseCsv(
      await exportLong(
        [
          observation({ quarter: "2023Q1", value: 50, decimals: 0 }),
          observation({ quarter: "2024Q1", value: 55, decimals: 0 }),
        ],
        { from: "2024Q1" },
      ),
    );
    expect(rows.map((row) => row.quarter)).toEqual(["2024Q1"]);
    expect(Number(rows[0]?.yoy_pct)).toBeCloseTo(10, 10);
  });

  it("flags a restated figure, and with history lists superseded revisions before the current one", async () => {
    const revisions = [
      observation({
        metric: "stores",
        quarter: "2024Q3",
        value: 14000,
        decimals: 0,
        isCurrent: false,
        qualifier: "approximate",
      }),
      observation({
        metric: "stores",
        quarter: "2024Q3",
        value: 15000,
        decimals: 0,
        revision: 2,
        qualifier: "approximate",
      }),
    ];
    const current = parseCsv(await exportLong(revisions.slice(1)));
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      value: "15000",
      qualifier: "approximate",
      restated: "true",
    });
    const history = parseCsv(await exportLong(revisions, { history: true }));
    expect(history.map((row) => [row.value, row.revision, row.status, row.restated])).toEqual([
      ["14000", "1", "superseded", "false"],
      ["15000", "2", "current", "true"],
    ]);
    expect(Object.keys(history[0] ?? {})).toEqual(longHeader(true));
  });

  it("writes a withdrawn figure only with history, with an empty value", async () => {
    const rows = [
      observation({ quarter: "2024Q1", value: 10, isCurrent: false }),
      observation({
        quarter: "2024Q1",
        revision: 2,
        value: null,
        sourceTitle: null,
        sourceUrl: null,
        sourceDate: null,
      }),
    ];
    expect(parseCsv(await exportLong(rows.slice(1)))).toEqual([]);
    const history = parseCsv(await exportLong(rows, { history: true }));
    expect(history[1]).toMatchObject({ value: "", status: "current", source_title: "" });
  });
});

describe("the wide shape", () => {
  it("writes a row per quarter, a column per metric with its unit, and gap quarters as empty rows", async () => {
    const stream = wideCsvStream(
      batches([
        {
          brand: "xiaomi",
          metric: "revenue",
          quarter: "2024Q1" as const,
          value: 75.5,
          decimals: 1,
          qualifier: "exact" as const,
        },
        {
          brand: "xiaomi",
          metric: "stores",
          quarter: "2024Q1" as const,
          value: 15000,
          decimals: 0,
          qualifier: "approximate" as const,
        },
        {
          brand: "xiaomi",
          metric: "revenue",
          quarter: "2024Q4" as const,
          value: 109.01,
          decimals: 2,
          qualifier: "exact" as const,
        },
      ]),
      { metrics: [revenue, stores], bom: false },
    );
    expect(await new Response(stream).text()).toBe(
      [
        "brand,quarter,revenue (RMB bn),stores (stores),qualifiers",
        "xiaomi,2024Q1,75.5,15000,stores: approximate",
        "xiaomi,2024Q2,,,",
        "xiaomi,2024Q3,,,",
        "xiaomi,2024Q4,109.01,,",
        "",
      ].join("\r\n"),
    );
  });

  it("does not fill the quarters between two brands", () => {
    const format = createWideFormatter([revenue]);
    const row = { metric: "revenue", value: 1, decimals: 0, qualifier: "exact" as const };
    const records = [
      ...format.push({ ...row, brand: "a", quarter: "2020Q1" }),
      ...format.push({ ...row, brand: "b", quarter: "2024Q1" }),
      ...format.flush(),
    ];
    expect(records.map((record) => record.slice(0, 2))).toEqual([
      ["a", "2020Q1"],
      ["b", "2024Q1"],
    ]);
  });
});

describe("exportFileName", () => {
  it("names brand, metrics, range, shape and day; the Excel file apart from the plain one", () => {
    const base = { format: "long" as const, history: false, on: "2026-12-01" };
    expect(
      exportFileName({
        ...base,
        brand: "xiaomi",
        metrics: ["revenue"],
        from: "2023Q1",
        to: "2025Q3",
      }),
    ).toBe("pulse-xiaomi-revenue-2023Q1-2025Q3-long-2026-12-01.csv");
    expect(
      exportFileName({
        ...base,
        bom: true,
        brand: "xiaomi",
        metrics: ["revenue"],
        from: "2023Q1",
        to: "2025Q3",
      }),
    ).toBe("pulse-xiaomi-revenue-2023Q1-2025Q3-long-2026-12-01-excel.csv");
    expect(
      exportFileName({
        brand: "xiaomi",
        metrics: null,
        from: null,
        to: null,
        format: "wide",
        history: false,
        on: "2026-12-01",
      }),
    ).toBe("pulse-xiaomi-all-metrics-all-quarters-wide-2026-12-01.csv");
    expect(
      exportFileName({
        ...base,
        history: true,
        brand: null,
        metrics: ["a", "b", "c", "d"],
        from: "2024Q1",
        to: null,
      }),
    ).toBe("pulse-all-brands-4-metrics-2024Q1-latest-history-2026-12-01.csv");
  });
});

describe("the page's QoQ and trailing twelve months, and the period end", () => {
  const quarterly = (metric: string, values: [QuarterCode, number, number][]) =>
    values.map(([quarter, value, decimals]) => observation({ metric, quarter, value, decimals }));

  it("adds qoq_pct, qoq_pp, ttm and period_end after every existing column", () => {
    expect(longHeader(false)).toEqual([...LONG_COLUMNS, ...PERIOD_COLUMNS]);
    expect(longHeader(true).slice(0, LONG_COLUMNS.length + 2)).toEqual([
      ...LONG_COLUMNS,
      "revision",
      "status",
    ]);
    expect(longHeader(true).slice(-4)).toEqual(["qoq_pct", "qoq_pp", "ttm", "period_end"]);
  });

  it("sums a flow's four quarters as an exact decimal, and leaves TTM empty (not zero) when one is missing", async () => {
    const rows = parseCsv(
      await exportLong(
        quarterly("revenue", [
          ["2024Q1", 10.1, 1],
          ["2024Q2", 20.2, 1],
          ["2024Q3", 30.25, 2],
          ["2024Q4", 40, 0],
          ["2025Q1", 11, 0],
          // 2025Q2 missing: a gap
          ["2025Q3", 33, 0],
        ]),
      ),
    );
    const ttm = Object.fromEntries(rows.map((row) => [row.quarter, row.ttm]));
    // 10.1 + 20.2 + 30.25 + 40 in doubles is 100.55000000000001; the file has the decimal.
    expect(ttm).toEqual({
      "2024Q1": "",
      "2024Q2": "",
      "2024Q3": "",
      "2024Q4": "100.55",
      "2025Q1": "101.45",
      "2025Q3": "",
    });
    const qoq = Object.fromEntries(rows.map((row) => [row.quarter, row.qoq_pct]));
    expect(qoq["2024Q1"]).toBe("");
    expect(qoq["2024Q2"]).toBe("100");
    expect(qoq["2025Q1"]).toBe("-72.5");
    // The quarter before 2025Q3 is missing: no QoQ, never a change from zero.
    expect(qoq["2025Q3"]).toBe("");
    expect(rows.every((row) => row.qoq_pp === "")).toBe(true);
  });

  it("gives a ratio its QoQ in points and no TTM; a stock no TTM either", async () => {
    const rows = parseCsv(
      await exportLong([
        ...quarterly("gross_margin", [
          ["2024Q1", 11.7, 1],
          ["2024Q2", 11.1, 1],
        ]),
        ...quarterly("stores", [
          ["2024Q1", 100, 0],
          ["2024Q2", 110, 0],
          ["2024Q3", 120, 0],
          ["2024Q4", 130, 0],
        ]),
      ]),
    );
    const margin = rows.filter((row) => row.metric === "gross_margin");
    expect(margin.map((row) => [row.qoq_pct, row.qoq_pp, row.ttm])).toEqual([
      ["", "", ""],
      ["", "-0.6", ""],
    ]);
    const stock = rows.filter((row) => row.metric === "stores");
    expect(stock.map((row) => row.ttm)).toEqual(["", "", "", ""]);
    expect(stock.at(-1)?.qoq_pct).toBe("8.3333");
  });

  it("computes QoQ and TTM across `from` from the quarters read before it", async () => {
    const rows = parseCsv(
      await exportLong(
        quarterly("revenue", [
          ["2024Q1", 1, 0],
          ["2024Q2", 2, 0],
          ["2024Q3", 3, 0],
          ["2024Q4", 4, 0],
        ]),
        { from: "2024Q4" },
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quarter: "2024Q4", qoq_pct: "33.3333", ttm: "10" });
  });

  it("writes the calendar quarter's last day as period_end", async () => {
    const rows = parseCsv(
      await exportLong(
        quarterly("revenue", [
          ["2024Q1", 1, 0],
          ["2024Q2", 1, 0],
          ["2024Q3", 1, 0],
          ["2024Q4", 1, 0],
        ]),
      ),
    );
    expect(rows.map((row) => row.period_end)).toEqual([
      "2024-03-31",
      "2024-06-30",
      "2024-09-30",
      "2024-12-31",
    ]);
  });
});

describe("wide with quarters across", () => {
  const catalog = new Map([revenue, stores].map((metric) => [metric.key, metric]));

  it("writes a row per brand and metric, a column per quarter, and a gap as an empty cell", () => {
    const quarters = quarterColumns("2024Q3", "2025Q1");
    expect(acrossHeader(quarters)).toEqual([
      "brand",
      "metric",
      "metric_label",
      "unit",
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "qualifiers",
    ]);
    const format = createAcrossFormatter(catalog, quarters);
    const records = [
      // Read only for a long file's YoY: before the first column, so left out.
      observation({ quarter: "2024Q2", value: 9, decimals: 0 }),
      observation({ quarter: "2024Q3", value: 10.5, decimals: 1 }),
      observation({ quarter: "2025Q1", value: 12.0, decimals: 1, qualifier: "approximate" }),
      observation({ metric: "stores", quarter: "2024Q4", value: 1500, decimals: 0 }),
    ].flatMap((row) => format.push(row));
    records.push(...format.flush());
    expect(records).toEqual([
      ["xiaomi", "revenue", "Total revenue", "RMB bn", "10.5", "", "12.0", "2025Q1: approximate"],
      ["xiaomi", "stores", "Stores", "stores", "", "1500", "", ""],
    ]);
  });

  it("writes no row for a series without a figure in the columns, and nothing at all when empty", () => {
    const format = createAcrossFormatter(catalog, quarterColumns("2025Q1", "2025Q2"));
    expect(format.push(observation({ quarter: "2020Q1" }))).toEqual([]);
    expect(format.flush()).toEqual([]);
    expect(createAcrossFormatter(catalog, []).flush()).toEqual([]);
  });

  it("names the file apart from the wide file with metrics across", () => {
    const base = {
      brand: "xiaomi",
      metrics: null,
      from: null,
      to: null,
      format: "wide" as const,
      history: false,
      on: "2026-12-01",
    };
    expect(exportFileName(base)).toBe("pulse-xiaomi-all-metrics-all-quarters-wide-2026-12-01.csv");
    expect(exportFileName({ ...base, across: "quarters" })).toBe(
      "pulse-xiaomi-all-metrics-all-quarters-wide-quarters-across-2026-12-01.csv",
    );
  });
});
