-- AlterTable
ALTER TABLE "Event" ADD COLUMN "metricKeys" TEXT;
