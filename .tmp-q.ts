import { Prisma } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db";
import { seedFromFiles } from "@/lib/seed/prepare-database";

const url = "file:/tmp/i5-mig.db";
await seedFromFiles(url);
const db = createPrismaClient(url);
const rows = await db.$queryRaw(
  Prisma.sql`SELECT o.quarter, o.revision, o.isCurrent, o.value, o.decimals, s.title, s.url FROM Observation o LEFT JOIN Source s ON s.id = o.sourceId WHERE o.metricId = ${1} AND (o.quarter, o.revision) > (${"2023Q1"}, ${0}) ORDER BY o.quarter, o.revision LIMIT 3`,
);
console.log(rows);
const plan = await db.$queryRawUnsafe(
  "EXPLAIN QUERY PLAN SELECT o.quarter FROM Observation o WHERE o.brandId = 1 AND o.metricId = 1 AND (o.quarter, o.revision) > ('2023Q1', 0) ORDER BY o.quarter, o.revision LIMIT 3",
);
console.log(plan);
await db.$disconnect();
