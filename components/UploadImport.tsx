import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import type { ImportKind } from "@/lib/csv/import-types";
import { UploadImportForm, type UploadImportText } from "./UploadImportForm";

/**
 * The upload form with its words in the reader's language: the form runs in the browser, where
 * no catalog is sent, so its words are handed over here (those with a number the browser only
 * knows, like the percent sent, as templates).
 */
export function UploadImport({
  maxBytes,
  maxRows,
  kind = "figures",
}: {
  maxBytes: number;
  maxRows: number;
  kind?: ImportKind;
}) {
  const t = useTranslations("UploadImportForm");
  const locale = useCurrentLocale();
  const maxMegabytes = maxBytes / 1024 / 1024;
  const text: UploadImportText = {
    uploading: t("uploading"),
    uploaded: t.raw("uploaded") as string,
    checking: t("checking"),
    checkingHint: t("checkingHint"),
    lost: t("lost"),
    unreadable: t.raw("unreadable") as string,
    tooLarge: t.raw("tooLarge") as string,
    cannotImport: t("cannotImport"),
    file: kind === "claims" ? t("fileClaims") : t("fileFigures"),
    hint: t("hint", {
      maxMegabytes: String(maxMegabytes),
      maxRows: maxRows.toLocaleString("en-US"),
    }),
    submit: t("submit"),
  };
  return <UploadImportForm maxBytes={maxBytes} kind={kind} text={text} locale={locale} />;
}
