import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { longHeader } from "@/lib/csv/export-format";
import { roundPercent } from "@/lib/domain/decimal-math";
import { roundTo } from "@/lib/domain/format";
import { decimalsOf } from "@/lib/domain/kpi";
import { type QuarterCode, quarterEndDate, quarterFromIndex } from "@/lib/domain/quarter";
import { seriesRows } from "@/lib/domain/series-view";
import { EXPORT_BATCH_SIZE } from "@/lib/queries/export-observations";
import { listBrandSeries } from "@/lib/queries/series";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { resetDbClients } from "../support/db-clients";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const exportOf = (query: string) => GET(new Request(`http://test/api/export?${query}`));
const rowsOf = async (response: Response): Promise<Record<string, string>[]> =>
  parse(await response.text(), { columns: true, bom: true });

describe("GET /api/export on the seeded data", () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    await resetDbClients();
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
  });

  afterAll(async () => {
    await resetDbClients();
    await testDb.remove();
  });

  it("names the file after what it holds and sends CSV as an attachment", async () => {
    const response = await exportOf(
      "brand=xiaomi&metrics=revenue&from=2023Q1&to=2025Q3&format=long",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="pulse-xiaomi-revenue-2023Q1-2025Q3-long-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
  });

  it("writes the same figures, decimals, sources and YoY as the metric page shows", async () => {
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    if (!series) throw new Error("no revenue series");
    const expected = seriesRows(series).filter((row) => row.point.quarter >= "2023Q1");
    const rows = await rowsOf(await exportOf("brand=xiaomi&metrics=revenue&from=2023Q1"));
    expect(rows.map((row) => row.quarter)).toEqual(expected.map((row) => row.point.quarter));
    rows.forEach((row, index) => {
      const page = expected[index];
      if (!page) throw new Error("row count differs");
      expect(Number(row.value)).toBe(page.point.value);
      expect(decimalsOf(row.value ?? "")).toBe(page.point.decimals);
      expect(row.source_title).toBe(page.point.source.title);
      expect(row.source_url).toBe(page.point.source.url ?? "");
      const yoy = page.yoy?.kind === "relative" ? page.yoy.pct : null;
      // The export rounds a computed percentage to the documented precision (PERCENT_DECIMALS).
      expect(row.yoy_pct === "" ? null : Number(row.yoy_pct)).toBe(
        yoy === null ? null : roundPercent(yoy),
      );
    });
    // The range's first quarter still has its YoY against the year before the range.
    expect(rows[0]?.yoy_pct).not.toBe("");
  });

  it("writes the QoQ and trailing twelve months the metric page shows, and each period's end", async () => {
    for (const key of ["revenue", "smartphone_gross_margin", "retail_stores"]) {
      const [series] = await listBrandSeries("xiaomi", { metricKeys: [key] });
      if (!series) throw new Error(`no ${key} series`);
      const page = new Map(seriesRows(series).map((row) => [row.point.quarter, row]));
      const rows = await rowsOf(await exportOf(`brand=xiaomi&metrics=${key}`));
      expect(rows.length).toBe(page.size);
      for (const row of rows) {
        const shown = page.get(row.quarter as QuarterCode);
        if (!shown) throw new Error(`${key} ${row.quarter} not on the page`);
        const qoq = shown.qoq;
        expect(row.qoq_pct === "" ? null : Number(row.qoq_pct)).toBe(
          qoq?.kind === "relative" && qoq.pct !== null ? roundPercent(qoq.pct) : null,
        );
        expect(row.qoq_pp === "" ? null : Number(row.qoq_pp)).toBe(
          qoq?.kind === "points" ? roundTo(qoq.pp, 6) : null,
        );
        // The page shows TTM for flows only, and only with all four quarters: else empty.
        expect(row.ttm === "" ? null : Number(row.ttm)).toBe(
          shown.ttm === null ? null : roundTo(shown.ttm, 6),
        );
        expect(row.period_end).toBe(quarterEndDate(row.quarter as QuarterCode));
      }
      if (series.metric.kind === "flow") {
        expect(rows.some((row) => row.ttm !== "")).toBe(true);
      } else {
        expect(rows.every((row) => row.ttm === "")).toBe(true);
      }
    }
  });

  it("writes a wide file with quarters across holding the long file's figures, gaps empty", async () => {
    const query = "brand=xiaomi&metrics=revenue,retail_stores";
    const long = await rowsOf(await exportOf(query));
    const response = await exportOf(`${query}&format=wide&across=quarters`);
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="pulse-xiaomi-revenue-retail_stores-all-quarters-wide-quarters-across-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = await response.text();
    const header = text.split("\r\n")[0]?.split(",") ?? [];
    const quarters = header.slice(4, -1);
    const stored = long.map((row) => row.quarter).sort();
    // Every quarter from the first stored to the last, gaps included, in order.
    expect(quarters[0]).toBe(stored[0]);
    expect(quarters.at(-1)).toBe(stored.at(-1));
    expect(new Set(quarters).size).toBe(quarters.length);
    const across: Record<string, string>[] = parse(text, { columns: true });
    expect(across.map((row) => row.metric)).toEqual(["revenue", "retail_stores"]);
    for (const row of across) {
      for (const quarter of quarters) {
        const figure = long.find(
          (entry) => entry.metric === row.metric && entry.quarter === quarter,
        );
        expect(row[quarter]).toBe(figure?.value ?? "");
      }
    }

    const ranged = await rowsOf(
      await exportOf(`${query}&format=wide&across=quarters&from=2024Q1&to=2024Q4`),
    );
    expect(Object.keys(ranged[0] ?? {})).toEqual([
      "brand",
      "metric",
      "metric_label",
      "unit",
      "2024Q1",
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "qualifiers",
    ]);
  });

  it("names a wide file's fixed columns in Chinese with lang=zh, metric keys and quarter codes as they are", async () => {
    const query = "brand=xiaomi&metrics=revenue,retail_stores&from=2024Q1&to=2024Q2&format=wide";
    const english = await (await exportOf(query)).text();
    const chinese = await (await exportOf(`${query}&lang=zh`)).text();
    const [englishHeader, ...englishBody] = english.split("\r\n");
    const [chineseHeader, ...chineseBody] = chinese.split("\r\n");
    expect(englishHeader).toBe("brand,quarter,revenue (RMB bn),retail_stores (stores),qualifiers");
    expect(chineseHeader).toBe("品牌,季度,revenue (RMB bn),retail_stores (stores),限定说明");
    expect(chineseBody).toEqual(englishBody);

    const acrossQuery = `${query}&across=quarters`;
    const across = await (await exportOf(`${acrossQuery}&lang=zh`)).text();
    const [acrossHeader, ...acrossBody] = across.split("\r\n");
    expect(acrossHeader).toBe("品牌,指标,指标名称,单位,2024Q1,2024Q2,限定说明");
    expect(acrossBody).toEqual((await (await exportOf(acrossQuery)).text()).split("\r\n").slice(1));

    const refused = await exportOf(`${query}&lang=fr`);
    expect(refused.status).toBe(400);
  });

  it("marks a restated figure and, with history, writes the superseded revision before it", async () => {
    const current = await rowsOf(await exportOf("brand=xiaomi&metrics=retail_stores"));
    expect(current.find((row) => row.quarter === "2024Q3")).toMatchObject({
      restated: "true",
      value: "15000",
    });
    const history = await rowsOf(await exportOf("brand=xiaomi&metrics=retail_stores&history=1"));
    expect(
      history.filter((row) => row.quarter === "2024Q3").map((row) => [row.value, row.status]),
    ).toEqual([
      ["14000", "superseded"],
      ["15000", "current"],
    ]);
  });

  it.each([
    ["metrics=revenue,nope", /^metrics: has no metric "nope"/],
    ["brand=acme", /^brand: has no brand "acme"/],
    ["from=2023-Q1", /^from: must be a quarter written like 2025Q3/],
    ["from=2025Q3&to=2023Q1", /^from: must not be after `to`/],
    ["format=xlsx", /^format: must be one of long, wide/],
    ["metric=revenue", /^metric: is not a parameter/],
  ])("answers %s with a 400 naming the parameter", async (query, message) => {
    const response = await exportOf(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(message);
  });
});

describe("GET /api/export over more rows than one batch", () => {
  let testDb: TestDatabase;
  const QUARTERS = 400;
  const METRICS = 6;
  const REVISIONS = EXPORT_BATCH_SIZE + 150;

  beforeAll(async () => {
    await resetDbClients();
    testDb = await createTestDatabase();
    await testDb.exec(`INSERT INTO "Brand" (slug, name, currency, description) VALUES ('big', 'Big', 'CNY', 'Synthetic.');
                       INSERT INTO "Source" (fingerprint, title) VALUES ('s', 'Synthetic source');`);
    // Metric ids run against catalog positions, so output order must follow positions, not ids.
    for (let m = 0; m < METRICS; m++) {
      await testDb.query(
        `INSERT INTO "Metric" (key, label, unit, kind, "higherIsBetter", definition, position) VALUES ($1, $2, 'stores', 'stock', true, 'Synthetic.', $3)`,
        [`m${m}`, `Metric ${m}`, METRICS - m],
      );
    }
    const rows: string[] = [];
    const row = (
      metric: number,
      quarter: string,
      revision: number,
      current: boolean,
      value: number,
    ) =>
      rows.push(
        `(1, ${metric}, '${quarter}', ${revision}, ${current}, ${value}, 0, 'exact', 1, 'test')`,
      );
    for (let m = 1; m <= METRICS; m++) {
      for (let q = 0; q < QUARTERS; q++)
        row(m, quarterFromIndex(2000 * 4 + q), 1, true, m * 1000 + q);
    }
    // One figure restated more times than a batch holds, so a batch boundary falls inside it.
    const restated = "2050Q1";
    const index = rows.findIndex((text) => text.startsWith(`(1, 1, '${restated}'`));
    rows[index] = (rows[index] ?? "").replace(", true,", ", false,");
    for (let r = 2; r <= REVISIONS; r++) row(1, restated, r, r === REVISIONS, r);
    await testDb.exec(
      `INSERT INTO "Observation" ("brandId", "metricId", quarter, revision, "isCurrent", value, decimals, qualifier, "sourceId", "createdBy") VALUES ${rows.join(",\n")}`,
    );
  });

  afterAll(async () => {
    await resetDbClients();
    await testDb.remove();
  });

  it("sends the header before reading any figure", async () => {
    const response = await exportOf("brand=big");
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe(`${longHeader(false).join(",")}\r\n`);
    await reader?.cancel();
  });

  it("writes every current figure once, in catalog order and quarter order, across batch boundaries", async () => {
    const rows = await rowsOf(await exportOf("brand=big"));
    expect(rows).toHaveLength(QUARTERS * METRICS);
    const expectedMetrics = Array.from({ length: METRICS }, (_, m) => `m${METRICS - 1 - m}`);
    expect([...new Set(rows.map((row) => row.metric))]).toEqual(expectedMetrics);
    const m5 = rows.filter((row) => row.metric === "m5").map((row) => row.quarter);
    expect(m5).toEqual(Array.from({ length: QUARTERS }, (_, q) => quarterFromIndex(2000 * 4 + q)));
  });

  it("writes every revision once and in order when one figure has more revisions than a batch", async () => {
    const rows = await rowsOf(
      await exportOf("brand=big&metrics=m0&history=1&from=2050Q1&to=2050Q1"),
    );
    expect(rows.map((row) => Number(row.revision))).toEqual(
      Array.from({ length: REVISIONS }, (_, r) => r + 1),
    );
    expect(rows.filter((row) => row.status === "current").map((row) => row.revision)).toEqual([
      String(REVISIONS),
    ]);
  });

  it("gives two exports read at the same time each the whole file", async () => {
    const alone = await (await exportOf("brand=big&history=1")).text();
    // Both streams share the export's connection and statements; read them interleaved.
    const [a, b] = await Promise.all([
      exportOf("brand=big&history=1"),
      exportOf("brand=big&history=1"),
    ]);
    const streams = [a, b].map((response) => ({
      reader: response.body?.getReader(),
      decoder: new TextDecoder(),
      text: "",
      done: false,
    }));
    while (streams.some((stream) => !stream.done)) {
      for (const stream of streams.filter((candidate) => !candidate.done)) {
        const chunk = await stream.reader?.read();
        if (!chunk || chunk.done) stream.done = true;
        else stream.text += stream.decoder.decode(chunk.value, { stream: true });
      }
    }
    expect(streams.map((stream) => stream.text)).toEqual([alone, alone]);
    expect(parse(alone, { columns: true })).toHaveLength(QUARTERS * METRICS + REVISIONS - 1);
  });

  it("fills a wide row per quarter across batch boundaries", async () => {
    const rows = await rowsOf(await exportOf("brand=big&format=wide"));
    expect(rows).toHaveLength(QUARTERS);
    expect(rows.every((row) => Object.values(row).filter((cell) => cell === "").length === 1)).toBe(
      true,
    );
    expect(rows.at(-1)).toMatchObject({
      quarter: "2099Q4",
      "m0 (stores)": String(1000 + QUARTERS - 1),
    });
  });
});
