"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmImportBatch } from "@/lib/mutations/confirm-import-batch";
import { requireEditor } from "./require-editor";

const ConfirmImportSchema = z.object({
  id: z.coerce.number().int().positive(),
  planChecksum: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Step two: applies the previewed import, all of it or nothing, and says what happened. */
export async function confirmImport(formData: FormData): Promise<void> {
  const parsed = ConfirmImportSchema.safeParse({
    id: formData.get("id"),
    planChecksum: formData.get("planChecksum"),
  });
  const returnTo = parsed.success ? `/import/${parsed.data.id}` : "/import";
  const session = await requireEditor(returnTo);
  if (!parsed.success) redirect("/import");
  const result = await confirmImportBatch({ ...parsed.data, actor: session.name });
  if (result.kind === "applied") {
    revalidatePath("/", "layout");
  }
  if (result.kind === "not-found") redirect("/import");
  redirect(`${returnTo}?result=${result.kind}`);
}
