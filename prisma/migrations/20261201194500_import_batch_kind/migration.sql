-- An import holds figures or claims; every earlier import held figures.
ALTER TABLE "ImportBatch" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'figures';
