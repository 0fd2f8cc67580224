"use client";

import type { Locale } from "@/lib/domain/locale";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";

/**
 * A labelled choice of one quarter for a GET form; the empty option means "not given". A client
 * component so that the RSC payload carries the quarter codes, not an element per option (issue
 * 12: a metric page over 80 quarters has two, 4.8 KB each); server-rendered, so it works without JS.
 */
export function QuarterSelect({
  label,
  name,
  value,
  emptyLabel,
  quarters,
  locale,
  className,
}: {
  label: string;
  name: string;
  value: QuarterCode | null;
  emptyLabel: string;
  quarters: readonly QuarterCode[];
  locale: Locale;
  className?: string;
}) {
  return (
    <label className={className}>
      {label}{" "}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{emptyLabel}</option>
        {quarters.map((quarter) => (
          <option key={quarter} value={quarter}>
            {quarterLabel(quarter, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
