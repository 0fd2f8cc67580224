"use server";

import { redirect } from "next/navigation";
import { MAX_IMPORT_BYTES } from "@/lib/csv/import-file";
import { createImportBatch } from "@/lib/mutations/create-import-batch";
import { requireEditor } from "./require-editor";

export interface UploadImportState {
  message: string | null;
  problems: string[];
}

/**
 * Step one of an import: reads and validates the file and stores it as a pending import, then
 * shows its preview. Nothing becomes a figure here.
 */
export async function uploadImport(
  _previous: UploadImportState,
  formData: FormData,
): Promise<UploadImportState> {
  const session = await requireEditor("/import");
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    return { message: "Choose a CSV file to upload.", problems: [] };
  }
  // Checked before reading the body into memory: the server accepts a little more than this so
  // that an oversized file gets this message rather than a generic error.
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      message: "This file cannot be imported.",
      problems: [
        `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
      ],
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await createImportBatch({ bytes, fileName: file.name, actor: session.name });
  if (!result.ok) return { message: "This file cannot be imported.", problems: result.problems };
  redirect(`/import/${result.id}`);
}
