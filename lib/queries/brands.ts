import "server-only";
import { cache } from "react";
import { getReadDb } from "@/lib/db";
import type { BrandDTO } from "@/lib/domain/types";
import { memoByVersion } from "./data-version";

const brandSelect = {
  slug: true,
  name: true,
  currency: true,
  description: true,
  descriptionZh: true,
  reportingLagDays: true,
} as const;

export const listBrands = cache(async function listBrands(): Promise<BrandDTO[]> {
  return memoByVersion(null, "brands", () =>
    getReadDb().brand.findMany({ select: brandSelect, orderBy: { name: "asc" } }),
  );
});

export const getBrand = cache(async function getBrand(slug: string): Promise<BrandDTO | null> {
  return memoByVersion(null, `brand:${slug}`, () =>
    getReadDb().brand.findUnique({ where: { slug }, select: brandSelect }),
  );
});
