import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { MESSAGES } from "../../support/locales.ts";
import { demoCredentials, expectHome, signInThroughApi, signInThroughForm } from "../../support/sign-in.ts";

const messages = MESSAGES.en;
test.use({ locale: "en" });

test("[AUTH]: a session that is no longer valid sends the user to sign in, with a message", async ({
  page,
  context,
  baseURL,
}) => {
  await signInThroughForm(page, demoCredentials(DEMO_USERS.member), messages);
  await expectHome(page, DEMO_USERS.member, messages);

  await context.clearCookies();
  await context.addCookies([{ name: "guildhall_session", value: "not-a-real-session", url: baseURL ?? "" }]);
  await page.goto("/admin");

  await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(
    new RegExp(`${messages.signIn.sessionExpired}|${messages.signIn.signInRequired}`),
  );
});

test("[AUTH]: a request refused mid-visit sends the user to sign in with the expiry message", async ({
  page,
  context,
  baseURL,
}) => {
  const admin = DEMO_USERS.admin;
  await signInThroughApi(page, demoCredentials(admin));
  await page.goto("/");
  await expectHome(page, admin, messages);

  // The app still believes it is signed in; the next API call finds no valid session.
  await context.clearCookies();
  await context.addCookies([{ name: "guildhall_session", value: "garbage", url: baseURL ?? "" }]);
  await page.getByRole("navigation").getByRole("link", { name: messages.nav.admin }).click();

  await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(messages.signIn.sessionExpired);
  await expect(page.getByRole("button", { name: messages.nav.signOut })).toHaveCount(0);

  // Signing in again returns to the page the user was on.
  await signInThroughForm(page, demoCredentials(admin), messages, { stayOnPage: true });
  await expect(page.getByRole("heading", { level: 1, name: messages.admin.title })).toBeVisible();
  await expect(page).toHaveURL("/admin");
});

test("[AUTH]: protected pages ask anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(messages.signIn.signInRequired);
});
