import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimCountsSection } from "@/app/_claims/ClaimCountsSection";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { EventList } from "@/components/EventList";
import { ExportLinks } from "@/components/ExportLinks";
import { KpiCard } from "@/components/KpiCard";
import { LatestQuarterSummary } from "@/components/LatestQuarterSummary";
import { ParamProblems } from "@/components/ParamProblems";
import { SavedNotice } from "@/components/SavedNotice";
import { SignalsPanel } from "@/components/SignalsPanel";
import { TrendPanel } from "@/components/TrendPanel";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { SIGNAL_LANGUAGE } from "@/i18n/signal-words";
import { canEdit, requireReader } from "@/lib/auth/current-user";
import { now } from "@/lib/clock";
import { brandDescriptionIn } from "@/lib/domain/brand-locale";
import { feedAlternates } from "@/lib/domain/change-feed";
import { eventsForMetric, placeEvents } from "@/lib/domain/events";
import { derivedFrom } from "@/lib/domain/frozen-memo";
import { localizeSeries } from "@/lib/domain/metric-locale";
import { latestQuarterDigest, rankFindings } from "@/lib/domain/overview-news";
import { quarterLabel } from "@/lib/domain/quarter";
import { overviewTrendWindow, summarizeSeries } from "@/lib/domain/series-view";
import { evaluateSignals } from "@/lib/domain/signals";
import { listBrandMetrics } from "@/lib/queries/brand-metrics";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listSignalClaims } from "@/lib/queries/claims";
import { listEvents } from "@/lib/queries/events";
import { listSavedFigures } from "@/lib/queries/saved-figures";
import { listBrandSeries } from "@/lib/queries/series";
import {
  metricPageQuery,
  overviewQuery,
  parseOverviewParams,
  parseSavedNotice,
  quarterFormHref,
  type SearchParams,
} from "@/lib/url-state";

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  const parsed = parseOverviewParams(await searchParams);
  const [t, feed, locale] = await Promise.all([
    getTranslations("Overview"),
    getTranslations("ChangeFeed"),
    currentLocale(),
  ]);
  return {
    title: t("title"),
    alternates: parsed.ok ? feedAlternates(parsed.value.brand, locale, feed("alternateTitle")) : {},
  };
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const parsed = parseOverviewParams(params);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/" />;
  const overview = parsed.value;
  const { brand: brandSlug } = overview;
  const showEvents = overview.events !== false;
  const [brand, brands, session] = await Promise.all([
    getBrand(brandSlug),
    listBrands(),
    requireReader("/"),
  ]);
  if (!brand) notFound();
  const saved = parseSavedNotice(params);
  const [t, locale] = await Promise.all([getTranslations("Overview"), currentLocale()]);
  const [catalogSeries, events, savedFigures] = await Promise.all([
    listBrandSeries(brand.slug, {
      metricKeys: (await listBrandMetrics(brand.slug)).map((m) => m.key),
    }),
    listEvents(brand.slug),
    saved ? listSavedFigures(brand.slug, saved.quarter, saved.savedAt) : Promise.resolve([]),
  ]);
  // A brand tracked for a few metrics (Li Auto: revenue and deliveries) shows only those.
  const allSeries = localizeSeries(
    derivedFrom(catalogSeries, "tracked", (all) =>
      all.filter((series) => series.points.length > 0),
    ),
    locale,
  );
  const untracked = catalogSeries.length - allSeries.length;
  const summaries = allSeries.map((series) => ({ series, summary: summarizeSeries(series) }));
  const latestQuarter = summaries
    .map(({ summary }) => summary.latest?.point.quarter)
    .filter((quarter) => quarter !== undefined)
    .sort()
    .at(-1);
  const metricHref = (key: string) =>
    `/metrics/${key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}`;
  const findings = evaluateSignals({
    brand,
    series: allSeries,
    now: now(),
    metricHref: (key) => `${metricHref(key)}#chart`,
    claims: await listSignalClaims(brand.slug, locale),
    language: SIGNAL_LANGUAGE[locale],
  });
  const trendWindow = overviewTrendWindow(allSeries, overview.allTrends === true);
  const digest = latestQuarterDigest(allSeries);
  const newsCount = rankFindings(findings).news.length;
  // Events after the latest quarter are on no chart: said once here, not under every chart.
  const laterEvents =
    latestQuarter && showEvents
      ? placeEvents(
          events.filter((event) =>
            allSeries.some((series) => eventsForMetric([event], series.metric.key).length > 0),
          ),
          latestQuarter,
          latestQuarter,
        ).after
      : [];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("heading", { brand: brand.name })}</h1>
          <p className="lede">
            {t("metricCount", { count: allSeries.length })}
            {latestQuarter
              ? t("latestQuarter", { quarter: quarterLabel(latestQuarter, locale) })
              : ""}
            {untracked > 0 ? t("untracked", { count: untracked }) : ""}
            {t("end")} {brandDescriptionIn(brand, locale)}
          </p>
        </div>
        <div className="page-head__actions">
          <BrandSwitcher brands={brands} current={brand.slug} action="/" />
          <Link className="button-link" href={quarterFormHref(brand.slug)}>
            {t("addQuarter")}
          </Link>
        </div>
      </div>
      <ExportLinks
        brand={brand.slug}
        metrics={untracked === 0 ? null : allSeries.map((series) => series.metric.key)}
        from={null}
        to={null}
      />

      {saved ? (
        <SavedNotice brandName={brand.name} quarter={saved.quarter} figures={savedFigures} />
      ) : null}

      <nav aria-label={t("jump.label")} className="jump-nav" data-testid="jump-nav">
        <ul>
          {digest ? (
            <li>
              <a href="#latest">{t("jump.latest")}</a>
            </li>
          ) : null}
          <li>
            <a href="#signals">{t("jump.signals")}</a>
          </li>
          <li>
            <a href="#figures">{t("jump.figures")}</a>
          </li>
          <li>
            <a href="#trends">{t("jump.trends")}</a>
          </li>
          <li>
            <a href="#events">{t("jump.events")}</a>
          </li>
        </ul>
      </nav>

      {digest ? (
        <LatestQuarterSummary digest={digest} metricHref={metricHref} newsCount={newsCount} />
      ) : null}

      <SignalsPanel findings={findings} headingId="signals-heading" ranked />

      <section aria-labelledby="kpi-heading" id="figures">
        <h2 id="kpi-heading">{t("latestFigures")}</h2>
        <ul className="card-grid">
          {summaries.map(({ series, summary }) => (
            <KpiCard
              key={series.metric.key}
              metric={series.metric}
              summary={summary}
              href={metricHref(series.metric.key)}
            />
          ))}
        </ul>
      </section>

      <ClaimCountsSection brand={brand.slug} />

      <section aria-labelledby="trend-heading" id="trends">
        <h2 id="trend-heading">{t("trends.heading")}</h2>
        <p className="section-note">
          {t("trends.note")} <span className="hint-hover">{t("trends.hintHover")}</span>
          <span className="hint-touch">{t("trends.hintTouch")}</span>
          {showEvents && events.length > 0 ? t("trends.markers") : ""}
          {laterEvents.length > 0 && latestQuarter
            ? t("trends.later", {
                quarter: quarterLabel(latestQuarter, locale),
                events: laterEvents.map((event) => event.title).join("; "),
              })
            : ""}{" "}
          {events.length > 0 ? (
            <Link
              href={`/${overviewQuery({ ...overview, events: !showEvents })}`}
              className="toggle-link"
            >
              {showEvents ? t("trends.hideMarkers") : t("trends.showMarkers")}
            </Link>
          ) : null}
        </p>
        <noscript>
          <p className="section-note">{t("trends.noScript")}</p>
        </noscript>
        <div className="panel-grid">
          {trendWindow.charted.map((series) => (
            <TrendPanel
              key={series.metric.key}
              series={series}
              href={metricHref(series.metric.key)}
              events={showEvents ? events : []}
              commonLast={latestQuarter ?? null}
            />
          ))}
        </div>
        {trendWindow.named.length > 0 ? (
          <p className="section-note" data-testid="trends-named">
            {t("trends.named", { count: trendWindow.named.length })}{" "}
            {trendWindow.named.map((series, index) => (
              <span key={series.metric.key}>
                {index > 0 ? t("trends.separator") : ""}
                <Link href={`${metricHref(series.metric.key)}#chart`}>{series.metric.label}</Link>
              </span>
            ))}
            {t("trends.namedEnd")}{" "}
            <Link href={`/${overviewQuery({ ...overview, allTrends: true })}#trends`}>
              {t("trends.all", { count: allSeries.length })}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="events-heading" id="events">
        <div className="section-head">
          <h2 id="events-heading">{t("events.heading")}</h2>
          <Link
            href={`/events/new?brand=${encodeURIComponent(brand.slug)}`}
            className="button-link"
          >
            {t("events.add")}
          </Link>
        </div>
        <p className="section-note">{t("events.note")}</p>
        {events.length === 0 ? (
          <p className="muted">{t("events.none", { brand: brand.name })}</p>
        ) : (
          <EventList events={[...events].reverse()} editable={canEdit(session)} testId="timeline" />
        )}
      </section>
    </>
  );
}
