import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import type { BrandDTO } from "@/lib/domain/types";
import { BRAND_PICK_LIST_LIMIT } from "@/lib/limits";

/** A plain GET form, so switching brands works without JavaScript and lands in the URL. */
export function BrandSwitcher({
  brands,
  current,
  action,
  hidden = {},
}: {
  brands: readonly BrandDTO[];
  current: string;
  action: string;
  hidden?: Record<string, string>;
}) {
  const t = useTranslations("BrandSwitcher");
  const locale = useCurrentLocale();
  const pickList = brands.length <= BRAND_PICK_LIST_LIMIT;
  return (
    <form className="brand-switcher" action={action} method="get">
      <label htmlFor="brand-select">{t("brand")}</label>
      {pickList ? (
        <select id="brand-select" name="brand" defaultValue={current}>
          {brands.map((brand) => (
            <option key={brand.slug} value={brand.slug}>
              {brand.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id="brand-select"
          name="brand"
          defaultValue={current}
          required
          size={14}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="brand-switcher-all"
        />
      )}
      {/* The next address keeps a language that came from the link, not only the cookie. */}
      {locale !== "en" && !("lang" in hidden) ? (
        <input type="hidden" name="lang" value={locale} />
      ) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{t("show")}</button>
      {pickList ? null : (
        <Link id="brand-switcher-all" href="/catalog">
          {t("allBrands", { count: brands.length })}
        </Link>
      )}
    </form>
  );
}
