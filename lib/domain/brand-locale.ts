/**
 * A brand's description in the reader's language (data/brands.csv `description_zh`). A brand
 * without a translation, or with an empty one, keeps its English: never a blank description.
 */
import type { Locale } from "./locale";

export function brandDescriptionIn(
  brand: { description: string; descriptionZh?: string | null | undefined },
  locale: Locale,
): string {
  return (locale === "zh" && brand.descriptionZh?.trim()) || brand.description;
}
