import { type APIRequestContext, expect, test } from "@playwright/test";
import { stringsFor } from "../../../server/src/modules/reports/pages/strings.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { fill, MESSAGES } from "../../support/locales.ts";

interface Receiver {
  id: string;
  name: string;
  country: string | null;
}

/** The demo union, which receives reports from the first start. */
async function demoUnion(request: APIRequestContext): Promise<Receiver & { country: string }> {
  const response = await request.get("/api/v1/reports/receivers");
  expect(response.status()).toBe(200);
  const union = ((await response.json()) as Receiver[]).find(
    (receiver) => receiver.name === DEMO_USERS.officer.organization,
  );
  expect(union?.country, "the demo union has a country").toBeTruthy();
  return union as Receiver & { country: string };
}

test.describe("in English", () => {
  test.use({ locale: "en" });
  const messages = MESSAGES.en;
  const texts = messages.figures;
  const fewerThanFive = fill(texts.fewerThan, { limit: "5" });

  test("[REPORTS]: anyone reaches the report pages and the figures from the header", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: messages.nav.label });
    await expect(nav.getByRole("link", { name: messages.nav.report })).toHaveAttribute("href", "/report?lang=en");
    await expect(nav.getByRole("link", { name: messages.nav.followUp })).toHaveAttribute(
      "href",
      "/report/follow-up?lang=en",
    );
    await nav.getByRole("link", { name: messages.nav.report }).click();
    // The server's own page, loaded whole: it works without the app.
    await expect(page.getByRole("heading", { level: 1, name: stringsFor("en").report.title })).toBeVisible();
    await expect(page.locator("#root")).toHaveCount(0);

    await page.goto("/");
    await nav.getByRole("link", { name: messages.nav.figures }).click();
    await expect(page).toHaveURL("/reports/figures");
    await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
  });

  test("[REPORTS]: the public figures filter by organization and country, hide small counts and download as CSV", async ({
    page,
    request,
  }) => {
    const union = await demoUnion(request);
    const filed = await request.post("/api/v1/reports", {
      data: {
        kind: "violation",
        category: "retaliation",
        organizationId: union.id,
        workplace: {
          name: "Estudios Ribera",
          address: "Avenida del Puerto 12",
          city: "Valencia",
          country: union.country,
        },
        description: "I was dropped from the cast the day after I asked about overtime pay.",
        contact: null,
        language: "en",
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);

    await page.goto("/reports/figures");
    await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
    await expect(page.getByText(texts.suppression)).toBeVisible();
    const csv = page.getByRole("link", { name: texts.downloadCsv });
    await expect(csv).toHaveAttribute("href", "/api/v1/reports/figures.csv");

    await page.getByLabel(texts.organization).selectOption({ label: union.name });
    await expect(page).toHaveURL(`/reports/figures?organizationId=${union.id}`);
    await page.getByLabel(texts.country).selectOption(union.country);
    const query = `organizationId=${union.id}&country=${union.country}`;
    await expect(page).toHaveURL(`/reports/figures?${query}`);
    await expect(csv).toHaveAttribute("href", `/api/v1/reports/figures.csv?${query}`);

    // Few reports: every count is hidden, and says so instead of 0.
    await expect(page.locator(".figures__stat").filter({ hasText: texts.total })).toContainText(fewerThanFive);
    const months = page.getByRole("region", { name: texts.byMonthTitle });
    const thisMonth = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(),
    );
    await expect(months.getByRole("row", { name: thisMonth })).toContainText(fewerThanFive);
    await expect(
      page.getByRole("region", { name: texts.byCategoryTitle }).getByRole("row", {
        name: messages.cases.categories.retaliation,
      }),
    ).toContainText(fewerThanFive);
    await expect(page.getByRole("cell", { name: "0", exact: true })).toHaveCount(0);
    await expect(page.locator(".figures__stat").filter({ hasText: texts.medianAcknowledge })).toContainText(
      texts.notEnough.acknowledged,
    );
    await expectNoAxeViolations(page, "report figures");

    const download = await request.get((await csv.getAttribute("href")) ?? "");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(await download.text()).toContain("reports received,,,,suppressed");

    // The filters live in the address: a reload keeps them.
    await page.reload();
    await expect(page.getByLabel(texts.organization)).toHaveValue(union.id);
    await expect(page.getByLabel(texts.country)).toHaveValue(union.country);
  });
});

test.describe("on a phone, in German", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const de = MESSAGES.de;

  test("[REPORTS]: the figures fit 360 px, and a count hidden only to protect another is not called small", async ({
    page,
  }) => {
    // The server's example of secondary suppression: 2 unpaid-pay reports hidden, and 6 harassment reports with them.
    await page.route("**/api/v1/reports/figures?*", (route) =>
      route.fulfill({
        json: {
          organizationId: "5a1d7c52-3a55-4c4e-9a55-0f3b1c2d4e5f",
          country: null,
          total: 15,
          received: [
            { month: "2026-10", category: "accident", count: 7 },
            { month: "2026-10", category: "unpaid_pay", count: null },
            { month: "2026-11", category: "harassment_violence", count: null },
          ],
          outcomes: [{ outcome: "substantiated", count: 5 }],
          medianDaysToAcknowledge: 3,
          medianDaysToResolve: 6,
          overdueShare: 1,
        },
      }),
    );
    await page.goto("/reports/figures?organizationId=5a1d7c52-3a55-4c4e-9a55-0f3b1c2d4e5f");
    await expect(page.getByRole("heading", { level: 1, name: de.figures.title })).toBeVisible();
    const stats = page.locator(".figures__stat");
    await expect(stats.filter({ hasText: de.figures.total })).toContainText("15");
    await expect(stats.filter({ hasText: de.figures.medianAcknowledge })).toContainText("3 Tage");
    await expect(stats.filter({ hasText: de.figures.medianResolve })).toContainText("6 Tage");
    await expect(stats.filter({ hasText: de.figures.overdueShare })).toContainText("100");

    const month = (iso: string) =>
      new Intl.DateTimeFormat("de", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
    const months = page.getByRole("region", { name: de.figures.byMonthTitle });
    await expect(months.getByRole("row", { name: month("2026-10-01T00:00:00Z") })).toContainText(
      fill(de.figures.atLeast, { value: "8" }),
    );
    await expect(months.getByRole("row", { name: month("2026-11-01T00:00:00Z") })).toContainText(de.figures.hidden);
    const categories = page.getByRole("region", { name: de.figures.byCategoryTitle });
    await expect(categories.getByRole("row", { name: de.cases.categories.accident })).toContainText("7");
    await expect(categories.getByRole("row", { name: de.cases.categories.harassment_violence })).toContainText(
      de.figures.hidden,
    );
    await expect(
      page.getByRole("region", { name: de.figures.outcomesTitle }).getByRole("row", {
        name: de.cases.outcomes.substantiated,
      }),
    ).toContainText("5");

    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page, "report figures on a phone (de)");
  });
});
