import { methodNotAllowed } from "@/lib/api/http";
import { paramProblemsResponse, privateReadRefusal } from "@/lib/api/read-route";
import { exportFileName, quarterColumns } from "@/lib/csv/export-format";
import { acrossCsvStream, longCsvStream, wideCsvStream } from "@/lib/csv/export-stream";
import { parseExportParams, searchParamsOf } from "@/lib/export-params";
import { getBrand } from "@/lib/queries/brands";
import {
  streamExportObservations,
  streamWideObservations,
} from "@/lib/queries/export-observations";
import { exportQuarterSpan } from "@/lib/queries/export-span";
import { listMetrics } from "@/lib/queries/metrics";
import type { ParamProblem } from "@/lib/url-state";

export const dynamic = "force-dynamic";

// Without these Next answers other methods with an empty 405; this one says what to use.
export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");

/**
 * `GET /api/export?brand=&metrics=&from=&to=&format=long|wide&across=metrics|quarters&bom=1&history=1&lang=zh`:
 * see the README.
 */
export async function GET(request: Request): Promise<Response> {
  const refusal = await privateReadRefusal();
  if (refusal) return refusal;
  const parsed = parseExportParams(searchParamsOf(new URL(request.url).searchParams));
  if (!parsed.ok) return paramProblemsResponse(parsed.problems);
  const params = parsed.value;

  const [catalog, brand] = await Promise.all([
    listMetrics(),
    params.brand ? getBrand(params.brand) : Promise.resolve(null),
  ]);
  const problems: ParamProblem[] = [];
  if (params.brand && !brand) {
    problems.push({ param: "brand", message: `has no brand "${params.brand}"` });
  }
  const unknown = (params.metrics ?? []).filter((key) => !catalog.some((m) => m.key === key));
  if (unknown.length > 0) {
    problems.push({
      param: "metrics",
      message: `has no metric ${unknown.map((key) => `"${key}"`).join(", ")} (known: ${catalog.map((m) => m.key).join(", ")})`,
    });
  }
  if (problems.length > 0) return paramProblemsResponse(problems);

  const metrics = params.metrics
    ? params.metrics.flatMap((key) => catalog.filter((metric) => metric.key === key))
    : catalog;
  const selection = {
    brands: params.brand ? [params.brand] : null,
    metrics: metrics.map((metric) => metric.key),
    from: params.from,
    to: params.to,
  };
  const acrossQuarters = async () => {
    // The range asked for, else the stored one; a selection without figures is a header only.
    const stored = params.from && params.to ? null : await exportQuarterSpan(selection);
    const first = params.from ?? stored?.first;
    const last = params.to ?? stored?.last;
    return acrossCsvStream(
      streamExportObservations({ ...selection, from: first ?? null, history: false }),
      {
        metrics,
        quarters: first && last ? quarterColumns(first, last) : [],
        bom: params.bom,
        lang: params.lang,
      },
    );
  };
  const body =
    params.format === "wide" && params.across === "quarters"
      ? await acrossQuarters()
      : params.format === "wide"
        ? wideCsvStream(streamWideObservations(selection), {
            metrics,
            bom: params.bom,
            lang: params.lang,
          })
        : longCsvStream(streamExportObservations({ ...selection, history: params.history }), {
            metrics,
            from: params.from,
            history: params.history,
            bom: params.bom,
            lang: params.lang,
          });
  const fileName = exportFileName({ ...params, brand: params.brand });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
