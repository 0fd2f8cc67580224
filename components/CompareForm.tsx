import { COMPARE_MODES, type CompareMode } from "@/lib/domain/compare";
import type { DerivedMetricDefinition } from "@/lib/domain/derived-metrics";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { BrandDTO, MetricDTO } from "@/lib/domain/types";
import type { CompareState } from "@/lib/url-state";
import { QuarterSelect } from "./QuarterSelect";

const MODE_LABELS: Record<CompareMode, string> = {
  absolute: "Absolute values (one unit only)",
  yoy: "YoY change",
  index: "Indexed to 100 at a base quarter",
};

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
  return (
    <form action="/compare" method="get" className="compare-form" aria-label="What to compare">
      <fieldset>
        <legend>Brands</legend>
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
        <legend>Metrics</legend>
        <div className="check-columns">
          {metrics.map((metric) => (
            <label key={metric.key} className="check">
              <input
                type="checkbox"
                name="metrics"
                value={metric.key}
                defaultChecked={state.metrics.includes(metric.key)}
              />{" "}
              {metric.label} <span className="unit">({metric.unit})</span>
            </label>
          ))}
        </div>
        <p className="check-group-title">Derived (computed from stored metrics)</p>
        {derived.map((definition) => (
          <label key={definition.key} className="check">
            <input
              type="checkbox"
              name="metrics"
              value={definition.key}
              defaultChecked={state.metrics.includes(definition.key)}
            />{" "}
            {definition.label} <span className="unit">({definition.unit})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Show as</legend>
        <label className="check">
          <input type="radio" name="mode" value="" defaultChecked={state.mode === null} /> Automatic
          (absolute when the units match, else YoY)
        </label>
        {COMPARE_MODES.map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="mode" value={mode} defaultChecked={state.mode === mode} />{" "}
            {MODE_LABELS[mode]}
          </label>
        ))}
        <QuarterSelect
          className="inline-field"
          label="Base quarter (index)"
          name="base"
          value={state.base}
          emptyLabel="first quarter all series have"
          quarters={quarters}
        />
        <QuarterSelect
          className="inline-field"
          label="From"
          name="from"
          value={state.from}
          emptyLabel="first quarter"
          quarters={quarters}
        />
        <QuarterSelect
          className="inline-field"
          label="To"
          name="to"
          value={state.to}
          emptyLabel="latest quarter"
          quarters={quarters}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit">Compare</button>
      </div>
    </form>
  );
}
