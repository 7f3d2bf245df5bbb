import { expect, type Page, test } from "@playwright/test";
import { MESSAGES } from "../../support/locales.ts";

const messages = MESSAGES.en;
const SAG_AFTRA_2023 = "2023 TV/Theatrical Contracts (Memorandum of Agreement)";

function results(page: Page) {
  return page.getByRole("region", { name: messages.agreements.library.results });
}

function facets(page: Page) {
  return page.getByRole("complementary", { name: messages.agreements.library.facets });
}

async function resultTitles(page: Page): Promise<string[]> {
  await expect(page.getByRole("status").filter({ hasText: /found/ })).toBeVisible();
  return results(page).getByRole("heading", { level: 3 }).allTextContents();
}

test.describe("agreements library, without signing in", () => {
  test("searches, filters by facet and form, and keeps the search in a shareable address", async ({
    page,
    browser,
  }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: messages.nav.label })
      .getByRole("link", { name: messages.nav.agreements })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: messages.agreements.library.title })).toBeVisible();

    // English stemming: "replicas" finds clauses about a "replica"; the matched words are marked.
    await page.getByRole("searchbox", { name: messages.agreements.search.q }).fill("replicas");
    await page.getByRole("searchbox", { name: messages.agreements.search.q }).press("Enter");
    await expect(page).toHaveURL(/[?&]q=replicas/);
    await expect(results(page).getByRole("link", { name: SAG_AFTRA_2023 })).toBeVisible();
    await expect(results(page).locator("mark").first()).toBeVisible();
    const status = page.getByRole("status").filter({ hasText: /agreements? found/ });
    await expect(status).toBeVisible();

    // A facet applies its filter; the active filter is listed and can be removed.
    await facets(page)
      .getByRole("link", { name: /^United States \d+/ })
      .click();
    await expect(page).toHaveURL(/country=US/);
    await expect(page.getByRole("list", { name: messages.agreements.library.activeFilters })).toContainText(
      "Country: United States",
    );
    const filtered = await resultTitles(page);
    expect(filtered.length).toBeGreaterThan(0);

    // The address alone gives the same results.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    expect(await resultTitles(shared)).toEqual(filtered);
    await shared.close();

    // Back undoes the facet, and the form shows the search again.
    await page.goBack();
    await expect(page).not.toHaveURL(/country=/);
    await expect(page.getByRole("searchbox", { name: messages.agreements.search.q })).toHaveValue("replicas");

    // Filters from the form: who is covered.
    await page.goto("/agreements");
    await page.getByText(messages.agreements.search.filters, { exact: true }).click();
    await page.getByLabel(messages.agreements.search.covers).selectOption("influencers");
    await page.getByRole("button", { name: messages.agreements.search.apply }).click();
    await expect(page).toHaveURL(/covers=influencers/);
    await expect(
      results(page).getByRole("link", { name: "Influencer-Produced Sponsored Content Agreement" }),
    ).toBeVisible();
  });

  test.describe("in German", () => {
    test.use({ locale: "de" });
    const de = MESSAGES.de;

    // The corpus's clause texts are English summaries, so German words are found in the German titles.
    test("a German word finds the German agreements, and the country facet narrows to them", async ({ page }) => {
      await page.goto("/agreements?q=Tarifvertrag");
      const found = page.getByRole("region", { name: de.agreements.library.results });
      await expect(found.getByRole("link", { name: "KI-Tarifvertrag" })).toBeVisible();
      await page
        .getByRole("complementary", { name: de.agreements.library.facets })
        .getByRole("link", { name: /^Deutschland \d+/ })
        .click();
      await expect(page).toHaveURL(/country=DE/);
      await expect(page.getByRole("status").filter({ hasText: /gefunden/ })).toBeVisible();
      for (const countries of await found.locator(".meta-list > div:first-child dd").allTextContents()) {
        expect(countries).toContain("Deutschland");
      }
    });
  });

  test("no results says so and offers to clear the search", async ({ page }) => {
    await page.goto("/agreements?q=xylophonequartz");
    await expect(page.getByText(messages.agreements.library.noResults)).toBeVisible();
    await page.getByRole("link", { name: messages.agreements.search.clear }).first().click();
    await expect(page).toHaveURL(/\/agreements$/);
  });

  test("an agreement shows its clauses, findings and evidence", async ({ page }) => {
    await page.goto("/agreements/us-sag-aftra-tv-theatrical-2023");
    await expect(page.getByRole("heading", { level: 1, name: SAG_AFTRA_2023 })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Clauses \(\d+\)$/ })).toBeVisible();

    const notice = page
      .getByRole("list", { name: messages.agreements.finding.listLabel })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 4, name: /AI\.NOTICE/ }) });
    await expect(notice).toContainText("48 hours");
    await expect(notice).toContainText(messages.agreements.evidenceBases.seen);
    const evidence = notice.getByRole("link").first();
    await expect(evidence).toHaveAttribute("rel", "noopener noreferrer");
    await expect(evidence).toHaveAttribute("href", /^https:\/\//);

    await expect(page.getByText("$243.00 per day").first()).toBeVisible();
    await expect(page.locator(".clause__text").first()).toHaveAttribute("lang", "en");
    const sources = page.getByRole("region", { name: messages.agreements.agreement.sources });
    await expect(sources.getByRole("link").first()).toHaveAttribute("rel", "noopener noreferrer");
  });

  test("an unknown agreement is the not-found page", async ({ page }) => {
    await page.goto("/agreements/no-such-agreement");
    await expect(page.getByRole("heading", { level: 1, name: messages.notFound.title })).toBeVisible();
  });

  test("the taxonomy links each code to the library filtered by it", async ({ page }) => {
    await page.goto("/agreements/taxonomy");
    await expect(page.getByRole("heading", { level: 1, name: messages.agreements.taxonomy.title })).toBeVisible();
    const code = page.getByRole("listitem").filter({ has: page.getByText("AI.NOTICE", { exact: true }) });
    await code.getByRole("link").click();
    await expect(page).toHaveURL(/\/agreements\?code=AI\.NOTICE$/);
    await expect(results(page).getByRole("link", { name: SAG_AFTRA_2023 })).toBeVisible();
    await expect(page.getByLabel(messages.agreements.search.code)).toHaveValue("AI.NOTICE");
  });
});
