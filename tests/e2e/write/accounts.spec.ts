import { type Browser, expect, type Page, test } from "@playwright/test";
import { apiRequest, apiSignIn, E2E_PASSWORD } from "../../support/api-client";
import { BASE_URL, signIn } from "../support";

/*
 * People and roles on the production build: an admin invites, the invited person accepts and
 * writes, and the history and the audit log name them; a viewer's direct post is refused; a
 * deactivated account's open session stops working at its next request. This spec owns Xiaomi's
 * retail_stores in 2003.
 */

const stamp = Date.now() % 100_000;

/** The admin invites someone on the accounts page; returns the one-time link it shows. */
async function invite(page: Page, email: string, name: string, role: string): Promise<string> {
  await signIn(page, "admin", "/admin/accounts");
  await page.goto("/admin/accounts");
  const form = page.getByTestId("invite-form");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create the invitation" }).click();
  const link = page.getByTestId("one-time-link");
  await expect(link).toContainText("/invite/");
  await expect(form).toContainText("valid until");
  return (await link.textContent()) ?? "";
}

/** The invited person opens the link in a browser of their own and chooses a password. */
async function accept(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  await expect(page.getByLabel(/Your name/)).toHaveValue(name);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(/at least 12 characters/)).toBeVisible();
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  return page;
}

test.describe("accounts", () => {
  // Several browsers and sign-ins per test, on a machine shared with other work.
  test.describe.configure({ timeout: 120_000 });
  test("an admin invites an editor, who accepts, adds a quarter, and the history and the audit log name them", async ({
    page,
    browser,
  }) => {
    const name = `Invited Editor ${stamp}`;
    const email = `invited-${stamp}@e2e.test`;
    const link = await invite(page, email, name, "editor");
    const editor = await accept(browser, link, name);

    await editor.goto("/quarters/new?brand=xiaomi");
    await editor.getByLabel("Fiscal year").fill("2003");
    await editor.getByLabel("Quarter", { exact: true }).selectOption("1");
    await editor.getByLabel("Xiaomi Home stores", { exact: true }).fill("1234");
    await editor.getByLabel("Title (required)").fill("Accounts spec source (E2E)");
    await editor.getByRole("button", { name: /^Save/ }).click();
    await expect(editor).toHaveURL(/\/\?brand=xiaomi/);

    await editor.goto("/metrics/retail_stores?brand=xiaomi&from=2003Q1&to=2003Q1");
    await expect(editor.locator('tr[data-quarter="2003Q1"]')).toContainText(`by ${name}`);

    // The admin's audit log, filtered to this person, names them and their write.
    await page.goto("/admin/audit");
    await page.getByLabel("Person").selectOption({ label: `${name} (${email})` });
    await page.getByRole("button", { name: "Filter" }).click();
    const log = page.getByTestId("audit-log");
    await expect(log).toContainText("observation xiaomi/retail_stores/2003Q1");
    await expect(log.locator("tbody tr").first()).toContainText(name);
    // The CSV export holds the same rows.
    const csv = await (
      await page.request.get(`/admin/audit/export${new URL(page.url()).search}`)
    ).text();
    expect(csv.split("\r\n")[0]).toBe("id,at,actor_id,actor,action,entity,entity_key,before,after");
    expect(csv).toContain("xiaomi/retail_stores/2003Q1");
    expect(csv).toContain(name);

    // Each entry names its brand, and the log filters by it; an unknown brand is a 400, not an
    // empty list.
    await page.getByLabel("Brand").selectOption({ label: "Xiaomi" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/brand=xiaomi/);
    await expect(log.getByTestId("audit-brand").first()).toHaveText("Xiaomi");
    const unknown = await page.request.get("/admin/audit/export?brand=no-such-brand");
    expect(unknown.status()).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "invalid_input" });
    await page.goto("/admin/audit?brand=no-such-brand&lang=zh");
    await expect(page.locator("ul.field-error")).toContainText("brand 没有品牌“no-such-brand”");
  });

  test("a viewer's direct post gets 403 and nothing changes", async ({ page, browser }) => {
    const name = `Invited Viewer ${stamp}`;
    const link = await invite(page, `viewer-${stamp}@e2e.test`, name, "viewer");
    const viewer = await accept(browser, link, name);
    await expect(
      viewer.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Add a quarter" }),
    ).toHaveCount(0);
    const answer = await viewer.request.post("/api/quarters", {
      data: {
        brand: "xiaomi",
        year: 2003,
        quarter: 2,
        values: { retail_stores: "99" },
        source: { title: "Viewer post" },
      },
    });
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ code: "forbidden" });
    await viewer.goto("/quarters/new?brand=xiaomi");
    await expect(viewer).toHaveURL(/\/forbidden\?need=editor/);
    const csv = await (
      await viewer.request.get(
        "/api/export?brand=xiaomi&metrics=retail_stores&from=2003Q2&to=2003Q2",
      )
    ).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  test("a deactivated editor's open session is refused at its next request", async ({
    page,
    browser,
  }) => {
    const name = `Leaving Editor ${stamp}`;
    const email = `leaving-${stamp}@e2e.test`;
    const link = await invite(page, email, name, "editor");
    const editor = await accept(browser, link, name);
    const apiCookie = await apiSignIn(BASE_URL, email, E2E_PASSWORD);

    await page.goto("/admin/accounts");
    await page.getByRole("button", { name: `Deactivate ${email}` }).click();
    await expect(page.getByText("Account deactivated. Its sessions ended at once.")).toBeVisible();
    await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("deactivated");

    await editor.reload();
    await expect(editor.getByText(`Signed in as ${name}`)).toHaveCount(0);
    await editor.goto("/quarters/new?brand=xiaomi");
    await expect(editor).toHaveURL(/\/login\?next=/);
    const post = await apiRequest(BASE_URL, "/api/quarters", {
      cookie: apiCookie,
      json: {
        brand: "xiaomi",
        year: 2003,
        quarter: 3,
        values: { retail_stores: "5" },
        source: { title: "x" },
      },
    });
    expect(post.status).toBe(401);
    const again = await apiRequest(BASE_URL, "/api/session", {
      json: { email, password: E2E_PASSWORD },
      headers: { "x-forwarded-for": "192.0.2.77" },
    });
    expect(again.status).toBe(401);
  });

  test("everyone sees their sessions, ends one, and signs out everywhere", async ({ page }) => {
    const other = await apiSignIn(BASE_URL, "Session Keeper");
    await signIn(page, "Session Keeper", "/account");
    await page.goto("/account");
    const sessions = page.getByTestId("sessions");
    await expect(sessions.locator("tbody tr")).toHaveCount(2);
    await expect(sessions).toContainText("this browser");
    await page.getByRole("button", { name: "End this session" }).click();
    await expect(page.getByText("The session was ended.")).toBeVisible();
    await page.goto("/account?lang=zh");
    const change = page.getByTestId("change-password");
    await change.getByRole("button", { name: "修改密码" }).click();
    await expect(change.getByText("当前密码不能为空")).toBeVisible();
    await page.goto("/account?lang=en");
    const refused = await apiRequest(BASE_URL, "/api/imports/1", { method: "GET", cookie: other });
    expect(refused.status).toBe(401);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText("Signed in as")).toHaveCount(0);
  });
});
