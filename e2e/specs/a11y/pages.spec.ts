import { expect, test } from "@playwright/test";
import { type Locale, ROLES } from "../../../common/identity.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../../support/demo-users.ts";
import { MESSAGES } from "../../support/locales.ts";
import { demoCredentials, expectHome, signInThroughApi } from "../../support/sign-in.ts";

/** English, plus German: its long words are the hardest test for the layout. */
const AUDITED_LOCALES: Locale[] = ["en", "de"];

for (const locale of AUDITED_LOCALES) {
  const messages = MESSAGES[locale];

  test.describe(`accessibility in ${locale}`, () => {
    test.use({ locale });

    test(`[A11Y]: public pages (${locale})`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: messages.landing.title })).toBeVisible();
      await expectNoAxeViolations(page, `landing (${locale})`);

      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
      await expectNoAxeViolations(page, `sign-in (${locale})`);

      await page.goto("/no-such-page");
      await expect(page.getByRole("heading", { level: 1, name: messages.notFound.title })).toBeVisible();
      await expectNoAxeViolations(page, `not found (${locale})`);
    });

    test(`[A11Y]: sign-in with errors and the TOTP step (${locale})`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, `sign-in with field errors (${locale})`);

      await page.getByLabel(messages.signIn.email).fill(`nobody@example.test`);
      await page.getByLabel(messages.signIn.password).fill("wrong-password-2026");
      await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();
      await expect(page.getByRole("alert")).toContainText(messages.errors.invalid_credentials);
      await expectNoAxeViolations(page, `sign-in refused (${locale})`);

      await page.getByLabel(messages.signIn.email).fill(DEMO_USERS.officer.email);
      await page.getByLabel(messages.signIn.password).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: messages.signIn.totpTitle })).toBeVisible();
      await expectNoAxeViolations(page, `TOTP step (${locale})`);

      await page.getByLabel(messages.signIn.totpCode).fill("000000");
      await page.getByRole("button", { name: messages.signIn.verify }).click();
      await expect(page.getByLabel(messages.signIn.totpCode)).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page, `TOTP step with an error (${locale})`);
    });

    for (const role of ROLES) {
      const user = DEMO_USERS[role];
      test(`[A11Y]: home page of the ${role} (${locale})`, async ({ page }) => {
        await signInThroughApi(page, demoCredentials(user));
        await page.goto("/");
        await expectHome(page, user, messages);
        await expectNoAxeViolations(page, `home of ${role} (${locale})`);
      });
    }

    test(`[A11Y]: organization administration (${locale})`, async ({ page }) => {
      await signInThroughApi(page, demoCredentials(DEMO_USERS.admin));
      await page.goto("/admin");
      await expect(page.getByRole("heading", { level: 1, name: messages.admin.title })).toBeVisible();
      await expect(page.getByRole("row", { name: new RegExp(DEMO_USERS.member.displayName) })).toBeVisible();
      await expectNoAxeViolations(page, `admin (${locale})`);

      const addMember = page.getByRole("region", { name: messages.admin.addMemberTitle });
      await addMember.getByRole("button", { name: messages.admin.addMember }).click();
      await expect(addMember.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, `admin with form errors (${locale})`);
    });

    test(`[A11Y]: not allowed page (${locale})`, async ({ page }) => {
      await signInThroughApi(page, demoCredentials(DEMO_USERS.producer));
      await page.goto("/admin");
      await expect(page.getByRole("heading", { level: 1, name: messages.admin.notAllowedTitle })).toBeVisible();
      await expectNoAxeViolations(page, `not allowed (${locale})`);
    });
  });
}

test.describe("phone-sized screens", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const messages = MESSAGES.de;

  test("[A11Y]: landing, sign-in and home fit a 360 px screen without sideways scrolling", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: messages.landing.title })).toBeVisible();
    expect(await hasHorizontalScroll(page), "landing").toBe(false);

    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
    expect(await hasHorizontalScroll(page), "sign-in").toBe(false);

    for (const user of [DEMO_USERS.officer, DEMO_USERS.admin]) {
      await signInThroughApi(page, demoCredentials(user));
      await page.goto("/");
      await expectHome(page, user, messages);
      expect(await hasHorizontalScroll(page), `home of ${user.role}`).toBe(false);
    }

    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: messages.admin.title })).toBeVisible();
    expect(await hasHorizontalScroll(page), "admin").toBe(false);
    await expectNoAxeViolations(page, "admin on a phone (de)");
  });
});
