/**
 * `npx tsx scripts/make-synthetic-db.ts <file.db> [observations]`: a migrated database with the
 * seed catalog and about that many synthetic current figures (default 200,000) spread over many
 * brands, 5% of them restated once: for measuring exports at scale.
 */
import Database from "better-sqlite3";
import { quarterFromIndex } from "@/lib/domain/quarter";
import { applyMigrations, seedFromFiles } from "@/lib/seed/prepare-database";

const [file, countText = "200000"] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx scripts/make-synthetic-db.ts <file.db> [observations]");
  process.exit(1);
}
const target = Number(countText);
const url = `file:${file}`;
await applyMigrations(url);
await seedFromFiles(url);

const sqlite = new Database(file);
const metrics = sqlite.prepare("SELECT id FROM Metric ORDER BY position").all() as { id: number }[];
const QUARTERS = 320; // 2020Q1..2099Q4
const brands = Math.ceil(target / (metrics.length * QUARTERS));
const insertBrand = sqlite.prepare(
  "INSERT INTO Brand (slug, name, currency, description) VALUES (?, ?, 'CNY', 'Synthetic brand.')",
);
const insertSource = sqlite.prepare(
  "INSERT INTO Source (fingerprint, title, url, publishedOn) VALUES (?, ?, ?, '2024-05-20')",
);
const insert = sqlite.prepare(
  `INSERT INTO Observation (brandId, metricId, quarter, revision, isCurrent, value, decimals, qualifier, sourceId, createdBy, quote)
   VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'synthetic', ?)`,
);
let rows = 0;
sqlite.transaction(() => {
  for (let b = 0; b < brands && rows < target; b++) {
    const slug = `synthetic-${String(b).padStart(4, "0")}`;
    const brandId = Number(insertBrand.run(slug, `Synthetic ${b}`).lastInsertRowid);
    const sourceId = Number(
      insertSource.run(
        `synthetic-${b}`,
        `Synthetic results, brand ${b} = "quoted", 小米`,
        `https://example.com/${slug}`,
      ).lastInsertRowid,
    );
    for (const metric of metrics) {
      for (let q = 0; q < QUARTERS && rows < target; q++) {
        const quarter = quarterFromIndex(2020 * 4 + q);
        const value = Math.round((100 + q + metric.id * 7 + b) * 10) / 10;
        const restated = (b * 31 + q * 7 + metric.id) % 20 === 0;
        if (restated)
          insert.run(brandId, metric.id, quarter, 1, 0, value - 0.5, "approximate", sourceId, null);
        insert.run(
          brandId,
          metric.id,
          quarter,
          restated ? 2 : 1,
          1,
          value,
          "exact",
          sourceId,
          q % 3 === 0 ? "A quote, with a comma" : null,
        );
        rows++;
      }
    }
  }
})();
sqlite.close();
console.log(`${file}: ${rows} synthetic current figures over ${brands} brands`);
