import { expect, test } from "@playwright/test";
import type { Locale } from "../../../common/identity.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { MESSAGES } from "../../support/locales.ts";

const AUDITED_LOCALES: Locale[] = ["en", "de"];
const AGREEMENT = "/agreements/us-sag-aftra-tv-theatrical-2023";

for (const locale of AUDITED_LOCALES) {
  const messages = MESSAGES[locale];

  test.describe(`agreements accessibility in ${locale}`, () => {
    test.use({ locale });

    test(`[A11Y]: library, agreement and taxonomy pages (${locale})`, async ({ page }) => {
      await page.goto("/agreements?q=replica");
      await expect(page.locator(".result").first()).toBeVisible();
      await page.getByText(messages.agreements.search.filters, { exact: true }).click();
      await expectNoAxeViolations(page, `library with results (${locale})`);

      await page.goto("/agreements?q=xylophonequartz&country=DE");
      await expect(page.getByText(messages.agreements.library.noResults)).toBeVisible();
      await expectNoAxeViolations(page, `library without results (${locale})`);

      await page.goto(AGREEMENT);
      await expect(page.locator(".clause").first()).toBeVisible();
      await expectNoAxeViolations(page, `agreement (${locale})`);

      await page.goto("/agreements/taxonomy");
      await expect(page.locator(".taxonomy-code").first()).toBeVisible();
      await expectNoAxeViolations(page, `taxonomy (${locale})`);
    });
  });
}

test.describe("agreements on a phone", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const messages = MESSAGES.de;

  test("[A11Y]: library, agreement and taxonomy fit a 360 px screen without sideways scrolling", async ({ page }) => {
    await page.goto("/agreements?q=replica");
    await expect(page.locator(".result").first()).toBeVisible();
    await page.getByText(messages.agreements.search.filters, { exact: true }).click();
    await expect(page.getByLabel(messages.agreements.search.code)).toBeVisible();
    expect(await hasHorizontalScroll(page), "library").toBe(false);

    await page.goto(AGREEMENT);
    await expect(page.locator(".clause").first()).toBeVisible();
    expect(await hasHorizontalScroll(page), "agreement").toBe(false);

    await page.goto("/agreements/taxonomy");
    await expect(page.locator(".taxonomy-code").first()).toBeVisible();
    expect(await hasHorizontalScroll(page), "taxonomy").toBe(false);
  });
});
