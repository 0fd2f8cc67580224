import { expect, type Page } from "@playwright/test";

export const EDITOR_PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? "";

/** Signs in through the real form, as an analyst would. */
export async function signIn(page: Page, name = "E2E Analyst", next = "/"): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByLabel("Editor password").fill(EDITOR_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

/** The seeded catalog's metrics, in catalog order (data/metrics.csv); Xiaomi has figures for each. */
export const XIAOMI_METRIC_KEYS = [
  "revenue",
  "adjusted_net_profit",
  "mau",
  "mau_china",
  "smartphone_shipments",
  "smartphone_gross_margin",
  "iot_devices",
  "iot_5plus_users",
  "mijia_app_mau",
  "xiao_ai_mau",
  "retail_stores",
  "ev_deliveries",
  "ev_segment_revenue",
] as const;
