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
  const base = { brand, metrics: metrics ? [...metrics] : null, from, to };
  return (
    <p className="export-links" data-testid="export-links">
      <a href={exportHref({ ...base, format: "long" })} download className="export-links__main">
        Download CSV
      </a>
      <span className="export-links__more">
        Also:{" "}
        <a href={exportHref({ ...base, format: "wide" })} download>
          wide (a column per metric)
        </a>
        {" · "}
        <a href={exportHref({ ...base, format: "wide", across: "quarters" })} download>
          wide (a column per quarter)
        </a>
        {" · "}
        <a href={exportHref({ ...base, format: "long", bom: true })} download>
          for Excel (UTF-8 with BOM)
        </a>
        {" · "}
        <a href={exportHref({ ...base, format: "long", history: true })} download>
          with restatement history
        </a>
      </span>
    </p>
  );
}
