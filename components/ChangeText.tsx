import { changeTone, formatChangeAbsolute, formatChangeHeadline } from "@/lib/domain/format";
import { type Change, changeMagnitude } from "@/lib/domain/kpi";

/** A YoY or QoQ change, coloured by whether it is good news for this metric. */
export function ChangeText({
  delta,
  label,
  unit,
  decimals,
  higherIsBetter,
  showAbsolute = true,
}: {
  delta: Change;
  label: "YoY" | "QoQ";
  unit: string;
  decimals: number;
  higherIsBetter: boolean;
  showAbsolute?: boolean;
}) {
  const tone = changeTone(changeMagnitude(delta), higherIsBetter);
  const headline = formatChangeHeadline(delta);
  const absolute =
    showAbsolute && delta.kind === "relative"
      ? ` (${formatChangeAbsolute(delta, unit, decimals)})`
      : "";
  const note = delta.kind === "relative" && delta.pct === null ? " (base is zero or negative)" : "";
  return (
    <span className={`change change--${tone}`} data-testid={`change-${label.toLowerCase()}`}>
      <span className="change__value">{headline}</span> {label}
      {absolute}
      {note}
    </span>
  );
}
