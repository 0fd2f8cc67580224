import { useTranslations } from "next-intl";
import type { SourceDTO } from "@/lib/domain/types";

/** The evidence for a figure: the source's title, linked when it has an address. */
export function SourceLink({
  source,
  prefix,
}: {
  source: SourceDTO;
  /** Before the title; "Source: " in the reader's language unless given. */
  prefix?: string;
}) {
  const t = useTranslations("SourceLink");
  const date = source.publishedOn ? ` (${source.publishedOn})` : "";
  return (
    <span className="source">
      {prefix ?? t("prefix")}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
          {source.title}
        </a>
      ) : (
        <cite>
          {source.title}
          {t("noAddress")}
        </cite>
      )}
      {date}
    </span>
  );
}
