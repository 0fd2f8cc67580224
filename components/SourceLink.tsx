import type { SourceDTO } from "@/lib/domain/types";

/** The evidence for a figure: the source's title, linked when it has an address. */
export function SourceLink({
  source,
  prefix = "Source: ",
}: {
  source: SourceDTO;
  prefix?: string;
}) {
  const date = source.publishedOn ? ` (${source.publishedOn})` : "";
  return (
    <span className="source">
      {prefix}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
          {source.title}
        </a>
      ) : (
        <cite>{source.title} (document without a web address)</cite>
      )}
      {date}
    </span>
  );
}
