import { apiJson, methodNotAllowed, requestLocale } from "@/lib/api/http";
import { importSummary } from "@/lib/api/import-summary";
import { writeRoute } from "@/lib/auth/write";
import { MAX_IMPORT_BYTES, megabytes } from "@/lib/csv/import-file";
import { IMPORT_KINDS, type ImportKind } from "@/lib/csv/import-types";
import { requiredText, visibleText } from "@/lib/domain/fields";
import { AppError } from "@/lib/errors";
import { createImportBatch } from "@/lib/mutations/create-import-batch";
import { getImportBatch } from "@/lib/queries/import-batches";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

const FileNameSchema = visibleText(requiredText(200));

/**
 * `POST /api/imports` (body: the CSV, `Content-Type: text/csv`, optional `?name=file.csv`,
 * `?kind=claims` for a claims file): step one of an import, as on the import pages. The file is
 * checked and kept as a pending import with its preview; nothing is written until it is confirmed.
 * 201 with the preview, 400 for a file that cannot be imported at all, 401, 403, 413, 415.
 */
export const POST = writeRoute(
  {
    role: "editor",
    body: {
      type: "text/csv",
      maxBytes: MAX_IMPORT_BYTES,
      tooLarge: (bytes) =>
        `The file is ${bytes === null ? "more than " : ""}${megabytes(bytes ?? MAX_IMPORT_BYTES)}; an import takes at most ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files. Nothing was stored.`,
    },
  },
  async ({ request, body, actor }) => {
    const params = new URL(request.url).searchParams;
    const kindParam = params.get("kind") ?? "figures";
    const kind = IMPORT_KINDS.find((known) => known === kindParam);
    if (kind === undefined) {
      throw new AppError(
        "invalid_input",
        `The kind parameter must be one of ${IMPORT_KINDS.join(", ")}. Nothing was stored.`,
      );
    }
    const nameParam = params.get("name");
    let fileName = "api-upload.csv";
    if (nameParam !== null) {
      const parsedName = FileNameSchema.safeParse(nameParam);
      if (!parsedName.success) {
        throw new AppError(
          "invalid_input",
          `The name parameter ${parsedName.error.issues[0]?.message}. Nothing was stored.`,
        );
      }
      fileName = parsedName.data;
    }
    const result = await createImportBatch({
      bytes: body as Uint8Array,
      fileName,
      actor,
      kind: kind satisfies ImportKind,
      locale: requestLocale(request),
    });
    if (!result.ok) {
      throw new AppError("invalid_input", "This file cannot be imported. Nothing was stored.", {
        problems: result.problems,
      });
    }
    const batch = await getImportBatch(result.id);
    if (!batch) throw new Error(`import ${result.id} vanished after it was stored`);
    return apiJson(201, importSummary(batch, requestLocale(request)), {
      Location: `/api/imports/${batch.id}`,
    });
  },
);
