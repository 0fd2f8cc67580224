import { expect, test } from "@playwright/test";
import { signIn } from "../support";

// Titles of this file's own events: no other spec writes events, and none of these exists in data/.
const TITLE = "E2E dealer conference";
const EDITED = "E2E dealer conference (renamed)";
const NO_JS_TITLE = "E2E event added without JavaScript";

test.describe("the event form", () => {
  test("asks a visitor to sign in first", async ({ page }) => {
    await page.goto("/events/new?brand=xiaomi");
    await expect(page).toHaveURL(/\/login\?next=%2Fevents%2Fnew%3Fbrand%3Dxiaomi/);
  });

  test("names every invalid field, keeps the values, and saves nothing", async ({ page }) => {
    await signIn(page, "Form Tester", "/events/new?brand=xiaomi");
    await page.getByLabel("Date", { exact: true }).fill("2025-02-30");
    await page.getByLabel("Title", { exact: true }).fill("Half-filled event");
    await page.getByLabel("Source address (URL)").fill("not a url");
    await page.getByRole("button", { name: "Add event" }).click();
    const date = page.getByLabel("Date", { exact: true });
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#date-error")).toHaveText("Date is not a real calendar date");
    await expect(date).toHaveAttribute("aria-describedby", /date-error/);
    await expect(page.locator("#description-error")).toHaveText("One-line description is required");
    await expect(page.locator("#sourceTitle-error")).toHaveText("Source title is required");
    await expect(page.locator("#sourceUrl-error")).toHaveText(
      "Source address (URL) must be a full http:// or https:// address",
    );
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Half-filled event");
    await page.goto("/");
    await expect(page.getByTestId("timeline")).not.toContainText("Half-filled event");
  });

  test("adds, edits and deletes an event; each step shows on the timeline and the charts", async ({
    page,
  }) => {
    await signIn(page, "Event Editor", "/events/new?brand=xiaomi");
    await page.getByLabel("Date", { exact: true }).fill("2025-08");
    await page.getByLabel("Kind").selectOption("milestone");
    await page.getByLabel("Title", { exact: true }).fill(TITLE);
    await page.getByLabel("One-line description").fill("A conference made up for this test.");
    await page.getByLabel("Source title").fill("E2E test source");
    await page.getByLabel("Source address (URL)").fill("https://example.com/e2e-dealer-conference");
    await page.getByRole("button", { name: "Add event" }).click();

    // Back on the overview, at the new event.
    await expect(page).toHaveURL(/\/(\?brand=xiaomi)?#event-evt-/);
    const item = page.getByTestId("timeline").locator("li", { hasText: TITLE });
    await expect(item.locator("time")).toHaveText("August 2025");
    await expect(item).toContainText("Q3 2025");
    await expect(item.getByRole("link", { name: "E2E test source" })).toHaveAttribute(
      "href",
      "https://example.com/e2e-dealer-conference",
    );

    // On the revenue chart, in Q3 2025's marker.
    await page.goto("/metrics/revenue");
    const marker = page.locator('[data-testid="event-marker"][data-quarter="Q3 2025"]');
    await expect(marker).toHaveAccessibleName(new RegExp(`August 2025, milestone: ${TITLE}`));

    // Edit: a new revision, the old one kept as history.
    await page.goto("/");
    await page
      .getByTestId("timeline")
      .locator("li", { hasText: TITLE })
      .getByRole("link", { name: /^Edit/ })
      .click();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);
    await page.getByLabel("Title", { exact: true }).fill(EDITED);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("timeline")).toContainText(EDITED);
    await page
      .getByTestId("timeline")
      .locator("li", { hasText: EDITED })
      .getByRole("link", { name: /^Edit/ })
      .click();
    const history = page.getByTestId("event-history");
    await expect(history.locator("li")).toHaveCount(2);
    await expect(history.locator("li").first()).toContainText(`Revision 1 by Event Editor`);
    await expect(history.locator("li").first()).toContainText(TITLE);

    // Delete, after a confirmation page.
    await page.getByRole("link", { name: "Delete this event" }).click();
    await expect(page.getByRole("heading", { name: `Delete “${EDITED}”?` })).toBeVisible();
    await page.getByRole("button", { name: "Delete event" }).click();
    await expect(page.getByTestId("timeline")).toBeVisible();
    await expect(page.getByTestId("timeline")).not.toContainText(EDITED);
    await page.goto("/metrics/revenue");
    // Revenue has no other event in Q3 2025: the marker went with the event.
    await expect(page.locator('[data-testid="event-marker"][data-quarter="Q3 2025"]')).toHaveCount(
      0,
    );
  });

  test("an editor ties an event to chosen metrics: it leaves the other charts", async ({
    page,
  }) => {
    const title = "E2E EV-only event";
    await signIn(page, "Event Editor", "/events/new?brand=xiaomi");
    await page.getByLabel("Date", { exact: true }).fill("2025-08-20");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("One-line description").fill("Concerns the car business only.");
    await page.getByLabel("Source title").fill("E2E test source");
    await page
      .getByRole("group", { name: "Metrics it concerns" })
      .getByLabel("Smart EV deliveries")
      .check();
    await page.getByRole("button", { name: "Add event" }).click();
    await expect(page.getByTestId("timeline")).toContainText(title);

    await page.goto("/metrics/ev_deliveries");
    await expect(
      page.locator('[data-testid="event-marker"][data-quarter="Q3 2025"]'),
    ).toHaveAccessibleName(new RegExp(title));
    await page.goto("/metrics/revenue");
    await expect(page.locator("body")).not.toContainText(title);

    // The edit form shows the choice; clearing it makes the event concern every metric again.
    await page.goto("/");
    await page
      .getByTestId("timeline")
      .locator("li", { hasText: title })
      .getByRole("link", { name: /^Edit/ })
      .click();
    const evBox = page
      .getByRole("group", { name: "Metrics it concerns" })
      .getByLabel("Smart EV deliveries");
    await expect(evBox).toBeChecked();
    await evBox.uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("timeline")).toContainText(title);
    await page.goto("/metrics/revenue");
    await expect(
      page.locator('[data-testid="event-marker"][data-quarter="Q3 2025"]'),
    ).toHaveAccessibleName(new RegExp(title));
    // Tidy up: other specs count the events on the revenue chart.
    await page.goto("/");
    await page
      .getByTestId("timeline")
      .locator("li", { hasText: title })
      .getByRole("link", { name: /^Edit/ })
      .click();
    await page.getByRole("link", { name: "Delete this event" }).click();
    await page.getByRole("button", { name: "Delete event" }).click();
    await expect(page.getByTestId("timeline")).not.toContainText(title);
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "No-JS Editor", "/events/new?brand=xiaomi");
    await page.getByLabel("Date", { exact: true }).fill("2025-07-15");
    await page.getByLabel("Title", { exact: true }).fill(NO_JS_TITLE);
    await page.getByLabel("One-line description").fill("Posted by a browser without scripts.");
    await page.getByLabel("Source title").fill("E2E no-JS source");
    await page.getByRole("button", { name: "Add event" }).click();
    await expect(
      page.getByTestId("timeline").locator("li", { hasText: NO_JS_TITLE }),
    ).toContainText("15 Jul 2025");
    await context.close();
  });
});
