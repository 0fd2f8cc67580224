import { useTranslations } from "@/i18n/messages";
import type { SourceDTO } from "@/lib/domain/types";
import { SourceCitation } from "./SourceCitation";

/** The evidence for a figure, in the reader's language (server components only). */
export function SourceLink({
  source,
  prefix,
}: {
  source: SourceDTO;
  /** Before the title; "Source: " in the reader's language unless given. */
  prefix?: string;
}) {
  const t = useTranslations("SourceLink");
  return (
    <SourceCitation source={source} prefix={prefix ?? t("prefix")} noAddress={t("noAddress")} />
  );
}
