import {
  CLAIMANT_KIND_LABELS,
  CLAIMANT_KINDS,
  VERDICT_LABELS,
  VERDICTS,
} from "@/lib/domain/claims";
import type { MetricDTO } from "@/lib/domain/types";

/** A GET form over the URL's filters: works without JavaScript, and the result is a shareable link. */
export function ClaimFilters({
  brand,
  metrics,
  who,
  metric,
  verdict,
}: {
  brand: string;
  metrics: readonly MetricDTO[];
  who: string | undefined;
  metric: string | undefined;
  verdict: string | undefined;
}) {
  return (
    <form className="range-form" action="/claims" method="get" aria-label="Filter claims">
      <input type="hidden" name="brand" value={brand} />
      <label>
        Who made it{" "}
        <select name="who" defaultValue={who ?? ""}>
          <option value="">Anyone</option>
          {CLAIMANT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CLAIMANT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        Metric{" "}
        <select name="metric" defaultValue={metric ?? ""}>
          <option value="">Any metric</option>
          {metrics.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        Verdict{" "}
        <select name="verdict" defaultValue={verdict ?? ""}>
          <option value="">Any verdict</option>
          {VERDICTS.map((entry) => (
            <option key={entry} value={entry}>
              {VERDICT_LABELS[entry]}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="submit">Filter</button>
    </form>
  );
}
