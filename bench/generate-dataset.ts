/**
 * A large synthetic dataset for the benchmark: the real seed (Xiaomi, the 13 real metrics) plus
 * 200 synthetic brands x 30 metrics x 80 quarters (2006Q1..2025Q4), about half a million
 * current figures, some superseded revisions, shared sources and events.
 *
 * The schema comes from the real migrations; the rows are then inserted directly with
 * better-sqlite3 prepared statements in large transactions, because half a million Prisma
 * round trips would take many minutes and the point is the database's shape, not the write path.
 *
 *   npx tsx bench/generate-dataset.ts <file.db> [--brands 200] [--quarters 80]
 */
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type QuarterCode, quarterFromIndex, quarterIndex } from "@/lib/domain/quarter";
import { applyMigrations, PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { EVENT_KINDS, readSeedFiles } from "@/lib/seed/seed-files";

export const GENERATED_ACTOR = "bench-generator";
export const FIRST_QUARTER: QuarterCode = "2006Q1";

export interface DatasetOptions {
  brands?: number;
  quarters?: number;
  /** Seeds the pseudo-random generator, so two runs build the same data. */
  seed?: number;
}

export interface DatasetReport {
  file: string;
  seconds: number;
  bytes: number;
  brands: number;
  metrics: number;
  quarters: number;
  currentObservations: number;
  supersededObservations: number;
  sources: number;
  events: number;
  /** A synthetic brand to point the pages at. */
  sampleBrand: string;
}

/** Mulberry32: small, fast and good enough for test data; Math.random cannot be seeded. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface MetricSpec {
  key: string;
  label: string;
  unit: string;
  kind: "flow" | "stock" | "ratio";
  higherIsBetter: boolean;
  definition: string;
  decimals: number;
  /** Typical level of the first quarter, before each brand's own scale factor. */
  base: number;
}

/** Levels and precision for the real metrics, so their synthetic brands look plausible. */
const REAL_METRIC_SHAPES: Record<string, { decimals: number; base: number }> = {
  revenue: { decimals: 1, base: 20 },
  adjusted_net_profit: { decimals: 1, base: 1.5 },
  mau: { decimals: 1, base: 120 },
  mau_china: { decimals: 1, base: 60 },
  smartphone_shipments: { decimals: 1, base: 12 },
  smartphone_gross_margin: { decimals: 1, base: 11 },
  iot_devices: { decimals: 1, base: 80 },
  iot_5plus_users: { decimals: 2, base: 4 },
  mijia_app_mau: { decimals: 1, base: 30 },
  xiao_ai_mau: { decimals: 1, base: 40 },
  retail_stores: { decimals: 0, base: 1500 },
  ev_deliveries: { decimals: 0, base: 5000 },
  ev_segment_revenue: { decimals: 2, base: 1.2 },
};

const SYNTHETIC_METRICS: MetricSpec[] = [
  ["gross_profit", "Gross profit", "RMB bn", "flow", true, 1, 4],
  ["operating_cash_flow", "Operating cash flow", "RMB bn", "flow", true, 1, 2],
  ["rnd_expense", "R&D expense", "RMB bn", "flow", false, 2, 1],
  ["marketing_expense", "Marketing expense", "RMB bn", "flow", false, 2, 1.5],
  ["internet_revenue", "Internet services revenue", "RMB bn", "flow", true, 1, 3],
  ["overseas_revenue", "Overseas revenue", "RMB bn", "flow", true, 1, 8],
  ["tablet_shipments", "Tablet shipments", "M units", "flow", true, 2, 1],
  ["wearable_shipments", "Wearable shipments", "M units", "flow", true, 1, 6],
  ["app_downloads", "App downloads", "M", "flow", true, 0, 300],
  ["employees", "Employees", "people", "stock", true, 0, 15000],
  ["paying_users", "Paying users", "M users", "stock", true, 1, 20],
  ["cash_reserves", "Cash reserves", "RMB bn", "stock", true, 1, 50],
  ["patents", "Patents granted", "patents", "stock", true, 0, 8000],
  ["gross_margin", "Group gross margin", "%", "ratio", true, 1, 18],
  ["net_margin", "Adjusted net margin", "%", "ratio", true, 1, 6],
  ["overseas_share", "Overseas revenue share", "%", "ratio", true, 1, 40],
  ["churn_rate", "Monthly churn", "%", "ratio", false, 2, 3],
].map(([key, label, unit, kind, higherIsBetter, decimals, base]) => ({
  key: key as string,
  label: label as string,
  unit: unit as string,
  kind: kind as MetricSpec["kind"],
  higherIsBetter: higherIsBetter as boolean,
  definition: `Synthetic benchmark metric: ${String(label).toLowerCase()} for the quarter.`,
  decimals: decimals as number,
  base: base as number,
}));

const BRAND_SYLLABLES = ["ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "zo", "pe", "da", "qu"];

function brandName(index: number): string {
  const a = BRAND_SYLLABLES[index % BRAND_SYLLABLES.length] ?? "ka";
  const b = BRAND_SYLLABLES[Math.floor(index / BRAND_SYLLABLES.length) % BRAND_SYLLABLES.length];
  return `${a[0]?.toUpperCase()}${a.slice(1)}${b}tech ${index + 1}`;
}

export function syntheticBrandSlug(index: number): string {
  return `bench-${String(index + 1).padStart(3, "0")}`;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * One brand-metric series: a compound trend with a brand-specific growth rate, Q4 seasonality
 * for flows, noise, and a late start for some series (a metric introduced later), so pages see
 * gaps at the start as well as the odd missing quarter.
 */
function seriesValues(
  spec: MetricSpec,
  brandScale: number,
  quarters: number,
  random: () => number,
): (number | null)[] {
  const growth = (random() - 0.3) * 0.06; // -1.8% .. +4.2% a quarter
  const start = random() < 0.08 ? Math.floor(random() * quarters * 0.5) : 0;
  const values: (number | null)[] = [];
  let level = spec.base * brandScale;
  let ratio = spec.base * (0.6 + random() * 0.8);
  for (let q = 0; q < quarters; q++) {
    if (q < start || random() < 0.004) {
      values.push(null);
      continue;
    }
    if (spec.kind === "ratio") {
      ratio = Math.min(95, Math.max(0.1, ratio + (random() - 0.5) * spec.base * 0.08));
      values.push(roundTo(ratio, spec.decimals));
      continue;
    }
    level *= 1 + growth + (random() - 0.5) * 0.03;
    const season = spec.kind === "flow" ? ([0.92, 0.98, 1.0, 1.12][q % 4] ?? 1) : 1;
    const noise = 1 + (random() - 0.5) * 0.04;
    values.push(Math.max(0, roundTo(level * season * noise, spec.decimals)));
  }
  return values;
}

export async function generateDataset(
  file: string,
  options: DatasetOptions = {},
): Promise<DatasetReport> {
  const brandCount = options.brands ?? 200;
  const quarterCount = options.quarters ?? 80;
  const random = createRandom(options.seed ?? 20_260_101);
  const started = performance.now();
  const absolute = path.resolve(file);
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    rmSync(`${absolute}${suffix}`, { force: true });
  const url = `file:${absolute}`;
  await applyMigrations(url);
  // The real seed first: the app's default brand and the 13 real metrics stay as they are.
  await seedFromFiles(url, path.join(PROJECT_ROOT, "data"));

  const realMetrics = (await readSeedFiles(path.join(PROJECT_ROOT, "data"))).metrics;
  const db = new Database(absolute);
  // Bulk loading only: a crash would just mean generating again.
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");

  const now = new Date().toISOString().replace("Z", "+00:00");
  const metricIds = db
    .prepare<[], { id: number; key: string; kind: string }>(
      'SELECT id, key, kind FROM "Metric" ORDER BY position',
    )
    .all();
  const maxPosition =
    db.prepare<[], { max: number }>('SELECT MAX(position) AS max FROM "Metric"').get()?.max ?? 0;
  const insertMetric = db.prepare(
    `INSERT INTO "Metric" (key, label, unit, kind, higherIsBetter, definition, position)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const specs: { id: number; spec: MetricSpec }[] = [];
  db.transaction(() => {
    for (const metric of metricIds) {
      const real = realMetrics.find((row) => row.key === metric.key);
      const shape = REAL_METRIC_SHAPES[metric.key] ?? { decimals: 1, base: 10 };
      specs.push({
        id: metric.id,
        spec: {
          key: metric.key,
          label: real?.label ?? metric.key,
          unit: real?.unit ?? "",
          kind: metric.kind as MetricSpec["kind"],
          higherIsBetter: true,
          definition: real?.definition ?? "",
          ...shape,
        },
      });
    }
    SYNTHETIC_METRICS.forEach((spec, offset) => {
      const info = insertMetric.run(
        spec.key,
        spec.label,
        spec.unit,
        spec.kind,
        spec.higherIsBetter ? 1 : 0,
        spec.definition,
        maxPosition + 1 + offset,
      );
      specs.push({ id: Number(info.lastInsertRowid), spec });
    });
  })();

  const insertBrand = db.prepare(
    `INSERT INTO "Brand" (slug, name, currency, description) VALUES (?, ?, ?, ?)`,
  );
  const insertSource = db.prepare(
    `INSERT INTO "Source" (fingerprint, title, url, publishedOn) VALUES (?, ?, ?, ?)`,
  );
  const insertObservation = db.prepare(
    `INSERT INTO "Observation" (brandId, metricId, quarter, revision, isCurrent, value, decimals,
       qualifier, statedYoyPct, quote, note, sourceId, createdAt, createdBy, supersededAt,
       supersededBy)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO "Event" (uid, revision, isCurrent, deleted, brandId, date, kind, title,
       description, quote, sourceId, createdAt, createdBy, supersededAt, supersededBy)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO "AuditEntry" (at, actor, action, entity, entityKey, before, after)
     VALUES (?, ?, 'seed', 'brand', ?, NULL, ?)`,
  );

  const firstIndex = quarterIndex(FIRST_QUARTER);
  const quarterCodes = Array.from({ length: quarterCount }, (_, q) =>
    quarterFromIndex(firstIndex + q),
  );
  let current = 0;
  let superseded = 0;
  let sources = 0;
  let events = 0;

  const addBrand = db.transaction((index: number) => {
    const slug = syntheticBrandSlug(index);
    const name = brandName(index);
    const brandId = Number(
      insertBrand.run(slug, name, "CNY", `${name}: synthetic brand for the benchmark.`)
        .lastInsertRowid,
    );
    insertAudit.run(now, GENERATED_ACTOR, slug, JSON.stringify({ slug, name }));
    // One results release per quarter, cited by every figure of that quarter (as in real data),
    // and a later "annual report" source for restatements.
    const releaseIds = quarterCodes.map((quarter) => {
      const title = `${name} ${quarter} results announcement`;
      const sourceUrl = `https://example.com/${slug}/results/${quarter}`;
      sources++;
      return Number(
        insertSource.run(JSON.stringify([title, sourceUrl, ""]), title, sourceUrl, null)
          .lastInsertRowid,
      );
    });
    const restatementTitle = `${name} annual report (restated figures)`;
    const restatementUrl = `https://example.com/${slug}/annual-report`;
    sources++;
    const restatementSourceId = Number(
      insertSource.run(
        JSON.stringify([restatementTitle, restatementUrl, ""]),
        restatementTitle,
        restatementUrl,
        null,
      ).lastInsertRowid,
    );

    const brandScale = 0.2 + random() * 4;
    for (const { id: metricId, spec } of specs) {
      const values = seriesValues(spec, brandScale, quarterCount, random);
      values.forEach((value, q) => {
        if (value === null) return;
        const quarter = quarterCodes[q] as QuarterCode;
        const quote = random() < 0.08 ? `"${spec.label} was ${value} ${spec.unit}."` : null;
        const sourceId = releaseIds[q] ?? null;
        if (random() < 0.04) {
          // A restatement: the first release's figure stays as superseded revision 1.
          const first = roundTo(value * (1 + (random() - 0.5) * 0.05), spec.decimals);
          insertObservation.run(
            brandId,
            metricId,
            quarter,
            1,
            0,
            first,
            spec.decimals,
            "exact",
            null,
            sourceId,
            now,
            GENERATED_ACTOR,
            now,
            GENERATED_ACTOR,
          );
          insertObservation.run(
            brandId,
            metricId,
            quarter,
            2,
            1,
            value,
            spec.decimals,
            "exact",
            quote,
            restatementSourceId,
            now,
            GENERATED_ACTOR,
            null,
            null,
          );
          superseded++;
        } else {
          insertObservation.run(
            brandId,
            metricId,
            quarter,
            1,
            1,
            value,
            spec.decimals,
            random() < 0.05 ? "approximate" : "exact",
            quote,
            sourceId,
            now,
            GENERATED_ACTOR,
            null,
            null,
          );
        }
        current++;
      });
    }

    const eventCount = 15 + Math.floor(random() * 10);
    for (let e = 0; e < eventCount; e++) {
      const q = Math.floor(random() * quarterCount);
      const quarter = quarterCodes[q] as QuarterCode;
      const year = quarter.slice(0, 4);
      const month = String((Number(quarter.slice(5)) - 1) * 3 + 1 + Math.floor(random() * 3));
      const date = `${year}-${month.padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
      const kind = EVENT_KINDS[Math.floor(random() * EVENT_KINDS.length)] ?? "other";
      const uid = `bench-${slug}-${e}`;
      const title = `${name} ${kind} ${e + 1}`;
      const description = `A synthetic ${kind} of ${name} in ${quarter}.`;
      const sourceId = releaseIds[q] ?? restatementSourceId;
      if (random() < 0.1) {
        insertEvent.run(
          uid,
          1,
          0,
          brandId,
          date,
          kind,
          `${title} (first report)`,
          description,
          sourceId,
          now,
          GENERATED_ACTOR,
          now,
          GENERATED_ACTOR,
        );
        insertEvent.run(
          uid,
          2,
          1,
          brandId,
          date,
          kind,
          title,
          description,
          sourceId,
          now,
          GENERATED_ACTOR,
          null,
          null,
        );
      } else {
        insertEvent.run(
          uid,
          1,
          1,
          brandId,
          date,
          kind,
          title,
          description,
          sourceId,
          now,
          GENERATED_ACTOR,
          null,
          null,
        );
      }
      events++;
    }
  });

  for (let index = 0; index < brandCount; index++) addBrand(index);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();

  return {
    file: absolute,
    seconds: (performance.now() - started) / 1000,
    bytes: statSync(absolute).size,
    brands: brandCount,
    metrics: specs.length,
    quarters: quarterCount,
    currentObservations: current,
    supersededObservations: superseded,
    sources,
    events,
    sampleBrand: syntheticBrandSlug(Math.min(41, brandCount - 1)),
  };
}

function numberFlag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive integer`);
  return value;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith("--") && !/^\d+$/.test(arg));
  if (!file) {
    console.error(
      "usage: npx tsx bench/generate-dataset.ts <file.db> [--brands 200] [--quarters 80]",
    );
    process.exit(2);
  }
  const report = await generateDataset(file, {
    brands: numberFlag(args, "--brands", 200),
    quarters: numberFlag(args, "--quarters", 80),
  });
  console.log(JSON.stringify(report, null, 2));
}
