import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_PASSWORD, emailFor, ensureAccount, type Role } from "../support/api-client";

/** The password of every account the tests make (the admin's is E2E_ADMIN.password). */
export const EDITOR_PASSWORD = E2E_PASSWORD;

/** The server under test (playwright.config.ts picks the port). */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** Fills and sends the login form; the caller checks the outcome. */
export async function submitSignInForm(page: Page, email: string, password: string, next = "/") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the real form, as a person would: as the account named `name` (an editor
 * unless `role` says otherwise, made on first use through the admin's invitation), or as the
 * admin when `name` is "admin".
 */
export async function signIn(
  page: Page,
  name = "E2E Analyst",
  next = "/",
  role: Role = "editor",
): Promise<void> {
  const admin = name === "admin" || name === E2E_ADMIN.email;
  const email = admin ? E2E_ADMIN.email : await ensureAccount(BASE_URL, name, role);
  await submitSignInForm(page, email, admin ? E2E_ADMIN.password : EDITOR_PASSWORD, next);
  const shown = admin ? E2E_ADMIN.name : name.includes("@") ? name.split("@")[0] : name;
  await expect(page.getByText(`Signed in as ${shown}`)).toBeVisible();
}

export { emailFor };

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
