/** The restate form's starting values: the stored figure as its source writes it, and its source. */
import type { RestateFormValues } from "./restate-input";
import type { PointDTO } from "./types";

/** The value as typed originally: its stated decimals kept ("6.0", not "6"). */
export function storedValueText(value: number, decimals: number): string {
  return value.toFixed(Math.min(Math.max(decimals, 0), 20));
}

export function restateDefaults(point: PointDTO): RestateFormValues {
  return {
    value: storedValueText(point.value, point.decimals),
    qualifier: point.qualifier,
    sourceTitle: point.source.title,
    sourceUrl: point.source.url ?? "",
    sourcePublishedOn: point.source.publishedOn ?? "",
    quote: point.quote ?? "",
    // The stored note explains the stored revision; a restatement gives its own reason.
    note: "",
  };
}
