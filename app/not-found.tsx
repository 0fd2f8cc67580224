import Link from "next/link";
import { getTranslations } from "@/i18n/messages";

/*
 * Unknown brands and metrics land here, with what does exist one click away (/catalog). Kept
 * small on purpose: Next renders this boundary into every page's payload, found or not.
 */
export default async function NotFound() {
  const t = await getTranslations("NotFoundPage");
  return (
    <section className="problem" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("title")}</h1>
      <p>{t("lede")}</p>
      <p>
        <Link href="/catalog">{t("catalog")}</Link>
      </p>
    </section>
  );
}
