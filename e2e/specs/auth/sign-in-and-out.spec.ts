import { expect, test } from "@playwright/test";
import { LOCALES, ROLES } from "../../../common/identity.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { MESSAGES } from "../../support/locales.ts";
import { demoCredentials, expectHome, signInThroughForm } from "../../support/sign-in.ts";

for (const locale of LOCALES) {
  const messages = MESSAGES[locale];

  test.describe(`sign-in in ${locale}`, () => {
    test.use({ locale });

    for (const role of ROLES) {
      const user = DEMO_USERS[role];

      test(`[AUTH]: ${role} signs in and out (${locale})`, async ({ page }) => {
        await page.goto("/sign-in");
        await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", locale);

        await signInThroughForm(page, demoCredentials(user), messages);
        await expectHome(page, user, messages);
        await expect(page).toHaveURL("/");

        await page.getByRole("button", { name: messages.nav.signOut }).click();
        await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
        await expect(page.getByRole("status").filter({ hasText: messages.signIn.signedOut })).toBeVisible();

        // The server ended the session: the home page is the public one again.
        await page.goto("/");
        await expect(page.getByRole("heading", { level: 1, name: messages.landing.title })).toBeVisible();
      });
    }
  });
}

test.describe("language choice", () => {
  test.use({ locale: "en-GB" });

  test("[I18N]: the language select translates the page and is remembered", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: MESSAGES.en.landing.title })).toBeVisible();

    await page.getByLabel(MESSAGES.en.language.label).selectOption("de");
    await expect(page.getByRole("heading", { level: 1, name: MESSAGES.de.landing.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle(`${MESSAGES.de.nav.home} – Guildhall`);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: MESSAGES.de.landing.title })).toBeVisible();
    await expect(page.getByLabel(MESSAGES.de.language.label)).toHaveValue("de");
  });
});

test.describe("regional browser language", () => {
  test.use({ locale: "es-MX" });

  test("[I18N]: a regional browser language picks the base language", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: MESSAGES.es.landing.title })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  });
});
