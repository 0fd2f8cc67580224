import { methodNotAllowed } from "@/lib/api/http";
import { paramProblemsResponse, privateReadRefusal } from "@/lib/api/read-route";
import { compareFileName, compareHeader, compareRecords } from "@/lib/csv/compare-export";
import { localizedHeader } from "@/lib/csv/csv-headers";
import { BYTE_ORDER_MARK, stringifyRecords } from "@/lib/csv/csv-stream";
import { searchParamsOf } from "@/lib/export-params";
import { listBrandMetricNotes } from "@/lib/queries/brand-metrics";
import { loadCompareView } from "@/lib/queries/compare-view";
import { exportLang, type ParamProblem, parseCompareParams } from "@/lib/url-state";

export const dynamic = "force-dynamic";

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");

/**
 * `GET /api/compare/export?<the compare page's query>&bom=1&lang=zh`: what /compare shows for
 * the same query, as CSV. A comparison holds a few series of tens of quarters, so the file is built at
 * once rather than streamed.
 */
export async function GET(request: Request): Promise<Response> {
  const refusal = await privateReadRefusal();
  if (refusal) return refusal;
  const url = new URL(request.url);
  const boms = url.searchParams.getAll("bom");
  if (boms.length > 1 || (boms.length === 1 && boms[0] !== "0" && boms[0] !== "1")) {
    return paramProblemsResponse([
      {
        param: "bom",
        message: boms.length > 1 ? "appears more than once" : "must be 1 (yes) or 0 (no)",
      },
    ]);
  }
  const bom = boms[0] === "1";
  url.searchParams.delete("bom");
  const params = searchParamsOf(url.searchParams);
  const parsed = parseCompareParams(params);
  if (!parsed.ok) return paramProblemsResponse(parsed.problems);
  const state = parsed.value;
  const view = await loadCompareView(state);
  const problems: ParamProblem[] = [
    ...view.unknownBrands.map((slug) => ({ param: "brands", message: `has no brand "${slug}"` })),
    ...view.unknownMetrics.map((key) => ({
      param: "metrics",
      message: `has no stored or derived metric "${key}"`,
    })),
  ];
  if (problems.length > 0) return paramProblemsResponse(problems);
  // The values are English whatever `lang` names the columns in (loadCompareView above is too):
  // a file read by scripts does not change with the reader.
  const notes = await listBrandMetricNotes(state.brands, state.metrics, "en");
  const body = stringifyRecords([
    // English unless the URL asks `lang=zh`: only the names change, the values stay as they are.
    localizedHeader(compareHeader(), exportLang(params)),
    ...compareRecords({ series: view.series, table: view.table, notes }),
  ]);
  const fileName = compareFileName({ ...state, bom });
  return new Response(`${bom ? BYTE_ORDER_MARK : ""}${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
