"use server";

import { z } from "zod";
import { redirectTo, writeAction } from "@/lib/auth/write";
import { confirmImportBatch } from "@/lib/mutations/confirm-import-batch";

const ConfirmImportSchema = z.object({
  id: z.coerce.number().int().positive(),
  planChecksum: z.string().regex(/^[0-9a-f]{64}$/),
});

function returnPath(formData: FormData): string {
  const parsed = ConfirmImportSchema.safeParse({
    id: formData.get("id"),
    planChecksum: formData.get("planChecksum"),
  });
  return parsed.success ? `/import/${parsed.data.id}` : "/import";
}

/** Step two: applies the previewed import, all of it or nothing, and says what happened. */
export const confirmImport = writeAction<[FormData], void>(
  {
    role: "editor",
    returnTo: returnPath,
    onError: (error, formData) =>
      redirectTo(
        `${returnPath(formData)}?result=${error.code === "forbidden" ? "forbidden" : "conflict"}`,
      ),
  },
  async (actor, formData: FormData) => {
    const parsed = ConfirmImportSchema.safeParse({
      id: formData.get("id"),
      planChecksum: formData.get("planChecksum"),
    });
    if (!parsed.success) return redirectTo("/import");
    const result = await confirmImportBatch({
      ...parsed.data,
      unusualConfirmed: formData.get("unusualChecked") === "1",
      actor,
    });
    if (result.kind === "not-found") return redirectTo("/import");
    return redirectTo(`/import/${parsed.data.id}?result=${result.kind}`);
  },
);
