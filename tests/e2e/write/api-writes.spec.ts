import { expect, test } from "@playwright/test";
import { LONG_COLUMNS } from "@/lib/csv/export-format";
import { apiRequest, apiSignIn, type SavedFigures } from "../../support/api-client";
import { EDITOR_PASSWORD } from "../support";

/*
 * The JSON API's happy paths and races against the running app: a save shows on the next page
 * load (the brand's cache is expired), a restatement goes through the confirmation round, and an
 * import made stale by a save in between is refused with the new preview, then applied.
 * This spec owns Xiaomi's iot_5plus_users in 2003.
 */

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;
let cookie = "";

test.beforeAll(async () => {
  cookie = await apiSignIn(BASE, "API Writer", EDITOR_PASSWORD, {
    "x-forwarded-for": "192.0.2.77",
  });
});

const quarter = (year: number, number: number, value: string, extra: object = {}) => ({
  brand: "xiaomi",
  year,
  quarter: number,
  values: { iot_5plus_users: value },
  source: { title: `API spec ${year}Q${number}`, url: "https://example.com/api-spec" },
  ...extra,
});

async function currentCsvRow(quarterCode: string): Promise<string> {
  const csv = await (
    await fetch(
      `${BASE}/api/export?brand=xiaomi&metrics=iot_5plus_users&from=${quarterCode}&to=${quarterCode}`,
    )
  ).text();
  return csv.split("\r\n")[1] ?? "";
}

test("a save through the API shows on the metric page at the very next request", async ({
  page,
}) => {
  await page.goto("/metrics/iot_5plus_users?brand=xiaomi");
  await expect(page.locator('tr[data-quarter="2003Q1"]')).toHaveCount(0);

  const answer = await apiRequest(BASE, "/api/quarters", {
    cookie,
    json: quarter(2003, 1, "12.5"),
  });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({
    brand: "xiaomi",
    quarter: "2003Q1",
    savedBy: "API Writer",
    figures: [{ metric: "iot_5plus_users", revision: 1, restated: false }],
  });

  await page.goto("/metrics/iot_5plus_users?brand=xiaomi");
  await expect(page.locator('tr[data-quarter="2003Q1"]')).toContainText("12.5");
});

test("a restatement answers 409 with what to confirm, and the same request confirmed saves revision 2", async ({
  page,
}) => {
  const first = await apiRequest(BASE, "/api/quarters", { cookie, json: quarter(2003, 3, "14.0") });
  expect(first.status).toBe(201);
  const unconfirmed = await apiRequest(BASE, "/api/quarters", {
    cookie,
    json: quarter(2003, 3, "14.2"),
  });
  expect(unconfirmed.status).toBe(409);
  const { confirmations } = unconfirmed.body as {
    confirmations: { kind: string; token: string; current: { value: number; revision: number } }[];
  };
  expect(
    confirmations.map((item) => [item.kind, item.current.value, item.current.revision]),
  ).toEqual([["restatement", 14, 1]]);
  expect(await currentCsvRow("2003Q3")).toMatch(/,2003Q3,14\.0,/);

  const confirmed = await apiRequest(BASE, "/api/quarters", {
    cookie,
    json: quarter(2003, 3, "14.2", { confirm: confirmations.map((item) => item.token) }),
  });
  expect(confirmed.status).toBe(201);
  expect((confirmed.body as SavedFigures).figures).toEqual([
    { metric: "iot_5plus_users", revision: 2, restated: true, change: "restatement" },
  ]);
  expect(await currentCsvRow("2003Q3")).toMatch(/,2003Q3,14\.2,.*,true,/);

  await page.goto("/metrics/iot_5plus_users?brand=xiaomi");
  await expect(page.locator('tr[data-quarter="2003Q3"]')).toContainText("14.2");
  await expect(page.locator('tr[data-quarter="2003Q3"]')).toContainText(/was .*14\.0/);
});

test("an import made stale by a save in between is refused with the new preview, then applied", async () => {
  const line = (value: string) =>
    LONG_COLUMNS.map(
      (column) =>
        ({
          brand: "xiaomi",
          metric: "iot_5plus_users",
          unit: "M users",
          quarter: "2003Q2",
          value,
          qualifier: "exact",
          source_title: "API spec import",
        })[column as string] ?? "",
    ).join(",");
  const uploaded = await apiRequest(BASE, "/api/imports?name=api-spec.csv", {
    cookie,
    body: `${LONG_COLUMNS.join(",")}\r\n${line("13.0")}\r\n`,
    contentType: "text/csv",
  });
  expect(uploaded.status).toBe(201);
  const preview = uploaded.body as { id: number; planChecksum: string; adds: number };
  expect(preview).toMatchObject({ adds: 1, restatements: 0, rejectedCount: 0, canConfirm: true });
  expect(uploaded.headers.get("location")).toBe(`/api/imports/${preview.id}`);

  // Someone saves the same quarter before the import is confirmed.
  const save = await apiRequest(BASE, "/api/quarters", { cookie, json: quarter(2003, 2, "12.9") });
  expect(save.status).toBe(201);

  const stale = await apiRequest(BASE, `/api/imports/${preview.id}/confirm`, {
    cookie,
    json: { planChecksum: preview.planChecksum },
  });
  expect(stale.status).toBe(409);
  const fresh = (
    stale.body as { preview: { planChecksum: string; adds: number; restatements: number } }
  ).preview;
  expect(fresh).toMatchObject({ adds: 0, restatements: 1 });
  expect(fresh.planChecksum).not.toBe(preview.planChecksum);
  expect(await currentCsvRow("2003Q2")).toMatch(/,2003Q2,12\.9,/);

  const applied = await apiRequest(BASE, `/api/imports/${preview.id}/confirm`, {
    cookie,
    json: { planChecksum: fresh.planChecksum },
  });
  expect(applied.status).toBe(200);
  expect(applied.body).toEqual({
    id: preview.id,
    status: "applied",
    writes: 1,
    brands: ["xiaomi"],
  });
  expect(await currentCsvRow("2003Q2")).toMatch(/,2003Q2,13\.0,.*,true,/);

  const again = await apiRequest(BASE, `/api/imports/${preview.id}/confirm`, {
    cookie,
    json: { planChecksum: fresh.planChecksum },
  });
  expect(again.status).toBe(409);
  const status = await apiRequest(BASE, `/api/imports/${preview.id}`, { method: "GET", cookie });
  expect(status.status).toBe(200);
  expect(status.body).toMatchObject({
    status: "applied",
    appliedBy: "API Writer",
    canConfirm: false,
  });
});
