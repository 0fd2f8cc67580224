import type { SourceDTO } from "@/lib/domain/types";

/**
 * The evidence for a figure: the source's title, linked when it has an address, with its words
 * given. Client components use it directly (no message catalog reaches the browser); server
 * components use SourceLink, which supplies the words in the reader's language.
 */
export function SourceCitation({
  source,
  prefix,
  noAddress,
}: {
  source: SourceDTO;
  prefix: string;
  /** After a title that has no web address. */
  noAddress: string;
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
        <cite>
          {source.title}
          {noAddress}
        </cite>
      )}
      {date}
    </span>
  );
}
