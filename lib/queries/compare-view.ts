import "server-only";
import { buildCompareSeries, compareTable, decideMode } from "@/lib/domain/compare";
import type { Locale } from "@/lib/domain/locale";
import { localizeSeries } from "@/lib/domain/metric-locale";
import type { CompareState } from "@/lib/url-state";
import { listBrands } from "./brands";
import { listBrandSeries } from "./series";

/**
 * What the compare page shows for a state: its series, the mode drawn and the table. One
 * function for the page and its CSV download, so the file holds exactly what the page shows.
 * The page reads it in the reader's language (metric labels, quarter labels, notes); the CSV
 * in English.
 */
export async function loadCompareView(state: CompareState, locale: Locale = "en") {
  const allBrands = await listBrands();
  const unknownBrands = state.brands.filter(
    (slug) => !allBrands.some((brand) => brand.slug === slug),
  );
  // The focus brand (the first asked for) leads the form, the chart's legend and the table.
  const selected = state.brands.flatMap((slug) => allBrands.filter((brand) => brand.slug === slug));
  const loaded = await Promise.all(
    selected.map(async (brand) => ({
      ...brand,
      series: localizeSeries(await listBrandSeries(brand.slug), locale),
    })),
  );
  const { series, unknownMetrics } = buildCompareSeries(loaded, state.metrics, locale);
  const decision = decideMode(state.mode, series, locale);
  const table = compareTable(series, decision.mode, {
    base: state.base,
    from: state.from,
    to: state.to,
    locale,
  });
  return { allBrands, unknownBrands, selected, loaded, series, unknownMetrics, decision, table };
}

/** What loadCompareView returns: the input of the compare page's view model. */
export type CompareView = Awaited<ReturnType<typeof loadCompareView>>;
