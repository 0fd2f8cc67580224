import Link from "next/link";
import { ExportLinks } from "@/components/ExportLinks";
import { RangeForm } from "@/components/RangeForm";
import { useTranslations } from "@/i18n/messages";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricPageState } from "@/lib/url-state";
import type { MetricPageControls } from "@/lib/view-models/metric-page";

/** The view switch, range form, change lines, marker toggle, compare link and export links. */
export function MetricControls({
  brandSlug,
  metricKey,
  state,
  quarters,
  controls,
}: {
  brandSlug: string;
  metricKey: string;
  state: MetricPageState;
  quarters: QuarterCode[];
  controls: MetricPageControls;
}) {
  const t = useTranslations("MetricPage");
  return (
    <>
      <div className="controls">
        <nav aria-label={t("viewNav")} className="view-switch">
          {controls.views.map((view) => (
            <Link
              key={view.href}
              href={view.href}
              aria-current={view.current ? "page" : undefined}
              className={view.current ? "active" : undefined}
            >
              {t(`views.${view.code}`)}
            </Link>
          ))}
        </nav>
        {quarters.length > 0 ? (
          <RangeForm
            action={`/metrics/${metricKey}`}
            quarters={quarters}
            from={state.from}
            to={state.to}
            hidden={controls.rangeHidden}
            resetHref={controls.href({ from: null, to: null })}
          />
        ) : null}
      </div>
      <div className="controls controls--secondary">
        {controls.periods.length > 0 ? (
          <nav aria-label={t("changeLinesNav")} className="view-switch view-switch--small">
            <span className="view-switch__label">{t("changeLines")}</span>
            {controls.periods.map((choice) => (
              <Link
                key={choice.label}
                href={choice.href}
                aria-current={choice.current ? "true" : undefined}
                className={choice.current ? "active" : undefined}
              >
                {t(`periods.${choice.code}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        {controls.eventsToggle ? (
          <Link href={controls.eventsToggle.href} className="toggle-link">
            {state.events === false ? t("showMarkers") : t("hideMarkers")}
          </Link>
        ) : null}
        {controls.compareHref ? (
          <Link href={controls.compareHref} className="toggle-link">
            {t("compareBrands")}
          </Link>
        ) : null}
      </div>
      <ExportLinks brand={brandSlug} metrics={[metricKey]} from={state.from} to={state.to} />
    </>
  );
}
