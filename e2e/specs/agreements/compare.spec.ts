import { expect, type Page, test } from "@playwright/test";
import type { Locale } from "../../../common/identity.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { MESSAGES } from "../../support/locales.ts";

const messages = MESSAGES.en;
const SAG_AFTRA_2023 = "2023 TV/Theatrical Contracts (Memorandum of Agreement)";
const SAG_AFTRA_ID = "us-sag-aftra-tv-theatrical-2023";
const KI_TARIFVERTRAG = "KI-Tarifvertrag";
const AI_VIEW = "/agreements/compare?families=AI,JOB,ALGO,PART";

function matrix(page: Page) {
  return page.getByRole("table");
}

/** The cell of one code's row in one agreement's column, found by the table's own headers. */
async function cellOf(page: Page, code: string, title: string) {
  const table = matrix(page);
  await expect(table).toBeVisible();
  const headers = await table.getByRole("columnheader").allTextContents();
  const column = headers.findIndex((header) => header.startsWith(title));
  expect(column, `column of ${title}`).toBeGreaterThan(0);
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader").filter({ hasText: new RegExp(`${code.replace(".", "\\.")}$`) }) });
  return row.getByRole("cell").nth(column - 1);
}

test.describe("comparing agreements, without signing in", () => {
  test("the AI provisions view shows SAG-AFTRA 2023's 48 hours' notice", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("link", { name: messages.agreements.compare.libraryLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: messages.agreements.compare.title })).toBeVisible();
    await page.getByRole("button", { name: messages.agreements.compare.aiProvisions }).click();
    await expect(page).toHaveURL(/\/agreements\/compare\?families=AI,JOB,ALGO,PART$/);

    const notice = await cellOf(page, "AI.NOTICE", SAG_AFTRA_2023);
    await expect(notice).toContainText("48 hours");
    await expect(matrix(page).getByRole("columnheader", { name: SAG_AFTRA_2023 }).getByRole("link")).toHaveAttribute(
      "href",
      `/agreements/${SAG_AFTRA_ID}`,
    );
    // A cell without findings says "no data", which is not the same as "no".
    await expect(matrix(page).getByText(messages.agreements.compare.noData).first()).toBeVisible();

    const csv = page.getByRole("link", { name: messages.agreements.compare.csv });
    await expect(csv).toHaveAttribute("href", "/api/v1/agreements/compare.csv?families=AI,JOB,ALGO,PART");
    const response = await page.request.get(
      (await csv.getAttribute("href")) ?? "/api/v1/agreements/compare.csv?families=AI",
    );
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain(SAG_AFTRA_ID);
  });

  test("two agreements and one code chosen in the form give the matrix and a shareable address", async ({
    page,
    browser,
  }) => {
    await page.goto("/agreements/compare");
    const compare = page.getByRole("button", { name: messages.agreements.compare.submit, exact: true });

    // Nothing to compare yet: the form says what is missing.
    await compare.click();
    await expect(page.getByRole("alert")).toHaveText(messages.agreements.compare.needProvisions);

    const findAgreement = page.getByRole("searchbox", { name: messages.agreements.compare.findAgreement });
    await findAgreement.fill("TV/Theatrical 2023");
    await page.getByRole("checkbox", { name: new RegExp(`^${SAG_AFTRA_2023.replace(/[()/]/g, "\\$&")}`) }).check();
    await findAgreement.fill(KI_TARIFVERTRAG);
    await page.getByRole("checkbox", { name: new RegExp(`^${KI_TARIFVERTRAG}`) }).check();

    await page.locator("summary").filter({ hasText: messages.agreements.compare.codes }).click();
    await page.getByRole("searchbox", { name: messages.agreements.compare.findCode }).fill("AI.NOTICE");
    await page.getByRole("checkbox", { name: /AI\.NOTICE$/ }).check();
    await compare.click();

    await expect(page).toHaveURL(/\/agreements\/compare\?ids=[a-z0-9-]+,[a-z0-9-]+&codes=AI\.NOTICE$/);
    expect(page.url()).toContain(SAG_AFTRA_ID);
    await expect(matrix(page).getByRole("columnheader")).toHaveCount(3);
    await expect(matrix(page).getByRole("rowheader")).toHaveCount(1);
    const headers = await matrix(page).getByRole("columnheader").allTextContents();

    // Sorting by country changes the address too.
    await page.getByRole("link", { name: messages.agreements.compare.sort.country }).click();
    await expect(page).toHaveURL(/&sort=country$/);
    await expect(
      page.getByRole("navigation", { name: messages.agreements.compare.sortBy }).locator("[aria-current]"),
    ).toHaveText(messages.agreements.compare.sort.country);

    // The address alone gives the same comparison.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await expect(matrix(shared).getByRole("rowheader")).toHaveCount(1);
    expect((await matrix(shared).getByRole("columnheader").allTextContents()).sort()).toEqual([...headers].sort());
    await shared.close();

    // A cell's evidence opens from the keyboard: the clause and its sources.
    const cell = await cellOf(page, "AI.NOTICE", SAG_AFTRA_2023);
    await expect(cell).toContainText("48 hours");
    const evidenceLink = cell.locator("a.external-link").first();
    await expect(evidenceLink).toBeHidden();
    await cell.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(evidenceLink).toBeVisible();
    await expect(evidenceLink).toHaveAttribute("href", /^https:\/\//);
    await expect(evidenceLink).toHaveAttribute("rel", "noopener noreferrer");
    await expect(cell.getByRole("link").first()).toHaveAttribute(
      "href",
      new RegExp(`^/agreements/${SAG_AFTRA_ID}#clause-`),
    );
  });

  test("an unknown agreement in the address is reported, not shown as an empty matrix", async ({ page }) => {
    await page.goto("/agreements/compare?ids=no-such-agreement&codes=AI.NOTICE");
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(matrix(page)).toHaveCount(0);
  });
});

const AUDITED_LOCALES: Locale[] = ["en", "de"];

for (const locale of AUDITED_LOCALES) {
  const localized = MESSAGES[locale];

  test.describe(`compare accessibility in ${locale}`, () => {
    test.use({ locale });

    test(`[A11Y]: compare form and matrix (${locale})`, async ({ page }) => {
      await page.goto("/agreements/compare");
      await expect(page.getByRole("button", { name: localized.agreements.compare.aiProvisions })).toBeVisible();
      await page.locator("summary").filter({ hasText: localized.agreements.compare.codes }).click();
      await expectNoAxeViolations(page, `compare form (${locale})`);

      await page.goto(AI_VIEW);
      await expect(matrix(page)).toBeVisible();
      await matrix(page).locator("details summary").first().click();
      await expectNoAxeViolations(page, `compare matrix (${locale})`);
    });
  });
}

test.describe("comparing on a phone", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });

  test("[A11Y]: the matrix scrolls inside its container, the page does not scroll sideways", async ({ page }) => {
    await page.goto(AI_VIEW);
    await expect(matrix(page)).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
    const scrolls = await page
      .locator(".compare-scroll")
      .evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(scrolls).toBe(true);
  });
});
