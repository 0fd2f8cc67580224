import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import type { QuarterCode } from "@/lib/domain/quarter";
import { QuarterSelect } from "./QuarterSelect";

/** The quarter range as a GET form: it works without JavaScript and lands in the URL. */
export function RangeForm({
  action,
  quarters,
  from,
  to,
  hidden,
  resetHref,
}: {
  action: string;
  quarters: readonly QuarterCode[];
  from: QuarterCode | null;
  to: QuarterCode | null;
  hidden: Record<string, string>;
  resetHref: string;
}) {
  const t = useTranslations("RangeForm");
  const locale = useCurrentLocale();
  return (
    <form className="range-form" action={action} method="get" aria-label={t("label")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <QuarterSelect
        label={t("from")}
        name="from"
        value={from}
        emptyLabel={t("first")}
        quarters={quarters}
        locale={locale}
      />
      <QuarterSelect
        label={t("to")}
        name="to"
        value={to}
        emptyLabel={t("latest")}
        quarters={quarters}
        locale={locale}
      />
      <button type="submit">{t("apply")}</button>
      {from || to ? <Link href={resetHref}>{t("all")}</Link> : null}
    </form>
  );
}
