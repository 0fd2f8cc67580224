import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { COMPARE_MODES } from "@/lib/domain/compare";
import type { DerivedMetricDefinition } from "@/lib/domain/derived-metrics";
import { unitLabel } from "@/lib/domain/format";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { BrandDTO, MetricDTO } from "@/lib/domain/types";
import type { CompareState } from "@/lib/url-state";
import { QuarterSelect } from "./QuarterSelect";

/**
 * The comparison as a GET form: it works without JavaScript, and what it submits is the page's
 * address, so the view can be shared and reloaded.
 */
export function CompareForm({
  state,
  brands,
  metrics,
  derived,
  quarters,
}: {
  state: CompareState;
  brands: readonly BrandDTO[];
  metrics: readonly MetricDTO[];
  derived: readonly DerivedMetricDefinition[];
  quarters: readonly QuarterCode[];
}) {
  const t = useTranslations("Compare.form");
  const range = useTranslations("RangeForm");
  const auto = useTranslations("CompareAutoMode");
  const locale = useCurrentLocale();
  return (
    <form action="/compare" method="get" className="compare-form" aria-label={t("label")}>
      {/* The result's address keeps a language that came from the link, not only the cookie. */}
      {locale !== "en" ? <input type="hidden" name="lang" value={locale} /> : null}
      <fieldset>
        <legend>{t("brands")}</legend>
        {brands.map((brand) => (
          <label key={brand.slug} className="check">
            <input
              type="checkbox"
              name="brands"
              value={brand.slug}
              defaultChecked={state.brands.includes(brand.slug)}
            />{" "}
            {brand.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("metrics")}</legend>
        <div className="check-columns">
          {metrics.map((metric) => (
            <label key={metric.key} className="check">
              <input
                type="checkbox"
                name="metrics"
                value={metric.key}
                defaultChecked={state.metrics.includes(metric.key)}
              />{" "}
              {metric.label} <span className="unit">({unitLabel(metric.unit, locale)})</span>
            </label>
          ))}
        </div>
        <p className="check-group-title">{t("derived")}</p>
        {derived.map((definition) => (
          <label key={definition.key} className="check">
            <input
              type="checkbox"
              name="metrics"
              value={definition.key}
              defaultChecked={state.metrics.includes(definition.key)}
            />{" "}
            {definition.label} <span className="unit">({unitLabel(definition.unit, locale)})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("showAs")}</legend>
        <label className="check">
          <input type="radio" name="mode" value="" defaultChecked={state.mode === null} />{" "}
          {auto("label")}
        </label>
        {COMPARE_MODES.map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="mode" value={mode} defaultChecked={state.mode === mode} />{" "}
            {t(`modes.${mode}`)}
          </label>
        ))}
        <QuarterSelect
          className="inline-field"
          label={t("base")}
          name="base"
          value={state.base}
          emptyLabel={range("firstShared")}
          quarters={quarters}
          locale={locale}
        />
        <QuarterSelect
          className="inline-field"
          label={t("from")}
          name="from"
          value={state.from}
          emptyLabel={range("first")}
          quarters={quarters}
          locale={locale}
        />
        <QuarterSelect
          className="inline-field"
          label={t("to")}
          name="to"
          value={state.to}
          emptyLabel={range("latest")}
          quarters={quarters}
          locale={locale}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit">{t("submit")}</button>
      </div>
    </form>
  );
}
