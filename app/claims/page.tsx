import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { ClaimList } from "@/components/ClaimCard";
import { ClaimFilters } from "@/components/ClaimFilters";
import { ParamProblems } from "@/components/ParamProblems";
import { canEdit, requireReader } from "@/lib/auth/current-user";
import { claimsHref, parseClaimsParams } from "@/lib/claims-url";
import { HEDGE_LABELS, HEDGE_TOLERANCES, HEDGES } from "@/lib/domain/claims";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listClaims } from "@/lib/queries/claims";
import { listMetrics } from "@/lib/queries/metrics";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseClaimsParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/claims" />;
  const state = parsed.value;
  const [brand, brands, metrics, claims, session] = await Promise.all([
    getBrand(state.brand),
    listBrands(),
    listMetrics(),
    listClaims(state),
    requireReader("/claims"),
  ]);
  if (!brand) notFound();
  const exportParams = new URLSearchParams({ brand: brand.slug });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Claims about {brand.name}</h1>
          <p className="lede">
            What the brand, the press, analysts and influencers said about the figures, held against
            the stored values. Newest first; every verdict shows its arithmetic and links to the
            figures it used.
          </p>
        </div>
        <div className="page-head__actions">
          <BrandSwitcher brands={brands} current={brand.slug} action="/claims" />
          {canEdit(session) ? (
            <Link
              className="button-link"
              href={`/claims/new?brand=${encodeURIComponent(brand.slug)}`}
            >
              Add a claim
            </Link>
          ) : null}
          {canEdit(session) ? (
            <Link className="button-link" href="/claims/import">
              Import claims (CSV)
            </Link>
          ) : null}
        </div>
      </div>
      <ClaimFilters
        brand={brand.slug}
        metrics={metrics}
        who={state.who}
        metric={state.metric}
        verdict={state.verdict}
      />
      <p className="section-note">
        {claims.length} claim{claims.length === 1 ? "" : "s"} ·{" "}
        <a href={`/api/claims/export?${exportParams.toString()}`} download>
          Export all {brand.name} claims as CSV
        </a>
        {state.who || state.metric || state.verdict ? (
          <>
            {" · "}
            <Link href={claimsHref({ brand: brand.slug })}>Clear the filters</Link>
          </>
        ) : null}
      </p>
      <ClaimList
        claims={claims}
        editHref={canEdit(session) ? (uid) => `/claims/${encodeURIComponent(uid)}/edit` : null}
        emptyText="No claim matches these filters."
      />
      <details className="section-note">
        <summary>How verdicts are reached</summary>
        <p>
          Each claim&apos;s number is computed from the current figures; each figure is known only
          to within half a unit of its last stated digit. The claim holds when a value the figures
          allow lies within what its hedge allows:
        </p>
        <ul>
          {HEDGES.map((hedge) => (
            <li key={hedge}>
              <strong>{HEDGE_LABELS[hedge]}</strong>: {HEDGE_TOLERANCES[hedge].rule}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
