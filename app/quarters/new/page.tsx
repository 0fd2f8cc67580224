import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { ParamProblems } from "@/components/ParamProblems";
import { QuarterForm } from "@/components/QuarterForm";
import type { ConfirmPanelText } from "@/components/quarter-form/ConfirmationText";
import type { MetricHintsText } from "@/components/quarter-form/MetricHints";
import { QUALIFIER_OPTIONS } from "@/components/quarter-form/qualifier-options";
import { quarterErrorWords } from "@/i18n/field-errors";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { requireRole } from "@/lib/auth/current-user";
import { now } from "@/lib/clock";
import { localizeSeries } from "@/lib/domain/metric-locale";
import { MIN_YEAR, quarterLabel } from "@/lib/domain/quarter";
import { defaultQuarterToAdd, quarterFormMetrics } from "@/lib/domain/quarter-form-view";
import { NOTE_MAX } from "@/lib/domain/quarter-input";
import type { Qualifier } from "@/lib/domain/types";
import { listBrandMetrics } from "@/lib/queries/brand-metrics";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listBrandSeries } from "@/lib/queries/series";
import {
  brandMetricsHref,
  overviewQuery,
  parseQuarterFormParams,
  quarterFormHref,
  type SearchParams,
} from "@/lib/url-state";

const HINT_KEYS = [
  "readAs",
  "inUnit",
  "units",
  "wholeNumbers",
  "example",
  "stored",
  "yoy",
  "slip",
  "large",
  "end",
] as const satisfies readonly (keyof MetricHintsText)[];

const CONFIRM_KEYS = [
  "title",
  "tick",
  "restatementHead",
  "storedIs",
  "from",
  "noAddress",
  "enteredBy",
  "extremeHead",
  "extremeBody",
  "unitSlip",
  "metricUnit",
  "unusual",
] as const satisfies readonly (keyof ConfirmPanelText)[];

/** A namespace's messages as templates the client form fills itself (i18n/fill.ts). */
function rawTemplates<K extends string>(
  t: { raw: (key: K) => unknown },
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, String(t.raw(key))])) as Record<K, string>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NewQuarterPage"))("title") };
}

export default async function NewQuarterPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const parsed = parseQuarterFormParams(params);
  // Signed out, the form is not shown at all: the sign-in page brings the editor back here.
  await requireRole(
    "editor",
    parsed.ok ? quarterFormHref(parsed.value.brand, parsed.value.quarter) : "/quarters/new",
  );
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/quarters/new" />;
  const [
    brand,
    brands,
    t,
    tForm,
    tRestate,
    tQualifier,
    tConfirm,
    tHints,
    tRows,
    tSource,
    locale,
    errorWords,
  ] = await Promise.all([
    getBrand(parsed.value.brand),
    listBrands(),
    getTranslations("NewQuarterPage"),
    getTranslations("QuarterForm"),
    getTranslations("RestateForm"),
    getTranslations("QualifierOptions"),
    getTranslations("ConfirmPanel"),
    getTranslations("MetricHints"),
    getTranslations("MetricRows"),
    getTranslations("SourceFields"),
    currentLocale(),
    quarterErrorWords(),
  ]);
  if (!brand) notFound();
  const tracked = await listBrandMetrics(brand.slug);
  const series = await listBrandSeries(brand.slug, { metricKeys: tracked.map((m) => m.key) });
  const today = now();
  const defaultQuarter = parsed.value.quarter ?? defaultQuarterToAdd(series, today);
  const offered = quarterLabel(defaultQuarter, locale);

  return (
    <>
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>
          {t("overview", { brand: brand.name })}
        </Link>{" "}
        › <span aria-current="page">{t("crumbHere")}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>{t("heading", { brand: brand.name })}</h1>
          <p className="lede">
            {t.rich("lede", {
              brand: brand.name,
              link: (chunks) => <Link href={brandMetricsHref(brand.slug)}>{chunks}</Link>,
            })}
          </p>
        </div>
        <BrandSwitcher brands={brands} current={brand.slug} action="/quarters/new" />
      </div>
      <QuarterForm
        brand={{ slug: brand.slug, name: brand.name }}
        metrics={quarterFormMetrics(localizeSeries(series, locale))}
        defaultQuarter={defaultQuarter}
        now={today.toISOString()}
        locale={locale}
        text={{
          summaryOne: tForm.raw("summaryOne") as string,
          summaryOther: tForm.raw("summaryOther") as string,
          quarterLegend: tForm("quarterLegend"),
          fiscalYear: tForm("fiscalYear"),
          quarter: tForm("quarter"),
          // The quarter came from the link (a gap row's "Add a figure"), or after the stored ones.
          quarterHint: `${
            parsed.value.quarter !== null
              ? tForm("offeredAsked", { quarter: offered })
              : tForm("offeredNext", { quarter: offered, brand: brand.name })
          } ${tForm("range", { min: String(MIN_YEAR) })}`,
          figures: tForm("figures"),
          figuresFor: tForm.raw("figuresFor") as string,
          figuresHint: tForm("figuresHint"),
          note: tForm("note"),
          noteHint: tForm("noteHint", { max: String(NOTE_MAX) }),
          saving: tForm("saving"),
          confirmSave: tForm("confirmSave"),
          saveQuarter: tForm.raw("saveQuarter") as string,
          saveGeneric: tForm("saveGeneric"),
          savingFigures: tForm("savingFigures"),
          rows: {
            qualifierLabel: tRows.raw("qualifierLabel") as string,
            qualifiers: Object.fromEntries(
              QUALIFIER_OPTIONS.map((value) => [value, tQualifier(value)]),
            ) as Record<Qualifier, string>,
            hints: rawTemplates(tHints, HINT_KEYS),
          },
          // The restate form asks for the same source, in the same words.
          source: {
            legend: tRestate("source"),
            title: tRestate("sourceTitle"),
            titleHint: tSource("titleHint"),
            url: tRestate("sourceUrl"),
            published: tRestate("sourcePublishedOn"),
            publishedHint: tRestate("dateHint"),
          },
          confirm: rawTemplates(tConfirm, CONFIRM_KEYS),
          errors: errorWords,
        }}
      />
    </>
  );
}
