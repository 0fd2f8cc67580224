import { currentUser } from "@/lib/auth/current-user";
import { publicRead } from "@/lib/auth/settings";
import { errorResponse } from "@/lib/auth/write";
import { parseClaimsParams } from "@/lib/claims-url";
import { claimRecord, claimsHeader } from "@/lib/csv/claims-export";
import { BYTE_ORDER_MARK, stringifyRecords } from "@/lib/csv/csv-stream";
import { AppError } from "@/lib/errors";
import { searchParamsOf } from "@/lib/export-params";
import { getBrand } from "@/lib/queries/brands";
import { listClaims } from "@/lib/queries/claims";
import type { ParamProblem } from "@/lib/url-state";

export const dynamic = "force-dynamic";

function badRequest(problems: readonly ParamProblem[]): Response {
  return new Response(
    `${problems.map((problem) => `${problem.param}: ${problem.message}`).join("\n")}\n`,
    {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    },
  );
}

/**
 * `GET /api/claims/export?brand=xiaomi&who=&metric=&verdict=&bom=1`: the claims the ledger shows
 * for the same filters, with their current verdicts. A brand has tens to hundreds of claims, so
 * the file is built at once rather than streamed.
 */
export async function GET(request: Request): Promise<Response> {
  // Private mode: as /api/export, reading needs a session even when the app is reached directly.
  if (!publicRead() && !(await currentUser())) {
    return errorResponse(
      new AppError("unauthenticated", "This Pulse is private: sign in first (POST /api/session)."),
    );
  }
  const url = new URL(request.url);
  const bom = url.searchParams.get("bom") === "1";
  url.searchParams.delete("bom");
  const parsed = parseClaimsParams(searchParamsOf(url.searchParams));
  if (!parsed.ok) return badRequest(parsed.problems);
  const brand = await getBrand(parsed.value.brand);
  if (!brand)
    return badRequest([{ param: "brand", message: `has no brand "${parsed.value.brand}"` }]);
  const claims = await listClaims(parsed.value);
  const body = stringifyRecords([claimsHeader(), ...claims.map(claimRecord)]);
  return new Response(`${bom ? BYTE_ORDER_MARK : ""}${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="pulse-${brand.slug}-claims.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
