import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  buildChartImage,
  type ChartImageInput,
  chartFileBase,
  chartFileName,
  sourceLine,
  wrapText,
} from "@/lib/domain/chart-image";

const input: ChartImageInput = {
  meta: {
    title: "Xiaomi: Total revenue",
    unit: "RMB bn",
    range: "Q1 2023 to Q3 2025",
    sources: [
      "Xiaomi Q3 2025 results",
      "小米集团公布2025年第二季度业绩 <官方>",
      "Xiaomi Q3 2025 results",
    ],
    date: "2026-11-27",
    fileBase: "xiaomi-revenue-2023Q1-2025Q3",
  },
  colors: { background: "rgb(23, 28, 35)", ink: "rgb(230, 233, 238)", muted: "#a3adb9" },
  fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
  legend: [
    {
      label: "Total revenue (RMB bn)",
      iconMarkup:
        '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 32 32"><path d="M0,4h32v24h-32z" fill="rgb(1, 2, 3)"/></svg>',
    },
    { label: "YoY growth (%)", iconMarkup: "" },
  ],
  chartMarkup: '<rect x="1" y="2" width="30" height="40" style="fill: rgb(47, 111, 178);"/>',
  chartWidth: 800,
  chartHeight: 380,
};

function texts(svg: string): string[] {
  const parsed = new XMLParser({
    ignoreAttributes: true,
    isArray: (name) => name === "text",
  }).parse(svg);
  return (parsed.svg.text as unknown[]).map(String);
}

describe("buildChartImage", () => {
  it("writes its own words in the page's language: Chinese title brackets, date and source line", () => {
    const image = buildChartImage({
      ...input,
      meta: {
        ...input.meta,
        title: "小米：总收入",
        unit: "亿元",
        range: "季度柱状图，2023年Q1 至 2025年Q3",
        locale: "zh",
      },
    });
    expect(XMLValidator.validate(image.svg)).toBe(true);
    const lines = texts(image.svg);
    expect(lines[0]).toBe("小米：总收入（亿元）");
    expect(lines).toContain("季度柱状图，2023年Q1 至 2025年Q3。制图日期：2026-11-27。");
    expect(lines.join("")).toContain(
      "来源：Pulse，Xiaomi Q3 2025 results；小米集团公布2025年第二季度业绩 <官方>",
    );
    expect(sourceLine([], "zh")).toBe("来源：Pulse");
  });

  it("is one well-formed SVG document carrying title, unit, range, date and sources", () => {
    const image = buildChartImage(input);
    expect(XMLValidator.validate(image.svg)).toBe(true);
    const lines = texts(image.svg);
    expect(lines[0]).toBe("Xiaomi: Total revenue (RMB bn)");
    expect(lines).toContain("Q1 2023 to Q3 2025. Made 2026-11-27.");
    // A repeated source is named once; markup in a title is text, not markup.
    const sources = lines.filter((line) => !lines.slice(0, 4).includes(line)).join(" ");
    expect(sources).toContain(
      "Source: Pulse, Xiaomi Q3 2025 results; 小米集团公布2025年第二季度业绩 <官方>",
    );
    expect(image.svg).toContain("&lt;官方&gt;");
  });

  it("keeps the chart at its on-screen size and adds the header and footer around it", () => {
    const image = buildChartImage(input);
    expect(image.width).toBe(800 + 32);
    expect(image.height).toBeGreaterThan(380 + 60);
    expect(image.svg).toContain(`width="${image.width}" height="${image.height}"`);
    expect(image.svg).toMatch(/<svg x="16" y="\d+" width="800" height="380" viewBox="0 0 800 380"/);
    expect(image.svg).toContain('style="fill: rgb(47, 111, 178);"');
  });

  it("paints the theme's background and ink, not the light defaults", () => {
    const image = buildChartImage(input);
    expect(image.svg).toContain('<rect width="100%" height="100%" fill="rgb(23, 28, 35)"/>');
    expect(image.svg).toMatch(/font-weight="600" fill="rgb\(230, 233, 238\)"/);
  });

  it("draws the legend with its swatches resized into the header", () => {
    const image = buildChartImage(input);
    expect(texts(image.svg)).toEqual(
      expect.arrayContaining(["Total revenue (RMB bn)", "YoY growth (%)"]),
    );
    expect(image.svg).toContain('<svg width="12" height="12" viewBox="0 0 32 32">');
  });

  it("refuses a chart that has not been laid out", () => {
    expect(() => buildChartImage({ ...input, chartWidth: 0 })).toThrow(/no size/);
  });

  it("wraps a long source line instead of running off the image", () => {
    const many = Array.from(
      { length: 12 },
      (_, index) => `Quarterly results announcement ${index}`,
    );
    const image = buildChartImage({ ...input, meta: { ...input.meta, sources: many } });
    const sourceLines = texts(image.svg).filter(
      (line) => line.startsWith("Source:") || line.startsWith("Quarterly") || /^\d/.test(line),
    );
    expect(sourceLines.length).toBeGreaterThan(1);
    expect(texts(image.svg).join(" ")).toContain("Quarterly results announcement 11");
  });
});

describe("wrapText", () => {
  it("breaks between words, and between CJK characters where there are no spaces", () => {
    expect(wrapText("one two three four", 50, 10)).toEqual(["one two", "three", "four"]);
    const cjk = wrapText("小米集团公布业绩小米集团公布业绩", 80, 10);
    expect(cjk).toEqual(["小米集团公布业绩", "小米集团公布业绩"]);
  });
});

describe("sourceLine", () => {
  it("says Pulse alone when no figure names a source", () => {
    expect(sourceLine([])).toBe("Source: Pulse");
    expect(sourceLine(["  ", "A"])).toBe("Source: Pulse, A");
  });
});

describe("chartFileBase and chartFileName", () => {
  it("names brand, metric and range like the CSV export", () => {
    const base = chartFileBase({
      brands: ["xiaomi"],
      metrics: ["revenue"],
      from: "2023Q1",
      to: "2025Q3",
    });
    expect(chartFileName(base, "png")).toBe("xiaomi-revenue-2023Q1-2025Q3.png");
    expect(chartFileName(base, "svg")).toBe("xiaomi-revenue-2023Q1-2025Q3.svg");
  });

  it("counts many brands or metrics, and keeps a name safe whatever it is given", () => {
    expect(
      chartFileBase({
        brands: ["xiaomi", "li-auto"],
        metrics: ["a", "b", "c", "d"],
        from: "2024Q1",
        to: "2024Q1",
      }),
    ).toBe("xiaomi-li-auto-4-metrics-2024Q1");
    expect(
      chartFileBase({ brands: ["x/../y"], metrics: ["m n"], from: "FY2023", to: "FY2025" }),
    ).toBe("x_.._y-m_n-FY2023-FY2025");
  });
});
