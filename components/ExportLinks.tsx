import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import type { QuarterCode } from "@/lib/domain/quarter";
import { exportHref } from "@/lib/export-params";

/**
 * Downloads of exactly what the page shows (brand, metrics, range). Plain links to the export
 * route: they work without JavaScript and can be copied into a script.
 */
export function ExportLinks({
  brand,
  metrics,
  from,
  to,
}: {
  brand: string;
  /** null: every metric, as the overview shows. */
  metrics: readonly string[] | null;
  from: QuarterCode | null;
  to: QuarterCode | null;
}) {
  const t = useTranslations("ExportLinks");
  // A page read in Chinese downloads Chinese column names; an English page today's exact header.
  const lang = useCurrentLocale();
  const base = { brand, metrics: metrics ? [...metrics] : null, from, to, lang };
  return (
    <p className="export-links" data-testid="export-links">
      <a href={exportHref({ ...base, format: "long" })} download className="export-links__main">
        {t("download")}
      </a>
      <span className="export-links__more">
        {t("also")}{" "}
        <a href={exportHref({ ...base, format: "wide" })} download>
          {t("widePerMetric")}
        </a>
        {" · "}
        <a href={exportHref({ ...base, format: "wide", across: "quarters" })} download>
          {t("widePerQuarter")}
        </a>
        {" · "}
        <a href={exportHref({ ...base, format: "long", bom: true })} download>
          {t("excel")}
        </a>
        {" · "}
        <a href={exportHref({ ...base, format: "long", history: true })} download>
          {t("history")}
        </a>
      </span>
    </p>
  );
}
