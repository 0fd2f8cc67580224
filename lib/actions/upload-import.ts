"use server";

import { currentLocale } from "@/i18n/locale";
import { serverTranslator } from "@/i18n/messages";
import { redirectTo, writeAction } from "@/lib/auth/write";
import { MAX_IMPORT_BYTES, megabytes } from "@/lib/csv/import-file";
import { IMPORT_KINDS, type ImportKind, importUploadPath } from "@/lib/csv/import-types";
import { importProblemWords } from "@/lib/csv/import-words";
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
 * It answers in the reader's language (messages `UploadImport`, and the file problems').
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
    const [t, locale] = await Promise.all([serverTranslator("UploadImport"), currentLocale()]);
    const file = formData.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
      throw new AppError("invalid_input", t("chooseFile"));
    }
    // Checked before reading the body into memory: the server accepts a little more than this so
    // that an oversized file gets this message rather than a generic error.
    if (file.size > MAX_IMPORT_BYTES) {
      throw new AppError("invalid_input", t("refused"), {
        problems: [
          importProblemWords(locale)("tooLarge", {
            size: megabytes(file.size),
            max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
          }),
        ],
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await createImportBatch({
      bytes,
      fileName: file.name,
      actor,
      kind: kindOf(formData),
      locale,
    });
    if (!result.ok) {
      throw new AppError("invalid_input", t("refused"), {
        problems: result.problems,
      });
    }
    return redirectTo(`/import/${result.id}`);
  },
);
