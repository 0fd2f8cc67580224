import { apiEditorSession } from "@/lib/api/editor-session";
import { apiJson, methodNotAllowed } from "@/lib/api/http";
import { importIdOf, notFoundImport } from "@/lib/api/import-id";
import { importSummary } from "@/lib/api/import-summary";
import { getImportBatch } from "@/lib/queries/import-batches";

export const dynamic = "force-dynamic";

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");

/** `GET /api/imports/<id>`: an import's preview and status, as the upload answered it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const session = await apiEditorSession();
  if (session instanceof Response) return session;
  const id = importIdOf((await params).id);
  if (id instanceof Response) return id;
  const batch = await getImportBatch(id);
  if (!batch) return notFoundImport(id);
  return apiJson(200, importSummary(batch));
}
