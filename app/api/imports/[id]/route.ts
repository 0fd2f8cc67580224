import { apiJson, methodNotAllowed, requestLocale } from "@/lib/api/http";
import { importIdOf, notFoundImport } from "@/lib/api/import-id";
import { importSummary } from "@/lib/api/import-summary";
import { writeRoute } from "@/lib/auth/write";
import { getImportBatch } from "@/lib/queries/import-batches";

export const dynamic = "force-dynamic";

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");

/** `GET /api/imports/<id>`: an import's preview and status, as the upload answered it (editors). */
export const GET = writeRoute<{ id: string }>({ role: "editor" }, async ({ request, params }) => {
  const id = importIdOf(params.id);
  const batch = await getImportBatch(id);
  if (!batch) throw notFoundImport(id);
  return apiJson(200, importSummary(batch, requestLocale(request)));
});
