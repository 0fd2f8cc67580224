/**
 * A confirmation (restatement or extreme change, see confirmations.ts) as one plain sentence,
 * for answers that have no page to lay it out on: the JSON API's 409 and the restate form. The
 * quarter form says the same with links (components/quarter-form/ConfirmationText.tsx).
 *
 * The words are a plain table of templates (messages `ConfirmationSentence`): a page hands the
 * reader's language in; the JSON API keeps the English default, which the unit test holds equal
 * to the English catalog.
 */
import { fill } from "@/i18n/fill";
import type { Confirmation } from "./confirmations";
import { formatChangeHeadline, formatValue, unitLabel } from "./format";
import type { Locale } from "./locale";
import { quarterLabel } from "./quarter";

export interface ConfirmationWords {
  source: string;
  sourceUrl: string;
  restatement: string;
  extreme: string;
  unitSlip: string;
  metricUnit: string;
  unusual: string;
}

export const CONFIRMATION_WORDS_EN: ConfirmationWords = {
  source: ' from "{title}"',
  sourceUrl: " ({url})",
  restatement:
    "{label}, {quarter}: restatement. The stored figure is {value}{source}, entered by {name} on {date}. Saving {next} makes it revision {revision}; the stored figure stays as history.",
  extreme: "{label}, {quarter}: {change} year over year, {next} against {base} in {baseQuarter}. ",
  unitSlip: "That is more than tenfold: check that the value is in {unit}.",
  metricUnit: "the metric's unit",
  unusual: "That is an unusually large change: check it against the source.",
};

export function describeConfirmation(
  item: Confirmation,
  metric: { label: string; unit: string } | undefined,
  words: ConfirmationWords = CONFIRMATION_WORDS_EN,
  locale: Locale = "en",
): string {
  const unit = metric?.unit ?? "";
  const label = metric?.label ?? item.metricKey;
  const value = (figure: Confirmation["next"]) =>
    formatValue(figure.value, unit, figure.decimals, figure.qualifier, locale);
  const next = value(item.next);
  if (item.kind === "restatement") {
    const { current } = item;
    const source = current.source
      ? fill(words.source, { title: current.source.title }) +
        (current.source.url ? fill(words.sourceUrl, { url: current.source.url }) : "")
      : "";
    return fill(words.restatement, {
      label,
      quarter: quarterLabel(item.quarter, locale),
      value: value(current),
      source,
      name: current.createdBy,
      date: current.createdAt.slice(0, 10),
      next,
      revision: current.revision + 1,
    });
  }
  return (
    fill(words.extreme, {
      label,
      quarter: quarterLabel(item.quarter, locale),
      change: formatChangeHeadline(item.change, locale),
      next,
      base: value(item.base),
      baseQuarter: quarterLabel(item.baseQuarter, locale),
    }) +
    (item.unitSlip
      ? fill(words.unitSlip, { unit: unit ? unitLabel(unit, locale) : words.metricUnit })
      : words.unusual)
  );
}
