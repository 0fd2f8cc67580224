import { useTranslations } from "@/i18n/messages";
import type { BrandMetricNote } from "@/lib/domain/brand-metrics";

/**
 * How each brand reports the metrics being compared (Li Auto's revenue is US GAAP, Xiaomi's
 * IFRS): shown wherever brands are put side by side, since the numbers alone do not say it.
 */
export function BrandMetricNotes({ notes }: { notes: readonly BrandMetricNote[] }) {
  const t = useTranslations("BrandMetricNotes");
  if (notes.length === 0) return null;
  return (
    <section className="brand-metric-notes" aria-labelledby="brand-metric-notes-title">
      <h2 id="brand-metric-notes-title">{t("title")}</h2>
      <ul>
        {notes.map((entry) => (
          <li key={`${entry.brand}/${entry.metric}`} data-testid="brand-metric-note">
            <strong>
              {entry.brandName}, {entry.metricLabel}:
            </strong>{" "}
            {entry.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
