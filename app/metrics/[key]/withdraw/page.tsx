import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParamProblems } from "@/components/ParamProblems";
import { SourceLink } from "@/components/SourceLink";
import { WithdrawForm } from "@/components/WithdrawForm";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { requireRole } from "@/lib/auth/current-user";
import { MetricKeySchema } from "@/lib/domain/fields";
import { formatValue } from "@/lib/domain/format";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { quarterLabel } from "@/lib/domain/quarter";
import { WITHDRAW_REASON_MAX } from "@/lib/domain/withdraw-input";
import { getBrand } from "@/lib/queries/brands";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  metricPageQuery,
  parseWithdrawParams,
  type SearchParams,
  withdrawHref,
} from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("WithdrawPage"))("title") };
}

export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  if (!parsedKey.success) notFound();
  const parsed = parseWithdrawParams(await searchParams);
  await requireRole(
    "editor",
    parsed.ok
      ? withdrawHref(parsedKey.data, parsed.value.brand, parsed.value.quarter)
      : `/metrics/${parsedKey.data}`,
  );
  if (!parsed.ok) {
    return <ParamProblems problems={parsed.problems} resetHref={`/metrics/${parsedKey.data}`} />;
  }
  const [storedMetric, brand, t, tForm, locale] = await Promise.all([
    getMetric(parsedKey.data),
    getBrand(parsed.value.brand),
    getTranslations("WithdrawPage"),
    getTranslations("WithdrawForm"),
    currentLocale(),
  ]);
  if (!storedMetric || !brand) notFound();
  const metric = localizeMetric(storedMetric, locale);
  const [series] = await listBrandSeries(brand.slug, { metricKeys: [metric.key] });
  const point = series?.points.find((entry) => entry.quarter === parsed.value.quarter);
  const metricHref = `/metrics/${metric.key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}`;
  const label = quarterLabel(parsed.value.quarter, locale);
  const value = point
    ? formatValue(point.value, metric.unit, point.decimals, point.qualifier, locale)
    : "";
  const description = t("description", { metric: metric.label, quarter: label, value });

  return (
    <section className="narrow">
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href={metricHref}>
          {t("crumbMetric", { brand: brand.name, metric: metric.label })}
        </Link>{" "}
        › <span aria-current="page">{t("crumbHere", { quarter: label })}</span>
      </nav>
      <h1>{t("heading", { metric: metric.label, quarter: label })}</h1>
      {point ? (
        <>
          <p className="lede">
            {t.rich("current", {
              value,
              revision: String(point.revision),
              strong: (chunks) => <strong>{chunks}</strong>,
              source: () => <SourceLink source={point.source} prefix={t("sourcePrefix")} />,
            })}
          </p>
          <WithdrawForm
            brand={brand.slug}
            metricKey={metric.key}
            quarter={parsed.value.quarter}
            revision={point.revision}
            returnTo={withdrawHref(metric.key, brand.slug, parsed.value.quarter)}
            text={{
              reason: tForm("reason"),
              reasonHint: tForm("reasonHint", { max: String(WITHDRAW_REASON_MAX) }),
              confirm: tForm("confirm", { description }),
              withdrawing: tForm("withdrawing"),
              submit: tForm("submit"),
            }}
          />
        </>
      ) : (
        <p className="problem" role="alert">
          {t.rich("noFigure", {
            brand: brand.name,
            metric: metric.label,
            quarter: label,
            link: (chunks) => <Link href={metricHref}>{chunks}</Link>,
          })}
        </p>
      )}
    </section>
  );
}
