import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test.describe("editor sign-in", () => {
  test("a wrong password is refused with a message next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(/Your name/).fill("Mallory");
    await page.getByLabel("Editor password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const password = page.getByLabel("Editor password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#password-error")).toHaveText(
      "This password is not the editor password.",
    );
    await expect(page.getByLabel(/Your name/)).toHaveValue("Mallory");
    await expect(page.getByText("Signed in as")).toHaveCount(0);
  });

  test("the right password signs in with an HttpOnly, SameSite=Lax cookie, and sign-out ends it", async ({
    page,
    context,
  }) => {
    await signIn(page, "Ada");
    const cookie = (await context.cookies()).find((entry) => entry.name === "pulse_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Editor sign-in" })).toBeVisible();
    expect((await context.cookies()).some((entry) => entry.name === "pulse_session")).toBe(false);
  });

  test("a forged session cookie is ignored", async ({ page, context, baseURL }) => {
    const payload = Buffer.from(
      JSON.stringify({ name: "Forger", expiresAt: Date.now() + 3_600_000 }),
    ).toString("base64url");
    await context.addCookies([
      { name: "pulse_session", value: `${payload}.forged-signature`, url: baseURL ?? "" },
    ]);
    await page.goto("/");
    await expect(page.getByText("Signed in as Forger")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Editor sign-in" })).toBeVisible();
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "No-JS Analyst");
    await context.close();
  });
});
