import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
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
  const t = useTranslations("ChangeText");
  const locale = useCurrentLocale();
  const headline = formatChangeHeadline(delta, locale);
  const absolute =
    showAbsolute && delta.kind === "relative"
      ? ` (${formatChangeAbsolute(delta, unit, decimals, locale)})`
      : "";
  const note = delta.kind === "relative" && delta.pct === null ? t("baseNotPositive") : "";
  return (
    <span className={`change change--${tone}`} data-testid={`change-${label.toLowerCase()}`}>
      <span className="change__value">{headline}</span> {label === "YoY" ? t("yoy") : t("qoq")}
      {absolute}
      {note}
    </span>
  );
}
