import { apiEditorSession } from "@/lib/api/editor-session";
import { apiError, apiJson, crossOriginRefusal, methodNotAllowed, readBody } from "@/lib/api/http";
import { importSummary } from "@/lib/api/import-summary";
import { MAX_IMPORT_BYTES, megabytes } from "@/lib/csv/import-file";
import { requiredText, visibleText } from "@/lib/domain/fields";
import { createImportBatch } from "@/lib/mutations/create-import-batch";
import { getImportBatch } from "@/lib/queries/import-batches";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

const FileNameSchema = visibleText(requiredText(200));

/**
 * `POST /api/imports` (body: the CSV, `Content-Type: text/csv`, optional `?name=file.csv`):
 * step one of an import, as on the import page. The file is checked and kept as a pending
 * import with its preview; nothing becomes a figure until it is confirmed.
 * 201 with the preview, 400 for a file that cannot be imported at all, 401, 413, 415.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const session = await apiEditorSession();
  if (session instanceof Response) return session;

  const nameParam = new URL(request.url).searchParams.get("name");
  let fileName = "api-upload.csv";
  if (nameParam !== null) {
    const parsedName = FileNameSchema.safeParse(nameParam);
    if (!parsedName.success) {
      return apiError(
        400,
        `The name parameter ${parsedName.error.issues[0]?.message}. Nothing was stored.`,
      );
    }
    fileName = parsedName.data;
  }

  const body = await readBody(request, {
    type: "text/csv",
    maxBytes: MAX_IMPORT_BYTES,
    tooLarge: (bytes) =>
      `The file is ${bytes === null ? "more than " : ""}${megabytes(bytes ?? MAX_IMPORT_BYTES)}; an import takes at most ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files. Nothing was stored.`,
  });
  if (!body.ok) return body.response;

  const result = await createImportBatch({ bytes: body.value, fileName, actor: session.name });
  if (!result.ok) {
    return apiError(400, "This file cannot be imported. Nothing was stored.", {
      problems: result.problems,
    });
  }
  const batch = await getImportBatch(result.id);
  if (!batch) throw new Error(`import ${result.id} vanished after it was stored`);
  return apiJson(201, importSummary(batch), { Location: `/api/imports/${batch.id}` });
}
