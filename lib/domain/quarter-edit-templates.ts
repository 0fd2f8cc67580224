import type { QuarterCode } from "./quarter";

/**
 * A metric page's per-quarter edit links as templates: each href built once, by the functions in
 * lib/url-state.ts, for `QUARTER_SLOT`, and filled in per row by the table's client cells, so that
 * the page's RSC payload does not carry two hrefs per row (issue 12).
 */
export interface QuarterEditTemplates {
  restate: string;
  withdraw: string;
  /** For a gap row: the quarter form with the quarter chosen. */
  add: string;
}

/** A quarter code no figure can have (no year 0): stands for the row's quarter in a template. */
export const QUARTER_SLOT = "0000Q1" as QuarterCode;

export function fillQuarterSlot(template: string, quarter: string): string {
  return template.replace(QUARTER_SLOT, quarter);
}
