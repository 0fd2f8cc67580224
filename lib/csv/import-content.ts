/** What makes two revisions of a figure the same, and how a planned write names what it replaces. */
import { figureKey } from "@/lib/domain/figure-key";
import type { FigureContent, PlannedWrite } from "./import-types";

export { figureKey };

/** Whether two revisions say the same thing with the same evidence. */
export function sameContent(a: FigureContent, b: FigureContent): boolean {
  return (
    a.value === b.value &&
    (a.value === null || a.decimals === b.decimals) &&
    a.qualifier === b.qualifier &&
    a.sourceTitle === b.sourceTitle &&
    a.sourceUrl === b.sourceUrl &&
    a.sourceDate === b.sourceDate &&
    a.quote === b.quote &&
    a.note === b.note
  );
}

export function content(figure: FigureContent): FigureContent {
  return {
    value: figure.value,
    decimals: figure.value === null ? 0 : figure.decimals,
    qualifier: figure.qualifier,
    sourceTitle: figure.sourceTitle,
    sourceUrl: figure.sourceUrl,
    sourceDate: figure.sourceDate,
    quote: figure.quote,
    note: figure.note,
  };
}

export function describeBefore(
  figure: FigureContent & { revision: number },
): PlannedWrite["before"] {
  return {
    revision: figure.revision,
    value: figure.value,
    decimals: figure.decimals,
    qualifier: figure.qualifier,
    sourceTitle: figure.sourceTitle,
  };
}
