import { useTranslations } from "next-intl";
import type { BrandDTO } from "@/lib/domain/types";

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
  return (
    <form className="brand-switcher" action={action} method="get">
      <label htmlFor="brand-select">{t("brand")}</label>
      <select id="brand-select" name="brand" defaultValue={current}>
        {brands.map((brand) => (
          <option key={brand.slug} value={brand.slug}>
            {brand.name}
          </option>
        ))}
      </select>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{t("show")}</button>
    </form>
  );
}
