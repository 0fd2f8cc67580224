/**
 * Server-action writes through the real quarter form, as a browser without JavaScript submits it:
 * sign in through /login, read the form's hidden action fields from /quarters/new, post
 * multipart/form-data and expect the action's redirect (303). A submission the server answers
 * with a confirmation list (a restatement, an extreme change) is confirmed the way an editor does:
 * the same figures again with the box ticked and the tokens the page offered.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { quarterFromIndex, quarterIndex } from "@/lib/domain/quarter";
import {
  CONFIRM_FIELD,
  CONFIRM_TOKEN_FIELD,
  QUARTER_FIELDS,
  qualifierField,
  valueField,
} from "@/lib/domain/quarter-input";
import {
  findForm,
  type HtmlForm,
  loadForm,
  signInOverHttp,
  submitForm,
} from "../../tests/support/html-form";
import { percentile } from "./percentile";
import { BENCH_ADMIN } from "./session";

/** Quarters before the synthetic history (2006Q1..): empty, so the first round of writes adds. */
export const WRITE_FIRST_QUARTER = "2000Q1";
export const WRITE_QUARTERS = 24;
/** Figures per submission; successive submissions take the next metrics, then the next quarter. */
export const METRICS_PER_WRITE = 3;
export const WRITER_NAME = BENCH_ADMIN.name;

export interface WritePlanFigure {
  metric: string;
  value: number;
  decimals: number;
}

/**
 * For each metric the brand's earliest stored figure, written again in every quarter: valid by
 * the metric's rules, and with (nearly) the same value a year earlier, so no extreme-change
 * confirmation.
 */
export function planWrites(databaseFile: string, brand: string): WritePlanFigure[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db
      .prepare<[string], { key: string; value: number; decimals: number }>(
        `SELECT m.key, o.value, o.decimals FROM "Metric" m
         JOIN "Observation" o ON o.metricId = m.id
         JOIN "Brand" b ON b.id = o.brandId
         WHERE b.slug = ? AND o.isCurrent = 1 AND o.value IS NOT NULL
           AND o.quarter = (SELECT MIN(o2.quarter) FROM "Observation" o2
                            WHERE o2.brandId = o.brandId AND o2.metricId = o.metricId
                              AND o2.isCurrent = 1 AND o2.value IS NOT NULL)
         ORDER BY m.position`,
      )
      .all(brand)
      .map((row) => ({ metric: row.key, value: row.value, decimals: row.decimals }));
  } finally {
    db.close();
  }
}

/**
 * The form fields of the i-th submission: one quarter, METRICS_PER_WRITE of its metrics. Once
 * every quarter and metric has a figure, the next round restates them, each value one unit of
 * its last decimal higher than the round before (an editor has to confirm those).
 */
export function writeFields(
  brand: string,
  plan: readonly WritePlanFigure[],
  index: number,
): { quarter: string; fields: Record<string, string> } {
  const groups = Math.ceil(plan.length / METRICS_PER_WRITE);
  const round = Math.floor(index / (groups * WRITE_QUARTERS));
  const quarter = quarterFromIndex(
    quarterIndex(WRITE_FIRST_QUARTER) + (Math.floor(index / groups) % WRITE_QUARTERS),
  );
  const group = index % groups;
  const fields: Record<string, string> = {
    [QUARTER_FIELDS.brand]: brand,
    [QUARTER_FIELDS.year]: quarter.slice(0, 4),
    [QUARTER_FIELDS.quarter]: quarter.slice(4),
    [QUARTER_FIELDS.sourceTitle]: `Bench write ${index}: ${brand} ${quarter} results`,
    [QUARTER_FIELDS.sourceUrl]: `https://example.com/bench/${brand}/${quarter}`,
    [QUARTER_FIELDS.sourcePublishedOn]: "",
    [QUARTER_FIELDS.note]: "",
  };
  for (const figure of plan.slice(group * METRICS_PER_WRITE, (group + 1) * METRICS_PER_WRITE)) {
    const value = figure.value + round * 10 ** -figure.decimals;
    fields[valueField(figure.metric)] = value.toFixed(figure.decimals);
    fields[qualifierField(figure.metric)] = "exact";
  }
  return { quarter, fields };
}

const WRITER_FIGURES_SQL = `SELECT COUNT(*) AS n FROM "Observation" o JOIN "Brand" b ON b.id = o."brandId"
  WHERE b.slug = $1 AND o."createdBy" = $2`;

/**
 * Revisions the bench writer has stored for a brand (a run on a reused database adds to them),
 * read from the database the server writes to: the SQLite file, or PostgreSQL at `databaseUrl`.
 */
async function countWriterFigures(
  database: { file: string; url?: string },
  brand: string,
): Promise<number> {
  if (database.url) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>(WRITER_FIGURES_SQL, [brand, WRITER_NAME]);
      return Number(result.rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  }
  const db = new Database(database.file, { readonly: true });
  try {
    return (
      db
        .prepare<[string, string], { n: number }>(WRITER_FIGURES_SQL.replaceAll(/\$\d/g, "?"))
        .get(brand, WRITER_NAME)?.n ?? 0
    );
  } finally {
    db.close();
  }
}

export interface WriteOutcome {
  ms: number;
  status: number;
  confirmed: boolean;
  accepted: boolean;
}

/**
 * One save as an editor makes it: post; if the page asks for confirmation, post again with the
 * box ticked. The time covers both posts.
 */
export async function submitQuarter(
  form: HtmlForm,
  fields: Record<string, string>,
  cookie: string,
): Promise<WriteOutcome> {
  const started = performance.now();
  let result = await submitForm(form, fields, { cookie });
  let confirmed = false;
  if (result.status === 200 && result.body.includes(`name="${CONFIRM_TOKEN_FIELD}"`)) {
    const again = findForm(result.body, form.action, `name="${CONFIRM_FIELD}"`);
    const tokens = again.hidden.filter(([name]) => name === CONFIRM_TOKEN_FIELD);
    const rest = again.hidden.filter(([name]) => name !== CONFIRM_TOKEN_FIELD && !(name in fields));
    result = await submitForm(
      { action: again.action, hidden: [...rest, ...tokens] },
      { ...fields, [CONFIRM_FIELD]: "yes" },
      { cookie },
    );
    confirmed = true;
  }
  return {
    ms: performance.now() - started,
    status: result.status,
    confirmed,
    accepted: result.status === 303,
  };
}

export interface WriteResult {
  status: "measured" | "pending";
  note: string;
  writes?: number;
  accepted?: number;
  confirmed?: number;
  failures?: { status: number; count: number }[];
  /** Figures the database holds from the bench writer afterwards, against those accepted. */
  storedFigures?: number;
  acceptedFigures?: number;
  p50?: number;
  p95?: number;
  p99?: number;
}

/**
 * Submits quarters one after another until `duration` seconds have passed, while `readLoad`
 * (started by the caller) keeps the server busy; then counts what the database holds.
 */
export async function measureWrites(options: {
  baseUrl: string;
  /** The generated SQLite file, which the writes are planned from (and counted in, by default). */
  databaseFile: string;
  /** The PostgreSQL database the server writes to, when it is not the file. */
  databaseUrl?: string;
  brand: string;
  duration: number;
}): Promise<WriteResult> {
  const { baseUrl, brand } = options;
  const plan = planWrites(options.databaseFile, brand);
  if (plan.length === 0) {
    return { status: "pending", note: `pending: brand ${brand} has no figures to model writes on` };
  }
  // The bench writes as the first admin its server was started with (bench/lib/session.ts).
  const cookie = await signInOverHttp(baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
  // The form's hidden fields name the action and its initial state; they are the same for every
  // quarter, so the form is read once, as an editor who keeps the page open would.
  const form = await loadForm(
    `${baseUrl}/quarters/new?brand=${encodeURIComponent(brand)}&quarter=${WRITE_FIRST_QUARTER}`,
    `name="${QUARTER_FIELDS.sourceTitle}"`,
    cookie,
  );
  const database = { file: options.databaseFile, url: options.databaseUrl };
  const storedBefore = await countWriterFigures(database, brand);
  const outcomes: WriteOutcome[] = [];
  let acceptedFigures = 0;
  const deadline = Date.now() + options.duration * 1000;
  for (let index = 0; Date.now() < deadline; index++) {
    const { fields } = writeFields(brand, plan, index);
    const outcome = await submitQuarter(form, fields, cookie);
    outcomes.push(outcome);
    if (outcome.accepted) {
      acceptedFigures += Object.keys(fields).filter((name) => name.startsWith("value_")).length;
    }
  }
  const storedFigures = (await countWriterFigures(database, brand)) - storedBefore;
  const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const failures = new Map<number, number>();
  for (const outcome of outcomes) {
    if (!outcome.accepted) failures.set(outcome.status, (failures.get(outcome.status) ?? 0) + 1);
  }
  return {
    status: "measured",
    note:
      `${outcomes.length} sequential submissions of the quarter form (${METRICS_PER_WRITE} figures each, ` +
      `quarters ${WRITE_FIRST_QUARTER} to ${quarterFromIndex(quarterIndex(WRITE_FIRST_QUARTER) + WRITE_QUARTERS - 1)} ` +
      `of ${brand}, each figure once per round) by one signed-in editor`,
    writes: outcomes.length,
    accepted: outcomes.filter((outcome) => outcome.accepted).length,
    confirmed: outcomes.filter((outcome) => outcome.confirmed).length,
    failures: [...failures].map(([status, count]) => ({ status, count })),
    storedFigures,
    acceptedFigures,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}
