import { paramProblemsResponse, privateReadRefusal } from "@/lib/api/read-route";
import { parseClaimsParams } from "@/lib/claims-url";
import { claimRecord, claimsHeader } from "@/lib/csv/claims-export";
import { localizedHeader } from "@/lib/csv/csv-headers";
import { BYTE_ORDER_MARK, stringifyRecords } from "@/lib/csv/csv-stream";
import { searchParamsOf } from "@/lib/export-params";
import { getBrand } from "@/lib/queries/brands";
import { listClaims } from "@/lib/queries/claims";
import { exportLang } from "@/lib/url-state";

export const dynamic = "force-dynamic";

/**
 * `GET /api/claims/export?brand=xiaomi&who=&metric=&verdict=&bom=1&lang=zh`: the claims the
 * ledger shows for the same filters, with their current verdicts. A brand has tens to hundreds of claims, so
 * the file is built at once rather than streamed.
 */
export async function GET(request: Request): Promise<Response> {
  const refusal = await privateReadRefusal();
  if (refusal) return refusal;
  const url = new URL(request.url);
  const bom = url.searchParams.get("bom") === "1";
  url.searchParams.delete("bom");
  const params = searchParamsOf(url.searchParams);
  const parsed = parseClaimsParams(params);
  if (!parsed.ok) return paramProblemsResponse(parsed.problems);
  const brand = await getBrand(parsed.value.brand);
  if (!brand)
    return paramProblemsResponse([
      { param: "brand", message: `has no brand "${parsed.value.brand}"` },
    ]);
  const claims = await listClaims(parsed.value);
  const body = stringifyRecords([
    localizedHeader(claimsHeader(), exportLang(params)),
    ...claims.map(claimRecord),
  ]);
  return new Response(`${bom ? BYTE_ORDER_MARK : ""}${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="pulse-${brand.slug}-claims.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
