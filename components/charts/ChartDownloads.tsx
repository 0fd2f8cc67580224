"use client";

import { type ReactNode, useRef, useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import {
  buildChartImage,
  type ChartImage,
  type ChartImageMeta,
  type ChartLegendItem,
  chartFileName,
} from "@/lib/domain/chart-image";
import type { ChartText } from "./chart-text";

/** The buttons' words (the ChartDownloads namespace), handed down by the server parent. */
export type ChartDownloadsText = ChartText<"group" | "png" | "svg" | "failed">;

/** The PNG is drawn at twice the on-screen size, so that it stays sharp on a slide. */
const PNG_SCALE = 2;

/**
 * SVG properties a stylesheet or a var() may set; each is written into the copy as the browser
 * computed it, so the file renders outside the page in the theme it was taken in. Only where it
 * differs from the parent's (inheritance does the rest), or the file would be mostly styles.
 */
const INHERITED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "stroke-dasharray",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;
/** Not inherited: written only when not the initial value. */
const OWN = { opacity: "1", display: "inline" } as const;

function inlineComputedStyles(original: Element, copy: Element) {
  const originals = [original, ...original.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((element, index) => {
    const target = copies[index];
    if (!target) return;
    const computed = getComputedStyle(element);
    const parent =
      index > 0 && element.parentElement ? getComputedStyle(element.parentElement) : null;
    const declarations: string[] = [];
    for (const name of INHERITED) {
      const value = computed.getPropertyValue(name);
      // A presentation attribute naming a custom property means nothing outside the page.
      if (target.getAttribute(name)?.includes("var(")) target.setAttribute(name, value);
      if (parent === null || parent.getPropertyValue(name) !== value) {
        declarations.push(`${name}: ${value}`);
      }
    }
    for (const [name, initial] of Object.entries(OWN)) {
      const value = computed.getPropertyValue(name);
      if (value !== initial) declarations.push(`${name}: ${value}`);
    }
    if (declarations.length > 0) target.setAttribute("style", declarations.join("; "));
    else target.removeAttribute("style");
    // Focus and hover hooks mean nothing in a file.
    for (const name of ["tabindex", "role", "aria-label", "aria-describedby"]) {
      target.removeAttribute(name);
    }
  });
}

function serializedWithStyles(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, copy);
  return new XMLSerializer().serializeToString(copy);
}

function chartSvg(scope: HTMLElement): SVGSVGElement | null {
  // Recharts' legend icons are svg.recharts-surface too; the chart is the wrapper's own child.
  return (
    scope.querySelector<SVGSVGElement>(".recharts-wrapper > svg") ??
    scope.querySelector<SVGSVGElement>("figure svg")
  );
}

function legendItems(scope: HTMLElement): ChartLegendItem[] {
  return [...scope.querySelectorAll<HTMLElement>(".recharts-legend-item")].map((item) => {
    const icon = item.querySelector<SVGSVGElement>("svg");
    return {
      label:
        item.querySelector(".recharts-legend-item-text")?.textContent ?? item.textContent ?? "",
      iconMarkup: icon ? serializedWithStyles(icon) : "",
    };
  });
}

function snapshot(scope: HTMLElement, meta: ChartImageMeta): ChartImage {
  const svg = chartSvg(scope);
  if (!svg) throw new Error("no chart on the page");
  const box = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, copy);
  const serializer = new XMLSerializer();
  const chartMarkup = [...copy.childNodes]
    .map((node) => serializer.serializeToString(node))
    .join("");
  const page = getComputedStyle(scope);
  const body = getComputedStyle(document.body);
  const root = getComputedStyle(document.documentElement);
  return buildChartImage({
    meta,
    colors: {
      background: root.getPropertyValue("--paper").trim() || body.backgroundColor,
      ink: page.color,
      muted: root.getPropertyValue("--muted").trim() || page.color,
    },
    fontFamily: page.fontFamily,
    legend: legendItems(scope),
    chartMarkup,
    chartWidth: Math.round(box.width),
    chartHeight: Math.round(box.height),
  });
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function pngOf(image: ChartImage): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: "image/svg+xml" }));
  try {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width * PNG_SCALE;
    canvas.height = image.height * PNG_SCALE;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("the PNG encoder failed"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * "Download PNG" and "Download SVG" under a chart: the rendered chart with its title, unit,
 * range, sources and date, in the current theme. The buttons appear only once the page is
 * interactive: without JavaScript there is nothing to run them.
 */
export function ChartDownloads({
  meta,
  text,
  children,
}: {
  meta: ChartImageMeta;
  text: ChartDownloadsText;
  children: ReactNode;
}) {
  const scope = useRef<HTMLDivElement>(null);
  const interactive = useHydrated();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (format: "png" | "svg") => {
    if (!scope.current) return;
    setBusy(true);
    setProblem(null);
    try {
      const image = snapshot(scope.current, meta);
      const blob =
        format === "svg"
          ? new Blob([image.svg], { type: "image/svg+xml;charset=utf-8" })
          : await pngOf(image);
      save(blob, chartFileName(meta.fileBase, format));
    } catch (error) {
      setProblem(`${text.failed} ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div ref={scope} className="chart-downloads-scope">
      {children}
      {interactive ? (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would be a form; this is two buttons
        <div className="chart-downloads" role="group" aria-label={text.group}>
          <button
            type="button"
            className="chart-downloads__button"
            onClick={() => download("png")}
            disabled={busy}
          >
            {text.png}
          </button>
          <button
            type="button"
            className="chart-downloads__button"
            onClick={() => download("svg")}
            disabled={busy}
          >
            {text.svg}
          </button>
          {problem ? (
            <span role="alert" className="chart-downloads__problem">
              {problem}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
