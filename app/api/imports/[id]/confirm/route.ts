import { z } from "zod";
import { apiJson, methodNotAllowed } from "@/lib/api/http";
import { importIdOf, notFoundImport } from "@/lib/api/import-id";
import { importSummary } from "@/lib/api/import-summary";
import { writeRoute } from "@/lib/auth/write";
import { AppError, ImportConflictError } from "@/lib/errors";
import { confirmImportBatch } from "@/lib/mutations/confirm-import-batch";
import { getImportBatch } from "@/lib/queries/import-batches";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

const ConfirmBodySchema = z.strictObject(
  {
    planChecksum: z
      .string({ error: "planChecksum is required: the planChecksum of the preview you checked" })
      .regex(/^[0-9a-f]{64}$/, {
        error: "planChecksum must be the 64 hexadecimal digits the preview gave",
      }),
    unusualChangesChecked: z
      .boolean({ error: "unusualChangesChecked must be true or false" })
      .optional(),
  },
  { error: 'The body must be a JSON object like { "planChecksum": "…" }.' },
);

/**
 * `POST /api/imports/<id>/confirm` `{ "planChecksum", "unusualChangesChecked"? }`: step two, as
 * the import page's button. Applies the previewed import in one transaction, all of it or
 * nothing. 200 applied; 409 when the data changed since the preview (the answer holds the new
 * preview), the import has rejected rows, has unusual changes not confirmed as checked, or was
 * already applied; 404 when there is no such import.
 */
export const POST = writeRoute<{ id: string }>(
  {
    role: "editor",
    body: { type: "application/json", maxBytes: 4 * 1024 },
    revalidate: true,
    checkParams: (params) => importIdOf(params.id),
  },
  async ({ params, body, actor }) => {
    const id = importIdOf(params.id);
    const parsed = ConfirmBodySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message =
        issue?.code === "unrecognized_keys"
          ? `The body may hold only planChecksum and unusualChangesChecked, not ${issue.keys.map((key) => `"${key.slice(0, 60)}"`).join(", ")}.`
          : (issue?.message ?? "The body is malformed.");
      throw new AppError("invalid_input", `${message} Nothing was written.`);
    }
    let result: Awaited<ReturnType<typeof confirmImportBatch>>;
    try {
      result = await confirmImportBatch({
        id,
        planChecksum: parsed.data.planChecksum,
        unusualConfirmed: parsed.data.unusualChangesChecked === true,
        actor,
      });
    } catch (error) {
      if (error instanceof ImportConflictError) {
        throw new ImportConflictError(`Nothing was written: ${error.message}`);
      }
      throw error;
    }
    switch (result.kind) {
      case "applied":
        return apiJson(200, {
          id,
          status: "applied",
          writes: result.writes,
          brands: result.brands,
        });
      case "not-found":
        throw notFoundImport(id);
      case "already-applied":
        throw new AppError(
          "conflict",
          "This import had already been applied; nothing was written twice.",
          { status: "applied" },
        );
      case "not-pending":
        throw new AppError(
          "conflict",
          `This import is ${result.status}, not pending; nothing was written.`,
          { status: result.status },
        );
      case "has-rejections":
        throw new AppError(
          "conflict",
          `Nothing was written: the import has ${result.rejected} rejected row(s), and an import with rejected rows cannot be confirmed. Correct the file and upload it again.`,
          { status: "pending" },
        );
      case "unusual-unconfirmed":
        throw new AppError(
          "confirmation_required",
          `Nothing was written: the preview lists ${result.unusual} unusual year-over-year change(s), the kind the quarter form asks to confirm. Check them against their sources, then confirm again with "unusualChangesChecked": true.`,
          { status: "pending", unusual: result.unusual },
        );
      case "stale": {
        const batch = await getImportBatch(id);
        throw new AppError(
          "conflict",
          "The stored figures changed since this preview was made (or planChecksum is not the preview's), so nothing was written. Check the preview below and confirm again with its planChecksum.",
          { status: "pending", preview: batch ? importSummary(batch) : null },
        );
      }
    }
  },
);
