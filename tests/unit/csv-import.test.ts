import { describe, expect, it } from "vitest";
import { localizedHeader } from "@/lib/csv/csv-headers";
import { HISTORY_COLUMNS, LONG_COLUMNS, longHeader } from "@/lib/csv/export-format";
import {
  firstInvalidUtf8Byte,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readImportFile,
} from "@/lib/csv/import-file";
import {
  type ImportCatalog,
  planImport,
  type StoredRevision,
  validateImportRecords,
} from "@/lib/csv/import-plan";
import { rejectionText } from "@/lib/csv/import-words";
import type { MetricDTO } from "@/lib/domain/types";

const metric = (key: string, unit: string, kind: MetricDTO["kind"] = "flow"): MetricDTO => ({
  key,
  label: key.replace(/_/g, " "),
  unit,
  kind,
  higherIsBetter: true,
  definition: `${key}.`,
});

const catalog: ImportCatalog = {
  brands: ["xiaomi"],
  metrics: [
    metric("revenue", "RMB bn"),
    metric("stores", "stores", "stock"),
    metric("gross_margin", "%", "ratio"),
  ],
};

const HEADER = LONG_COLUMNS.join(",");
const HISTORY_HEADER = [...LONG_COLUMNS, ...HISTORY_COLUMNS].join(",");

/** A valid long row; `patch` replaces cells by column name. */
function row(patch: Partial<Record<string, string>> = {}): string {
  const cells: Record<string, string> = {
    brand: "xiaomi",
    metric: "revenue",
    metric_label: "Total revenue",
    unit: "RMB bn",
    quarter: "2026Q1",
    value: "120.5",
    qualifier: "exact",
    yoy_pct: "",
    yoy_pp: "",
    source_title: "Q1 2026 results",
    source_url: "https://example.com/q1",
    source_date: "2026-05-20",
    restated: "false",
    quote: "",
    note: "",
    revision: "1",
    status: "current",
    ...patch,
  };
  const columns =
    "revision" in patch || "status" in patch ? [...LONG_COLUMNS, ...HISTORY_COLUMNS] : LONG_COLUMNS;
  return columns.map((column) => cells[column] ?? "").join(",");
}

const encode = (text: string) => new TextEncoder().encode(text);

function plan(text: string, stored: Map<string, StoredRevision[]> = new Map()) {
  const file = readImportFile(encode(text));
  if (!file.ok) throw new Error(`file refused: ${file.problems.join(" ")}`);
  const validated = validateImportRecords(file.shape, file.records, catalog);
  return planImport(
    file.shape,
    file.records.length + file.rejected.length,
    { rows: validated.rows, rejected: [...file.rejected, ...validated.rejected] },
    stored,
  );
}

describe("files refused as a whole (nothing stored)", () => {
  const utf16 = (text: string, bom: boolean) => {
    const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    if (bom) bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i);
    return bytes;
  };
  const manyRows = (count: number) =>
    `${HEADER}\r\n${Array.from({ length: count }, () => ",".repeat(14)).join("\r\n")}\r\n`;

  it.each<[string, Uint8Array, RegExp]>([
    ["an empty file", new Uint8Array(), /The file is empty/],
    ["UTF-16 with a byte-order mark", utf16(`${HEADER}\r\n${row()}\r\n`, true), /UTF-16/],
    [
      "UTF-16 without a byte-order mark",
      utf16(`${HEADER}\r\n${row()}\r\n`, false),
      /NUL byte \(line 1\)/,
    ],
    [
      "Windows-1252 text",
      new Uint8Array([
        ...encode(`${HEADER}\r\n${row({ source_title: "Rsultats" })}`.slice(0, -1)),
        0xe9,
      ]),
      /not valid UTF-8 \(line 2/,
    ],
    ["a file without a header row", encode(`${row()}\r\n`), /missing columns brand, metric/],
    [
      "a header missing a column",
      encode(`${HEADER.replace(",note", "")}\r\n`),
      /missing column note/,
    ],
    ["an extra column", encode(`${HEADER},comment\r\n${row()},x\r\n`), /unexpected column comment/],
    [
      "an unnamed extra column",
      encode(`${HEADER},\r\n`),
      /unexpected column \(an unnamed column\)/,
    ],
    [
      "columns in another order",
      encode(`${HEADER.replace("brand,metric", "metric,brand")}\r\n`),
      /different order/,
    ],
    ["a repeated column", encode(`${HEADER},note\r\n`), /repeated column note/],
    ["a header and no rows", encode(`${HEADER}\r\n\r\n`), /no rows of figures/],
    [
      "an unclosed quote",
      encode(`${HEADER}\r\n${row({ quote: '"never closed' })}\r\n`),
      /not well-formed CSV/,
    ],
    [
      "more rows than allowed",
      encode(manyRows(MAX_IMPORT_ROWS + 1)),
      /50,001 rows; an import takes at most 50,000/,
    ],
    ["more bytes than allowed", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), /at most 5\.0 MB/],
  ])("refuses %s", (_name, bytes, message) => {
    const file = readImportFile(bytes);
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.problems.join(" ")).toMatch(message);
  });

  it("says why in the uploader's language: English as before, or Chinese", () => {
    const bytes = encode(`${HEADER.replace(",note", "")},comment\r\n`);
    const english = readImportFile(bytes);
    const chinese = readImportFile(bytes, "zh");
    expect(english.ok ? [] : english.problems).toEqual([
      `The header row has missing column note; unexpected column comment. It must be exactly: ${HEADER} (the long shape of an export).`,
    ]);
    expect(chinese.ok ? [] : chinese.problems).toEqual([
      `表头行缺少列 note；有多余的列 comment。表头须严格为：${HEADER}（导出文件的长表格式）。`,
    ]);
    const empty = readImportFile(new Uint8Array(), "zh");
    expect(empty.ok ? [] : empty.problems).toEqual(["文件为空。"]);
  });

  it("accepts a UTF-8 byte-order mark, as Excel writes one, and exactly the row limit", () => {
    const withBom = readImportFile(encode(`\uFEFF${HEADER}\r\n${row()}\r\n`));
    expect(withBom.ok).toBe(true);
    const limit = readImportFile(encode(manyRows(MAX_IMPORT_ROWS)));
    expect(limit.ok).toBe(true);
  });

  it("finds the first byte that breaks UTF-8, including overlong forms and surrogates", () => {
    expect(firstInvalidUtf8Byte(encode("plain 小米 📈"))).toBe(-1);
    expect(firstInvalidUtf8Byte(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Byte(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Byte(new Uint8Array([0x41, 0x42, 0xe5, 0xb0]))).toBe(2);
  });
});

describe("rows rejected one by one, with row number, column and reason", () => {
  it.each<[string, string, string, RegExp]>([
    ["a malformed quarter", row({ quarter: "2026-Q1" }), "quarter", /quarter written like 2025Q3/],
    ["an unknown brand", row({ brand: "acme" }), "brand", /"acme" is not a brand/],
    ["an unknown metric", row({ metric: "profit" }), "metric", /"profit" is not a metric/],
    ["another unit", row({ unit: "RMB m" }), "unit", /stored in RMB bn/],
    ["an ambiguous comma", row({ value: '"1,0500"' }), "value", /is ambiguous: a thousands comma/],
    ["a number as text with a unit", row({ value: "RMB 120" }), "value", /plain decimal number/],
    ["an empty value", row({ value: "" }), "value", /is required/],
    [
      "a negative count",
      row({ metric: "stores", unit: "stores", value: "-5" }),
      "value",
      /must not be negative/,
    ],
    [
      "a percentage over 100",
      row({ metric: "gross_margin", unit: "%", value: "120" }),
      "value",
      /must be at most 100 \(%\)/,
    ],
    ["an implausibly large amount", row({ value: "5000000" }), "value", /must be at most 10,000/],
    [
      "too many digits to store",
      row({ value: "1.23456789012345678" }),
      "value",
      /at most 6 digits/,
    ],
    [
      "sixteen significant digits",
      row({ metric: "stores", unit: "stores", value: "1234567890.123456" }),
      "value",
      /more than 15 significant digits/,
    ],
    [
      "no source",
      row({ source_title: "", source_url: "", source_date: "" }),
      "source_title",
      /every figure needs the source/,
    ],
    ["a non-web address", row({ source_url: "ftp://example.com/x" }), "source_url", /http/],
    ["an impossible date", row({ source_date: "2026-02-30" }), "source_date", /real calendar date/],
    [
      "an unknown qualifier",
      row({ qualifier: "roughly" }),
      "qualifier",
      /must be one of exact, approximate, at_least/,
    ],
    [
      "a missing field",
      row().replace(/,$/, ""),
      "(whole row)",
      /has 14 fields where the header has 15/,
    ],
  ])("rejects %s", (_name, line, column, message) => {
    const result = plan(`${HEADER}\r\n${row({ quarter: "2025Q4" })}\r\n${line}\r\n`);
    expect(result.rejected).toEqual([expect.objectContaining({ row: 3, column })]);
    expect(result.rejected[0]?.message).toMatch(message);
    // The good row is still planned, so the preview shows it, but nothing is confirmed with a rejection.
    expect(result.writes.map((write) => write.row)).toEqual([2]);
  });

  it("reports both rows of a duplicate pair by the later one, pointing at the first", () => {
    const result = plan(
      `${HEADER}\r\n${row()}\r\n${row({ quarter: "2026Q2" })}\r\n${row({ value: "121" })}\r\n`,
    );
    expect(result.rejected).toEqual([
      {
        row: 4,
        column: "brand, metric, quarter",
        message: expect.stringMatching(/repeats row 2/),
        code: "duplicateRow",
        params: { first: 2, columns: "brand, metric, quarter" },
      },
    ]);
    // The reason is kept as a code, so the preview says it in the reader's language.
    const [rejection = { message: "" }] = result.rejected;
    expect(rejectionText(rejection, "zh")).toBe(
      "与第 2 行重复（brand, metric, quarter 相同）；请只保留其一",
    );
    expect(rejectionText(rejection, "en")).toBe(
      "repeats row 2 (the same brand, metric, quarter); keep one of them",
    );
  });

  it("numbers rows as a spreadsheet does, counting blank lines and multi-line cells as one row each", () => {
    const multiLine = row({ quote: '"first line\nsecond line"', quarter: "2026Q2" });
    const result = plan(`${HEADER}\r\n${multiLine}\r\n\r\n${row({ quarter: "x" })}\r\n`);
    expect(result.rejected.map((problem) => problem.row)).toEqual([4]);
  });

  it("undoes the export's formula neutralization in text cells", () => {
    const result = plan(`${HEADER}\r\n${row({ source_title: '"\'=1+1"', quote: "'-2" })}\r\n`);
    expect(result.writes[0]).toMatchObject({ sourceTitle: "=1+1", quote: "-2" });
  });
});

describe("planning against stored figures", () => {
  const stored = (patch: Partial<StoredRevision>): StoredRevision => ({
    brand: "xiaomi",
    metric: "revenue",
    quarter: "2026Q1",
    revision: 1,
    isCurrent: true,
    value: 120.5,
    decimals: 1,
    qualifier: "exact",
    sourceTitle: "Q1 2026 results",
    sourceUrl: "https://example.com/q1",
    sourceDate: "2026-05-20",
    quote: null,
    note: null,
    ...patch,
  });
  const storedMap = (...revisions: StoredRevision[]) =>
    new Map([["xiaomi/revenue/2026Q1", revisions]]);

  it("adds a figure for an empty quarter as revision 1", () => {
    const result = plan(`${HEADER}\r\n${row()}\r\n`);
    expect(result.writes).toEqual([
      expect.objectContaining({
        kind: "add",
        revision: 1,
        value: 120.5,
        decimals: 1,
        before: null,
      }),
    ]);
  });

  it("leaves an identical figure with the same source alone", () => {
    const result = plan(`${HEADER}\r\n${row()}\r\n`, storedMap(stored({})));
    expect(result.writes).toEqual([]);
    expect(result.unchanged).toEqual([
      { row: 2, brand: "xiaomi", metric: "revenue", quarter: "2026Q1" },
    ]);
  });

  it("restates a different figure as the next revision and shows the old one", () => {
    const result = plan(
      `${HEADER}\r\n${row({ value: "120.50" })}\r\n`,
      storedMap(stored({ isCurrent: false }), stored({ revision: 2 })),
    );
    expect(result.writes).toEqual([
      expect.objectContaining({
        kind: "restate",
        revision: 3,
        value: 120.5,
        decimals: 2,
        before: expect.objectContaining({ revision: 2, value: 120.5, decimals: 1 }),
      }),
    ]);
  });

  it("treats a quarter whose figure was withdrawn as empty", () => {
    const result = plan(
      `${HEADER}\r\n${row()}\r\n`,
      storedMap(stored({ isCurrent: false }), stored({ revision: 2, value: null })),
    );
    expect(result.writes[0]).toMatchObject({ kind: "add", revision: 3, before: null });
  });

  describe("history files", () => {
    const history = (...lines: string[]) => `${HISTORY_HEADER}\r\n${lines.join("\r\n")}\r\n`;
    const first = row({ revision: "1", status: "superseded", value: "118.0" });
    const second = row({ revision: "2", status: "current", restated: "true" });

    it("replays every revision of a new figure in order", () => {
      const result = plan(history(first, second));
      expect(result.rejected).toEqual([]);
      expect(result.writes.map((write) => [write.kind, write.revision, write.value])).toEqual([
        ["add", 1, 118],
        ["restate", 2, 120.5],
      ]);
    });

    it("replays a withdrawal as an empty value", () => {
      const withdrawn = row({
        revision: "2",
        status: "current",
        value: "",
        source_title: "",
        source_url: "",
        source_date: "",
      });
      const result = plan(history(row({ revision: "1", status: "superseded" }), withdrawn));
      expect(result.rejected).toEqual([]);
      expect(result.writes[1]).toMatchObject({ kind: "withdraw", value: null, sourceTitle: null });
    });

    it("skips revisions already stored with the same content and appends the rest", () => {
      const result = plan(history(first, second), storedMap(stored({ value: 118, decimals: 1 })));
      expect(result.unchanged.map((entry) => entry.row)).toEqual([2]);
      expect(result.writes).toEqual([expect.objectContaining({ revision: 2, kind: "restate" })]);
    });

    it.each<[string, string, Map<string, StoredRevision[]>, string, RegExp]>([
      [
        "a stored revision with other content",
        history(first, second),
        storedMap(stored({ value: 117, decimals: 0 })),
        "revision",
        /already stored with different content/,
      ],
      [
        "a file starting past revision 1",
        history(second),
        new Map(),
        "revision",
        /must start at revision 1/,
      ],
      [
        "a hole in the numbering",
        history(first, row({ revision: "3", status: "current" })),
        new Map(),
        "revision",
        /next revision of this figure is 2/,
      ],
      [
        "an old export whose current revision has been superseded",
        history(row({ revision: "1", status: "current" })),
        storedMap(stored({ isCurrent: false }), stored({ revision: 2, value: 121 })),
        "status",
        /revision 2 of this figure is the current one/,
      ],
      [
        "two current revisions",
        history(row({ revision: "1", status: "current" }), second),
        new Map(),
        "status",
        /is the current one/,
      ],
      ["revisions out of order", history(second, first), new Map(), "revision", /oldest first/],
      [
        "a revision that is not a number",
        history(row({ revision: "two", status: "current" })),
        new Map(),
        "revision",
        /revision number/,
      ],
      [
        "an unknown status",
        history(row({ revision: "1", status: "latest" })),
        new Map(),
        "status",
        /current, superseded/,
      ],
    ])("rejects %s", (_name, text, storedRevisions, column, message) => {
      const result = plan(text, storedRevisions);
      expect(result.rejected.length).toBeGreaterThan(0);
      expect(
        result.rejected.some(
          (problem) => problem.column === column && message.test(problem.message),
        ),
      ).toBe(true);
      expect(result.writes).toEqual([]);
    });
  });
});

describe("an export with Chinese column names (lang=zh)", () => {
  it("keeps English names by default and re-imports a Chinese-headed file as the same rows", () => {
    expect(localizedHeader(longHeader(false), "en")).toEqual(longHeader(false));
    const chineseHeader = localizedHeader(longHeader(true), "zh");
    expect(chineseHeader.slice(0, 6)).toEqual(["品牌", "指标", "指标名称", "单位", "季度", "数值"]);
    const english = readImportFile(encode(`${HEADER}\r\n${row()}\r\n`));
    const chinese = readImportFile(
      encode(`${localizedHeader(LONG_COLUMNS, "zh").join(",")}\r\n${row()}\r\n`),
    );
    expect(chinese).toEqual(english);
    expect(chinese.ok && chinese.shape).toBe("long");
    const history = readImportFile(
      encode(`${chineseHeader.join(",")}\r\n${row()},1,current,,,,\r\n`),
    );
    expect(history.ok && history.shape).toBe("history");
  });
});

describe("what the preview says about a row", () => {
  it("reads a quarter written as the app displays it (Q4 2025) as 2025Q4", () => {
    const result = plan(`${HEADER}\r\n${row({ quarter: "Q4 2025" })}\r\n`);
    expect(result.rejected).toEqual([]);
    expect(result.writes.map((write) => write.quarter)).toEqual(["2025Q4"]);
  });

  it("names the refused value with its row and column", () => {
    const result = plan(`${HEADER}\r\n${row({ quarter: "2025-Q4" })}\r\n`);
    expect(result.rejected).toEqual([
      expect.objectContaining({ row: 2, column: "quarter", value: "2025-Q4" }),
    ]);
  });
});

describe("unusual changes: the quarter form's extreme-YoY rule applied to an import", () => {
  const kinds = new Map(catalog.metrics.map((entry) => [entry.key, entry.kind]));
  const storedFigure = (
    metricKey: string,
    quarter: string,
    value: number,
    decimals = 1,
  ): [string, StoredRevision[]] => [
    `xiaomi/${metricKey}/${quarter}`,
    [
      {
        brand: "xiaomi",
        metric: metricKey,
        quarter: quarter as StoredRevision["quarter"],
        revision: 1,
        isCurrent: true,
        value,
        decimals,
        qualifier: "exact",
        sourceTitle: "Stored",
        sourceUrl: null,
        sourceDate: null,
        quote: null,
        note: null,
      },
    ],
  ];
  function planWithKinds(text: string, stored: Map<string, StoredRevision[]>) {
    const file = readImportFile(encode(text));
    if (!file.ok) throw new Error(`file refused: ${file.problems.join(" ")}`);
    const validated = validateImportRecords(file.shape, file.records, catalog);
    return planImport(file.shape, file.records.length, validated, stored, kinds);
  }

  it("flags a +107% YoY against the stored year-ago quarter, with the computed change", () => {
    const result = planWithKinds(
      `${HEADER}\r\n${row({ quarter: "2026Q1", value: "207.0" })}\r\n`,
      new Map([storedFigure("revenue", "2025Q1", 100.0)]),
    );
    expect(result.unusual).toHaveLength(1);
    expect(result.unusual?.[0]).toMatchObject({
      row: 2,
      metric: "revenue",
      quarter: "2026Q1",
      baseQuarter: "2025Q1",
      base: { value: 100 },
      next: { value: 207 },
      unitSlip: false,
    });
    const change = result.unusual?.[0]?.change;
    expect(change?.kind === "relative" ? change.pct : null).toBeCloseTo(107, 9);
  });

  it("uses the thresholds of the form: 60% is not extreme, a tenfold jump is a unit slip", () => {
    const stored = new Map([storedFigure("revenue", "2025Q1", 100.0)]);
    expect(
      planWithKinds(`${HEADER}\r\n${row({ quarter: "2026Q1", value: "160.0" })}\r\n`, stored)
        .unusual,
    ).toEqual([]);
    const slip = planWithKinds(
      `${HEADER}\r\n${row({ quarter: "2026Q1", value: "1000.0" })}\r\n`,
      stored,
    ).unusual;
    expect(slip?.[0]?.unitSlip).toBe(true);
  });

  it("compares a ratio in points: +21 pp is extreme, +20 pp is not", () => {
    const stored = new Map([storedFigure("gross_margin", "2025Q1", 10.0)]);
    const margin = (value: string) =>
      planWithKinds(
        `${HEADER}\r\n${row({ metric: "gross_margin", unit: "%", quarter: "2026Q1", value })}\r\n`,
        stored,
      ).unusual ?? [];
    expect(margin("30.0")).toEqual([]);
    expect(margin("31.0").map((item) => item.change)).toEqual([
      { kind: "points", pp: 21, approximate: false },
    ]);
  });

  it("takes the year-ago figure from the file itself when the file has it", () => {
    // Stored 2025Q1 is 100; the file restates it to 150 and adds 2026Q1 at 160 (+6.7%).
    const result = planWithKinds(
      `${HEADER}\r\n${row({ quarter: "2025Q1", value: "150.0" })}\r\n${row({ quarter: "2026Q1", value: "160.0" })}\r\n`,
      new Map([storedFigure("revenue", "2025Q1", 100.0)]),
    );
    expect(result.unusual).toEqual([]);
  });

  it("has nothing to compare without a year-ago figure: a gap is not a base", () => {
    expect(
      planWithKinds(`${HEADER}\r\n${row({ quarter: "2026Q1", value: "999.0" })}\r\n`, new Map())
        .unusual,
    ).toEqual([]);
  });
});
