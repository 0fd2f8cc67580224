-- AlterTable: additive, so existing brands keep their rows and get the default lag.
ALTER TABLE "Brand" ADD COLUMN "reportingLagDays" INTEGER NOT NULL DEFAULT 75;
