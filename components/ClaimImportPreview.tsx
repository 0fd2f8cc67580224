import Link from "next/link";
import { claimsHref } from "@/lib/claims-url";
import type { ClaimImportPlan } from "@/lib/csv/claims-import";
import { CLAIMANT_KIND_LABELS, formatStatedClaim } from "@/lib/domain/claims";
import { decimalsOf } from "@/lib/domain/kpi";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { MetricDTO } from "@/lib/domain/types";
import { ImportPreviewTable, ImportSourceCell } from "./ImportPreviewTable";
import { ImportRejectedRows } from "./ImportRejectedRows";

/** What a claims import would add, before anything is written; after it, what it added. */
export function ClaimImportPreview({
  plan,
  metrics,
  applied = false,
}: {
  plan: ClaimImportPlan;
  metrics: readonly MetricDTO[];
  applied?: boolean;
}) {
  const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
  return (
    <>
      <ul className="import-counts" data-testid="import-counts">
        <li>
          <strong>{plan.rowCount.toLocaleString("en-US")}</strong> rows read
        </li>
        <li data-testid="count-add">
          <strong>{plan.writes.length.toLocaleString("en-US")}</strong>{" "}
          {applied ? "claims added" : "claims to add"}
        </li>
        <li data-testid="count-unchanged">
          <strong>{plan.unchanged.length.toLocaleString("en-US")}</strong> already stored (skipped)
        </li>
        <li data-testid="count-rejected" className={plan.rejected.length > 0 ? "change--bad" : ""}>
          <strong>{plan.rejected.length.toLocaleString("en-US")}</strong> problems
        </li>
      </ul>

      <ImportRejectedRows rejected={plan.rejected} />

      {plan.writes.length > 0 ? (
        <ImportPreviewTable
          headingId="add-heading"
          testId="added-rows"
          heading={applied ? "Claims added" : "Claims to add"}
          note={applied ? null : "Each is judged against the stored figures when it is written."}
          columns={[
            { label: "Row", num: true },
            { label: "Brand" },
            { label: "About" },
            { label: "Claim" },
            { label: "Who" },
            { label: "Source" },
          ]}
          rows={plan.writes}
          row={({ row, claim }) => (
            <tr key={row}>
              <td className="num">{row}</td>
              <td>
                {applied ? (
                  <Link href={claimsHref({ brand: claim.brand, metric: claim.metric })}>
                    {claim.brand}
                  </Link>
                ) : (
                  claim.brand
                )}
              </td>
              <td>
                {label(claim.metric)}
                {claim.quarter ? `, ${quarterLabel(claim.quarter as QuarterCode)}` : ""}
              </td>
              <td>
                {claim.kind}
                {claim.comparison ? ` ${claim.comparison.toUpperCase()}` : ""}:{" "}
                {formatStatedClaim({
                  ...claim,
                  statedValue: Number(claim.statedValue),
                  statedDecimals: decimalsOf(claim.statedValue),
                })}
                {claim.kind === "share" && claim.relativeMetric
                  ? ` of ${label(claim.relativeMetric)}`
                  : ""}
              </td>
              <td>
                {claim.claimant} ({CLAIMANT_KIND_LABELS[claim.claimantKind]})
              </td>
              <ImportSourceCell
                title={claim.sourceTitle}
                url={claim.sourceUrl}
                date={claim.sourcePublishedOn}
              />
            </tr>
          )}
        />
      ) : null}
    </>
  );
}
