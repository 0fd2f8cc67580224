-- A brand's description in Simplified Chinese (issue 11). Nullable: a brand without a translation
-- shows its English description. Existing databases get the seeded brands' Chinese from the seed,
-- which fills a missing translation from data/brands.csv.
ALTER TABLE "Brand" ADD COLUMN "descriptionZh" TEXT;
