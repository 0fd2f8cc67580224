import { useTranslations } from "@/i18n/messages";
import { CLAIMANT_KINDS, VERDICTS } from "@/lib/domain/claims";
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
  const t = useTranslations("ClaimFilters");
  const claimants = useTranslations("ClaimCard.claimants");
  const verdicts = useTranslations("Claims.verdicts");
  return (
    <form className="range-form" action="/claims" method="get" aria-label={t("label")}>
      <input type="hidden" name="brand" value={brand} />
      <label>
        {t("who")}{" "}
        <select name="who" defaultValue={who ?? ""}>
          <option value="">{t("anyone")}</option>
          {CLAIMANT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {claimants(kind)}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        {t("metric")}{" "}
        <select name="metric" defaultValue={metric ?? ""}>
          <option value="">{t("anyMetric")}</option>
          {metrics.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        {t("verdict")}{" "}
        <select name="verdict" defaultValue={verdict ?? ""}>
          <option value="">{t("anyVerdict")}</option>
          {VERDICTS.map((entry) => (
            <option key={entry} value={entry}>
              {verdicts(entry)}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
