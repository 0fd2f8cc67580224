import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getMessages, getTranslations } from "next-intl/server";
import { BrandMetricNotes } from "@/components/BrandMetricNotes";
import { CompareForm } from "@/components/CompareForm";
import { CopyLink } from "@/components/CopyLink";
import { ChartDownloads, type ChartDownloadsText } from "@/components/charts/ChartDownloads";
import { CompareChart, type CompareChartText } from "@/components/charts/CompareChart";
import { ParamProblems } from "@/components/ParamProblems";
import { SourceLink } from "@/components/SourceLink";
import { currentLocale } from "@/i18n/locale";
import { now } from "@/lib/clock";
import { type ChartImageMeta, chartFileBase } from "@/lib/domain/chart-image";
import type { ComparedSeries, CompareMode } from "@/lib/domain/compare";
import { DERIVED_METRICS } from "@/lib/domain/derived-metrics";
import { formatNumber, formatValue } from "@/lib/domain/format";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { type QuarterCode, quarterLabel, quarterRange } from "@/lib/domain/quarter";
import { listBrandMetricNotes } from "@/lib/queries/brand-metrics";
import { loadCompareView } from "@/lib/queries/compare-view";
import { listMetricsWithFigures } from "@/lib/queries/metrics";
import {
  compareQuery,
  metricPageQuery,
  parseCompareParams,
  type SearchParams,
} from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Compare"))("title") };
}

const MODE_WORDS: Record<CompareMode, string> = {
  absolute: "absolute values",
  yoy: "YoY change against the same quarter a year earlier",
  index: "indexed to 100 at the base quarter",
};

function modeCell(value: number | null, mode: CompareMode, series: ComparedSeries): string {
  if (value === null) return "";
  if (mode === "index") return formatNumber(value, 1);
  if (mode === "yoy") {
    const text = `${value > 0 ? "+" : value < 0 ? "-" : ""}${formatNumber(Math.abs(value), 1)}`;
    return series.kind === "ratio" ? `${text} pp` : `${text}%`;
  }
  return "";
}

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseCompareParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/compare" />;
  const state = parsed.value;
  const [view, requestHeaders, t, locale, messages] = await Promise.all([
    loadCompareView(state),
    headers(),
    getTranslations("Compare"),
    currentLocale(),
    // The charts are client components: their words come from here (components/charts/chart-text.ts).
    getMessages(),
  ]);
  const { allBrands, unknownBrands, selected, loaded, series, unknownMetrics, decision, table } =
    view;
  const brands = [...selected, ...allBrands.filter((brand) => !selected.includes(brand))];
  const offered = (await listMetricsWithFigures(selected.map((brand) => brand.slug))).map(
    (metric) => localizeMetric(metric, locale),
  );
  if (unknownBrands.length > 0 || unknownMetrics.length > 0) {
    return (
      <ParamProblems
        problems={[
          ...unknownBrands.map((slug) => ({
            param: "brands",
            message: `names “${slug}”, which is not a stored brand (${allBrands.map((brand) => brand.slug).join(", ")})`,
          })),
          ...unknownMetrics.map((key) => ({
            param: "metrics",
            message: `names “${key}”, which is neither a stored nor a derived metric`,
          })),
        ]}
        resetHref="/compare"
      />
    );
  }
  const drawn = series.filter((entry) => entry.points.length > 0);
  const empty = series.filter((entry) => entry.points.length === 0);
  const stored = series.flatMap((entry) => entry.points.map((point) => point.quarter)).sort();
  const first = stored[0];
  const last = stored.at(-1);
  const quarters: QuarterCode[] = first && last ? quarterRange(first, last) : [];
  // Only the metrics the chosen brands have figures for, plus any the address asks for anyway
  // (so that it can be unticked).
  const metrics = [
    ...offered,
    ...series
      .filter(
        (entry) => !entry.derived && !offered.some((metric) => metric.key === entry.metricKey),
      )
      .flatMap((entry) =>
        loaded
          .flatMap((brand) => brand.series)
          .filter((own) => own.metric.key === entry.metricKey)
          .slice(0, 1)
          .map((own) => own.metric),
      ),
  ].filter((metric, index, list) => list.findIndex((other) => other.key === metric.key) === index);
  const derivedShown = DERIVED_METRICS.filter((definition) =>
    state.metrics.includes(definition.key),
  );
  const pointsById = new Map(
    series.map((entry) => [entry.id, new Map(entry.points.map((point) => [point.quarter, point]))]),
  );
  // A shared link keeps the language it was copied in.
  const shareLink = `/compare${compareQuery(state)}${locale === "en" ? "" : `&lang=${locale}`}`;
  const firstRow = table.rows[0];
  const lastRow = table.rows.at(-1);
  const imageMeta: ChartImageMeta = {
    title: drawn.map((entry) => entry.label).join(" vs "),
    unit: table.axisLabel,
    range: `${MODE_WORDS[decision.mode]}, ${firstRow?.label} to ${lastRow?.label}`,
    sources: drawn.flatMap((entry) =>
      entry.points.flatMap((point) => {
        const evidence = point.evidence;
        if (!evidence) return [];
        return "source" in evidence
          ? [evidence.source.title]
          : evidence.inputs.map((input) => input.source.title);
      }),
    ),
    date: now().toISOString().slice(0, 10),
    fileBase: chartFileBase({
      brands: [...new Set(drawn.map((entry) => entry.brandSlug))],
      metrics: [...new Set(drawn.map((entry) => entry.metricKey))],
      from: firstRow?.quarter ?? "",
      to: lastRow?.quarter ?? "",
    }),
  };
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const shareUrl = `${protocol}://${host}${shareLink}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="lede">{t("lede")}</p>
        </div>
      </div>
      <CompareForm
        state={state}
        brands={brands}
        metrics={metrics}
        derived={DERIVED_METRICS}
        quarters={quarters}
      />
      <CopyLink url={shareUrl} />
      <p className="export-links" data-testid="compare-export-links">
        <a
          href={`/api/compare/export${compareQuery(state)}`}
          download
          className="export-links__main"
        >
          {t("download")}
        </a>
        <span className="export-links__more">
          {t("also")}{" "}
          <a href={`/api/compare/export${compareQuery(state)}&bom=1`} download>
            {t("excel")}
          </a>
        </span>
      </p>
      <BrandMetricNotes notes={await listBrandMetricNotes(state.brands, state.metrics)} />

      {decision.reason ? (
        <p className="notice notice--info" data-testid="mode-reason">
          {decision.reason}
        </p>
      ) : null}

      {derivedShown.length > 0 ? (
        <section aria-labelledby="formulas-heading" className="formulas">
          <h2 id="formulas-heading">{t("formulas")}</h2>
          <dl>
            {derivedShown.map((definition) => (
              <div key={definition.key} data-testid={`formula-${definition.key}`}>
                <dt>
                  {definition.label} ({definition.unit})
                </dt>
                <dd>
                  <code>{definition.formula}</code>. {definition.definition}
                  {t("gapRule")}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {empty.length > 0 || table.notes.length > 0 ? (
        <ul className="notice notice--info series-notes" data-testid="series-notes">
          {empty.map((entry) => (
            <li key={entry.id}>
              {entry.label}: no value in any quarter
              {entry.derived && entry.derived.gaps.length > 0
                ? ` (${entry.derived.gaps[0]?.reason}${entry.derived.gaps.length > 1 ? ", and so on" : ""})`
                : " (no figures stored for this brand)"}
              .
            </li>
          ))}
          {table.notes.map((note) => (
            <li key={note.seriesId}>
              {series.find((entry) => entry.id === note.seriesId)?.label}: {note.note}.
            </li>
          ))}
        </ul>
      ) : null}

      {drawn.length === 0 || table.rows.length === 0 ? (
        <p className="muted">{t("nothing")}</p>
      ) : (
        <section
          aria-labelledby="compare-chart-heading"
          data-testid="compare-chart"
          data-mode={decision.mode}
        >
          <h2 id="compare-chart-heading">
            {drawn.map((entry) => entry.label).join(" vs ")}: {MODE_WORDS[decision.mode]}
            {table.base ? ` (${quarterLabel(table.base)} = 100)` : ""}
          </h2>
          <ChartDownloads
            meta={imageMeta}
            text={messages.ChartDownloads as unknown as ChartDownloadsText}
          >
            <div className="chart-frame chart-frame--large">
              <CompareChart
                rows={table.rows}
                lines={drawn.map(({ id, label, unit, kind }) => ({ id, label, unit, kind }))}
                mode={decision.mode}
                axisLabel={table.axisLabel}
                text={messages.CompareChart as unknown as CompareChartText}
                locale={locale}
              />
            </div>
          </ChartDownloads>
        </section>
      )}

      {table.rows.length > 0 ? (
        <section aria-labelledby="compare-table-heading">
          <h2 id="compare-table-heading">{t("data")}</h2>
          <div className="table-scroll">
            <table className="series-table" data-testid="compare-table">
              <caption>
                Each series by quarter, newest first:{" "}
                {decision.mode === "absolute"
                  ? "the value"
                  : `the ${decision.mode === "yoy" ? "YoY change" : "index"}, then the value`}{" "}
                with its source (a derived value shows its inputs). An empty cell is a quarter with
                no figure.
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("quarter")}</th>
                  {series.map((entry) => (
                    <th key={entry.id} scope="col" className="num">
                      <Link
                        href={
                          entry.derived
                            ? `/compare${compareQuery({ ...state, brands: [entry.brandSlug], metrics: [entry.metricKey] })}`
                            : `/metrics/${entry.metricKey}${metricPageQuery({ brand: entry.brandSlug, view: "bars", from: null, to: null })}`
                        }
                      >
                        {entry.label}
                      </Link>{" "}
                      <span className="unit">({entry.unit})</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...table.rows].reverse().map((row) => (
                  <tr key={row.quarter} data-quarter={row.quarter}>
                    <th scope="row">{row.label}</th>
                    {series.map((entry) => {
                      const point = pointsById.get(entry.id)?.get(row.quarter);
                      const shown = row.values[entry.id] ?? null;
                      if (!point) return <td key={entry.id} className="num muted" />;
                      const evidence = point.evidence;
                      return (
                        <td key={entry.id} className="num">
                          {decision.mode === "absolute" ? null : (
                            <span className="compare-cell__mode">
                              {shown === null ? t("na") : modeCell(shown, decision.mode, entry)}
                            </span>
                          )}
                          <span className="compare-cell__value">
                            {formatValue(
                              point.value,
                              entry.unit,
                              point.decimals,
                              point.qualifier,
                              locale,
                            )}
                          </span>
                          {evidence && "source" in evidence ? (
                            <span className="compare-cell__source">
                              <SourceLink source={evidence.source} prefix="" />
                            </span>
                          ) : null}
                          {evidence && "inputs" in evidence ? (
                            <span className="compare-cell__source">
                              ={" "}
                              {evidence.inputs
                                .map((input) =>
                                  formatValue(
                                    input.value,
                                    input.unit,
                                    input.decimals,
                                    input.qualifier,
                                    locale,
                                  ),
                                )
                                .join(" ÷ ")}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
