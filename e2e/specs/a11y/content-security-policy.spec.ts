import { expect, type Page, test } from "@playwright/test";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { MESSAGES } from "../../support/locales.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

const messages = MESSAGES.en;
test.use({ locale: "en" });

/** Collects what the browser refused because of the Content-Security-Policy. */
function recordPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test("[WEB]: the app runs under the server's strict Content-Security-Policy", async ({ page }) => {
  const violations = recordPolicyViolations(page);

  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await expect(page.getByRole("heading", { level: 1, name: messages.landing.title })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  await signInThroughApi(page, demoCredentials(DEMO_USERS.admin));
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: messages.admin.title })).toBeVisible();
  await page
    .getByRole("button", { name: new RegExp(messages.admin.removeRole) })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  expect(violations).toEqual([]);
});
