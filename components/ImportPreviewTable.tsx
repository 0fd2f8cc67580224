import type { ReactNode } from "react";
import { More, PREVIEW_ROWS } from "./ImportRejectedRows";

export interface PreviewColumn {
  label: string;
  /** Right-aligned numbers. */
  num?: boolean;
}

/**
 * One list of an import's preview (figures or claims to add, restatements, unusual changes): a
 * headed section with a table of the first PREVIEW_ROWS rows and how many more there are.
 */
export function ImportPreviewTable<T>({
  headingId,
  testId,
  heading,
  note,
  columns,
  rows,
  row,
}: {
  headingId: string;
  testId: string;
  heading: string;
  note?: ReactNode;
  columns: readonly PreviewColumn[];
  rows: readonly T[];
  row: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{heading}</h2>
      {note ? <p className="section-note">{note}</p> : null}
      <div className="table-scroll">
        <table className="series-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.num ? "num" : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows.slice(0, PREVIEW_ROWS).map(row)}</tbody>
        </table>
      </div>
      <More total={rows.length} />
    </section>
  );
}

/** A row's source as the file gives it: the title, linked when there is an address, and its date. */
export function ImportSourceCell({
  title,
  url,
  date,
}: {
  title: string | null;
  url: string | null | undefined;
  date: string | null | undefined;
}) {
  return (
    <td>
      {url ? (
        <a href={url} rel="noopener noreferrer nofollow" target="_blank">
          {title}
        </a>
      ) : (
        title
      )}
      {date ? ` (${date})` : ""}
    </td>
  );
}
