import { escapeXml } from "./atom-feed";
import type { Locale } from "./locale";

/**
 * A chart taken away as a file (PNG or SVG) must still say what it shows: the title, the unit,
 * the quarter range, the sources and the day it was made. The browser serialises the rendered
 * chart with its colours inlined; this module wraps that markup into one standalone SVG document
 * and names the file. Pure, so that both are unit-tested without a browser.
 */

/** What the server knows about a chart; passed to the download buttons as a prop. */
export interface ChartImageMeta {
  /** "Xiaomi: Total revenue". */
  title: string;
  unit: string;
  /** "Q1 2023 to Q3 2025" (or fiscal years). */
  range: string;
  /** Distinct source titles of the figures drawn, in the order first seen. */
  sources: readonly string[];
  /** The server's today (lib/clock.ts), YYYY-MM-DD: PULSE_CLOCK pins it in tests. */
  date: string;
  /** The file name without its extension (chartFileBase). */
  fileBase: string;
  /** The page's language: the image's own words (the source line, "Made") follow it. */
  locale?: Locale;
}

/** Colours read from the page's current theme, so the file looks like the chart did. */
export interface ChartImageColors {
  background: string;
  ink: string;
  muted: string;
}

export interface ChartLegendItem {
  label: string;
  /** A small standalone <svg> of the legend's swatch, colours inlined; empty for none. */
  iconMarkup: string;
}

export interface ChartImageInput {
  meta: ChartImageMeta;
  colors: ChartImageColors;
  fontFamily: string;
  legend: readonly ChartLegendItem[];
  /** The chart's inner markup (children of its <svg>), colours inlined. */
  chartMarkup: string;
  chartWidth: number;
  chartHeight: number;
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const SOURCE_SIZE = 11;
const LEGEND_SIZE = 12;
const LINE_GAP = 1.4;
/** Average advance of a character in the sans-serif stack, in ems: enough to wrap, not to kern. */
const CHAR_EM = 0.56;
/** CJK ideographs are a full em wide. */
const WIDE_CHAR =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u;

function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE_CHAR.test(char) ? 1 : CHAR_EM;
  return ems * fontSize;
}

/** Greedy word wrap (CJK text may break between any two characters). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const tokens =
    text.match(
      /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff]+|\s+/gu,
    ) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    const candidate = line + token;
    if (line.trim() !== "" && textWidth(candidate.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

/**
 * "Source: Pulse, A; B": Pulse collected the figures, the publishers are the sources (their
 * titles as published); in Chinese "来源：Pulse，A；B".
 */
export function sourceLine(sources: readonly string[], locale: Locale = "en"): string {
  const named = [...new Set(sources.map((source) => source.trim()).filter(Boolean))];
  if (locale === "zh")
    return named.length === 0 ? "来源：Pulse" : `来源：Pulse，${named.join("；")}`;
  return named.length === 0 ? "Source: Pulse" : `Source: Pulse, ${named.join("; ")}`;
}

/** The image's title, "Xiaomi: Revenue (RMB bn)"; a Chinese title takes full-width brackets. */
function titleText(meta: ChartImageMeta): string {
  return meta.locale === "zh" ? `${meta.title}（${meta.unit}）` : `${meta.title} (${meta.unit})`;
}

/**
 * `xiaomi-revenue-2023Q1-2025Q3`: the brands, the metrics and the range, as the CSV export
 * names its files (lib/csv/export-format.ts), so a chart and its data sort together.
 */
export function chartFileBase(options: {
  brands: readonly string[];
  metrics: readonly string[];
  from: string;
  to: string;
}): string {
  const metricPart =
    options.metrics.length <= 3 ? options.metrics.join("-") : `${options.metrics.length}-metrics`;
  const brandPart =
    options.brands.length <= 3 ? options.brands.join("-") : `${options.brands.length}-brands`;
  const range = options.from === options.to ? options.from : `${options.from}-${options.to}`;
  return [brandPart, metricPart, range]
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9_.-]/g, "_");
}

export function chartFileName(base: string, format: "png" | "svg"): string {
  return `${base}.${format}`;
}

function textElement(
  lines: readonly string[],
  x: number,
  firstBaseline: number,
  size: number,
  fill: string,
  weight?: string,
): string {
  return lines
    .map(
      (line, index) =>
        `<text x="${x}" y="${round(firstBaseline + index * size * LINE_GAP)}" font-size="${size}"${weight ? ` font-weight="${weight}"` : ""} fill="${escapeXml(fill)}">${escapeXml(line)}</text>`,
    )
    .join("\n");
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The standalone SVG document: header (title, unit, range, date), legend, chart, sources. */
export function buildChartImage(input: ChartImageInput): ChartImage {
  const { meta, colors, legend } = input;
  if (!(input.chartWidth > 0 && input.chartHeight > 0)) {
    throw new RangeError("The chart has no size yet: nothing to draw");
  }
  const width = Math.ceil(input.chartWidth + 2 * PAD);
  const inner = width - 2 * PAD;
  const zh = meta.locale === "zh";
  const title = wrapText(titleText(meta), inner, TITLE_SIZE);
  const subtitle = wrapText(
    zh ? `${meta.range}。制图日期：${meta.date}。` : `${meta.range}. Made ${meta.date}.`,
    inner,
    TEXT_SIZE,
  );
  const sources = wrapText(sourceLine(meta.sources, meta.locale), inner, SOURCE_SIZE);

  const parts: string[] = [];
  let y = PAD + TITLE_SIZE;
  parts.push(textElement(title, PAD, y, TITLE_SIZE, colors.ink, "600"));
  y += (title.length - 1) * TITLE_SIZE * LINE_GAP + TEXT_SIZE * LINE_GAP;
  parts.push(textElement(subtitle, PAD, y, TEXT_SIZE, colors.muted));
  y += (subtitle.length - 1) * TEXT_SIZE * LINE_GAP;

  if (legend.length > 0) {
    y += LEGEND_SIZE * LINE_GAP + 4;
    let x = PAD;
    const icon = LEGEND_SIZE;
    for (const item of legend) {
      const itemWidth = icon + 6 + textWidth(item.label, LEGEND_SIZE) + 16;
      if (x > PAD && x + itemWidth > PAD + inner) {
        x = PAD;
        y += LEGEND_SIZE * LINE_GAP;
      }
      if (item.iconMarkup) {
        parts.push(
          `<g transform="translate(${round(x)} ${round(y - icon + 2)})">${item.iconMarkup.replace(/<svg\b[^>]*>/, `<svg width="${icon}" height="${icon}" viewBox="0 0 32 32">`)}</g>`,
        );
      }
      parts.push(textElement([item.label], x + icon + 6, y, LEGEND_SIZE, colors.ink));
      x += itemWidth;
    }
  }

  const chartTop = Math.ceil(y + 10);
  parts.push(
    `<svg x="${PAD}" y="${chartTop}" width="${input.chartWidth}" height="${input.chartHeight}" viewBox="0 0 ${input.chartWidth} ${input.chartHeight}" overflow="visible">${input.chartMarkup}</svg>`,
  );
  const sourcesTop = chartTop + input.chartHeight + 8 + SOURCE_SIZE;
  parts.push(textElement(sources, PAD, sourcesTop, SOURCE_SIZE, colors.muted));
  const height = Math.ceil(sourcesTop + (sources.length - 1) * SOURCE_SIZE * LINE_GAP + PAD);

  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(input.fontFamily)}">`,
    `<title>${escapeXml(`${titleText(meta)}${zh ? "，" : ", "}${meta.range}`)}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXml(colors.background)}"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
  return { svg, width, height };
}
