import { expect, type Page, test } from "@playwright/test";
import { LOCALES, type Locale } from "../../../common/identity.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../../support/demo-users.ts";
import { containing, fill, MESSAGES, type Messages } from "../../support/locales.ts";

/** A different account per language, so that no account collects enough failures to be locked. */
const ACCOUNT_FOR_WRONG_PASSWORD: Record<Locale, string> = {
  en: DEMO_USERS.member.email,
  es: DEMO_USERS.producer.email,
  fr: DEMO_USERS.developer.email,
  de: DEMO_USERS.auditor.email,
};

async function submitCredentials(page: Page, messages: Messages, email: string, password: string) {
  await page.getByLabel(messages.signIn.email).fill(email);
  await page.getByLabel(messages.signIn.password).fill(password);
  await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();
}

async function expectNoTechnicalDetails(page: Page) {
  const text = (await page.locator("body").textContent()) ?? "";
  expect(text).not.toMatch(/[{}]|"code"|stack|Error:\s*at\b|\bat .+:\d+:\d+/);
}

for (const locale of LOCALES) {
  const messages = MESSAGES[locale];

  test.describe(`sign-in errors in ${locale}`, () => {
    test.use({ locale });

    test(`[AUTH]: wrong password and unknown user get the same message (${locale})`, async ({ page }) => {
      await page.goto("/sign-in");
      await submitCredentials(page, messages, ACCOUNT_FOR_WRONG_PASSWORD[locale], "not-the-password-2026");
      const summary = page.getByRole("alert");
      await expect(summary).toContainText(messages.errors.invalid_credentials);
      await expect(summary).toContainText(messages.errorSummary.title);
      const wrongPasswordText = await summary.textContent();
      await expectNoTechnicalDetails(page);

      await page.goto("/sign-in");
      await submitCredentials(page, messages, `nobody-${Date.now()}@example.test`, DEMO_PASSWORD);
      await expect(page.getByRole("alert")).toContainText(messages.errors.invalid_credentials);
      expect(await page.getByRole("alert").textContent()).toBe(wrongPasswordText);
      await expectNoTechnicalDetails(page);
    });

    test(`[AUTH]: empty fields are flagged next to each field (${locale})`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();

      const summary = page.getByRole("alert");
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: messages.validation.emailRequired })).toBeVisible();
      await expect(summary.getByRole("link", { name: messages.validation.passwordRequired })).toBeVisible();

      const email = page.getByLabel(messages.signIn.email);
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(email).toHaveAccessibleDescription(containing(messages.validation.emailRequired));
      const password = page.getByLabel(messages.signIn.password);
      await expect(password).toHaveAttribute("aria-invalid", "true");
      await expect(password).toHaveAccessibleDescription(containing(messages.validation.passwordRequired));

      // The summary's links take the user to the field.
      await summary.getByRole("link", { name: messages.validation.passwordRequired }).click();
      await expect(password).toBeFocused();
      await expectNoTechnicalDetails(page);
    });
  });
}

test.describe("sign-in edge cases", () => {
  test.use({ locale: "en" });
  const messages = MESSAGES.en;

  test("[AUTH]: a malformed email is caught before it is sent", async ({ page }) => {
    await page.goto("/sign-in");
    await submitCredentials(page, messages, "not-an-email", "whatever-password");
    await expect(page.getByLabel(messages.signIn.email)).toHaveAccessibleDescription(
      containing(messages.validation.emailInvalid),
    );
  });

  test("[AUTH]: a wrong TOTP code is flagged on the code field", async ({ page }) => {
    await page.goto("/sign-in");
    await submitCredentials(page, messages, DEMO_USERS.officer.email, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { level: 1, name: messages.signIn.totpTitle })).toBeVisible();
    const code = page.getByLabel(messages.signIn.totpCode);
    await expect(code).toBeFocused();
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await expect(code).toHaveAttribute("inputmode", "numeric");

    await code.fill("12345");
    await page.getByRole("button", { name: messages.signIn.verify }).click();
    await expect(code).toHaveAccessibleDescription(containing(messages.validation.codeInvalid));

    await code.fill("000000");
    await page.getByRole("button", { name: messages.signIn.verify }).click();
    await expect(code).toHaveAccessibleDescription(containing(messages.errors.totp_invalid));
    await expect(code).toHaveAttribute("aria-invalid", "true");
  });

  test("[AUTH]: repeated failures pause sign-in and say for how long", async ({ page }) => {
    const email = `locked-${Date.now()}@example.test`;
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 4; attempt++) {
      await submitCredentials(page, messages, email, "wrong-password-2026");
      await expect(page.getByRole("alert")).toContainText(messages.errors.invalid_credentials);
    }
    await submitCredentials(page, messages, email, "wrong-password-2026");
    await expect(page.getByRole("alert")).toContainText(fill(messages.errors.locked_out, { duration: "1 minute" }));
  });
});
