"use server";

import { currentLocale } from "@/i18n/locale";
import { redirectTo, writeAction } from "@/lib/auth/write";
import { MAX_IMPORT_BYTES } from "@/lib/csv/import-file";
import { IMPORT_KINDS, type ImportKind, importUploadPath } from "@/lib/csv/import-types";
import { AppError } from "@/lib/errors";
import { createImportBatch } from "@/lib/mutations/create-import-batch";

export interface UploadImportState {
  message: string | null;
  problems: string[];
}

/** The form's hidden `kind` field; anything else is the figures' import, as before kinds existed. */
function kindOf(formData: FormData): ImportKind {
  const kind = formData.get("kind");
  return IMPORT_KINDS.find((known) => known === kind) ?? "figures";
}

/**
 * Step one of an import: reads and validates the file and stores it as a pending import, then
 * shows its preview. Nothing becomes a figure or a claim here, so no page's cache is expired.
 */
export const uploadImport = writeAction<[UploadImportState, FormData], UploadImportState>(
  {
    role: "editor",
    returnTo: (_previous: UploadImportState, formData: FormData) =>
      importUploadPath(kindOf(formData)),
    revalidate: false,
    onError: (error): UploadImportState => ({
      message: error.message,
      problems: Array.isArray(error.details.problems) ? (error.details.problems as string[]) : [],
    }),
  },
  async (actor, _previous: UploadImportState, formData: FormData) => {
    const file = formData.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
      throw new AppError("invalid_input", "Choose a CSV file to upload.");
    }
    // Checked before reading the body into memory: the server accepts a little more than this so
    // that an oversized file gets this message rather than a generic error.
    if (file.size > MAX_IMPORT_BYTES) {
      throw new AppError("invalid_input", "This file cannot be imported.", {
        problems: [
          `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
        ],
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await createImportBatch({
      bytes,
      fileName: file.name,
      actor,
      kind: kindOf(formData),
      locale: await currentLocale(),
    });
    if (!result.ok) {
      throw new AppError("invalid_input", "This file cannot be imported.", {
        problems: result.problems,
      });
    }
    return redirectTo(`/import/${result.id}`);
  },
);
