import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../support/demo-users.ts";
import { MESSAGES } from "../../support/locales.ts";
import { expectHome } from "../../support/sign-in.ts";

const messages = MESSAGES.en;
test.use({ locale: "en" });

async function tabUntilFocused(page: Page, target: Locator, maxPresses = 20): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test("[A11Y]: the skip link is the first stop and jumps to the main content", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: messages.nav.skipToContent });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(messages.signIn.email)).toBeFocused();
});

test("[A11Y]: sign-in works with the keyboard alone", async ({ page }) => {
  const member = DEMO_USERS.member;
  await page.goto("/sign-in");

  await tabUntilFocused(page, page.getByLabel(messages.signIn.email));
  await page.keyboard.type(member.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(messages.signIn.password)).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");

  await expectHome(page, member, messages);
});
