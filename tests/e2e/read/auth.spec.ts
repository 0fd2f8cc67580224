import { expect, test } from "@playwright/test";
import { emailFor, signIn, submitSignInForm } from "../support";

test.describe("sign-in", () => {
  test("a wrong password is refused with a message next to the field", async ({ page }) => {
    await signIn(page, "Wrong Password Reader", "/", "viewer");
    await page.context().clearCookies();
    await submitSignInForm(page, emailFor("Wrong Password Reader"), "not-the-password");
    const password = page.getByLabel("Password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#password-error")).toHaveText(
      "This email and password do not match an active account.",
    );
    await expect(page.getByLabel("Email")).toHaveValue(emailFor("Wrong Password Reader"));
    await expect(page.getByText("Signed in as")).toHaveCount(0);
  });

  test("the right password signs in with an HttpOnly, SameSite=Lax cookie, and sign-out ends the session on the server", async ({
    page,
    context,
    baseURL,
  }) => {
    await signIn(page, "Ada");
    const cookie = (await context.cookies()).find((entry) => entry.name === "pulse_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect((await context.cookies()).some((entry) => entry.name === "pulse_session")).toBe(false);
    // A copy of the cookie taken before sign-out signs nobody in afterwards.
    await context.addCookies([
      { name: "pulse_session", value: cookie?.value ?? "", url: baseURL ?? "" },
    ]);
    await page.goto("/");
    await expect(page.getByText("Signed in as")).toHaveCount(0);
  });

  test("a forged session cookie is ignored", async ({ page, context, baseURL }) => {
    await context.addCookies([
      {
        name: "pulse_session",
        value: "forged-token-forged-token-forged-token-0123",
        url: baseURL ?? "",
      },
    ]);
    await page.goto("/");
    await expect(page.getByText("Signed in as")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("every response carries the security headers, cached pages too", async ({ request }) => {
    for (const path of ["/", "/", "/login", "/api/export?brand=xiaomi&metrics=revenue"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("object-src 'none'");
      expect(headers["content-security-policy"]).toContain("base-uri 'none'");
      expect(headers["content-security-policy"]).toContain("form-action 'self'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
    }
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "No-JS Analyst");
    await context.close();
  });
});
