-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "descriptionZh" TEXT;

