import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { fill, MESSAGES } from "../../support/locales.ts";
import { demoCredentials, signInThroughApi, signInThroughForm } from "../../support/sign-in.ts";
import { nextTotpCode } from "../../support/totp.ts";

const messages = MESSAGES.en;
test.use({ locale: "en" });

async function openAdministration(page: Page) {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.admin));
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: messages.admin.title })).toBeVisible();
  await expect(
    page.getByRole("table", {
      name: fill(messages.admin.membersCaption, { organization: DEMO_USERS.admin.organization }),
    }),
  ).toBeVisible();
}

async function addMember(page: Page, member: { email: string; name: string; role: string; password?: string }) {
  const form = page.getByRole("region", { name: messages.admin.addMemberTitle });
  await form.getByLabel(messages.signIn.email).fill(member.email);
  await form.getByLabel(messages.admin.displayName).fill(member.name);
  await form.getByLabel(messages.admin.role).selectOption({ label: member.role });
  if (member.password) {
    await form.getByLabel(messages.admin.newPassword).fill(member.password);
  }
  await form.getByRole("button", { name: messages.admin.addMember }).click();
}

function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}@example.test`;
}

test("[ADMIN]: an administrator adds a member, who then appears in the list", async ({ page }) => {
  await openAdministration(page);
  const name = "Rosa Quintero";
  await addMember(page, {
    email: uniqueEmail("rosa"),
    name,
    role: messages.roles.member,
    password: "a-long-enough-password",
  });
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: fill(messages.admin.memberAdded, { name, role: messages.roles.member }) }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
});

test("[ADMIN]: giving someone a role they already have is explained", async ({ page }) => {
  await openAdministration(page);
  await addMember(page, {
    email: DEMO_USERS.member.email,
    name: DEMO_USERS.member.displayName,
    role: messages.roles.member,
  });
  await expect(page.getByRole("alert")).toContainText(messages.admin.memberConflict);
});

test("[ADMIN]: an administrator removes a role after confirming", async ({ page }) => {
  await openAdministration(page);
  const name = `Temporary Producer ${Date.now()}`;
  await addMember(page, {
    email: uniqueEmail("temp"),
    name,
    role: messages.roles.producer,
    password: "a-long-enough-password",
  });
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: new RegExp(messages.admin.removeRole) }).click();
  const dialog = page.getByRole("dialog", { name: messages.admin.removeRoleConfirmTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: messages.common.cancel })).toBeFocused();
  await dialog.getByRole("button", { name: messages.admin.removeRoleConfirm }).click();

  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: fill(messages.admin.roleRemoved, { name, role: messages.roles.producer }) }),
  ).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("[ADMIN]: an API key's secret is shown once, and the key can be revoked", async ({ page }) => {
  await openAdministration(page);
  const keyName = `Payroll export ${Date.now()}`;
  const keys = page.getByRole("region", { name: messages.admin.apiKeysTitle });

  await keys.getByLabel(messages.admin.keyName).fill(keyName);
  await keys.getByRole("button", { name: messages.admin.createKey }).click();

  const secretPanel = page.getByRole("region", { name: fill(messages.admin.newKeyTitle, { name: keyName }) });
  await expect(secretPanel).toBeVisible();
  await expect(secretPanel).toContainText(messages.admin.newKeyWarning);
  const secret = (await secretPanel.locator("code").textContent())?.trim() ?? "";
  expect(secret.length).toBeGreaterThan(20);
  await expectNoAxeViolations(page, "admin page with a new API key");

  const row = keys.getByRole("row", { name: new RegExp(keyName) });
  await expect(row).toContainText(messages.admin.keyActive);

  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: new RegExp(messages.admin.revoke) }).click();
  const dialog = page.getByRole("dialog", { name: messages.admin.revokeConfirmTitle });
  await expect(dialog).toContainText(fill(messages.admin.revokeConfirmText, { name: keyName }));
  await expectNoAxeViolations(page, "revoke confirmation dialog");
  await dialog.getByRole("button", { name: messages.admin.revokeConfirm }).click();

  await expect(
    page.getByRole("status").filter({ hasText: fill(messages.admin.keyRevokedStatus, { name: keyName }) }),
  ).toBeVisible();
  await expect(row).toContainText(fill(messages.admin.keyRevoked, { date: "" }).trim());
  await expect(row.getByRole("button")).toHaveCount(0);
});

test("[ADMIN]: people who are not administrators are told the page is not for them", async ({ page }) => {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.member));
  await page.goto("/");
  await expect(page.getByRole("navigation").getByRole("link", { name: messages.nav.admin })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: messages.admin.notAllowedTitle })).toBeVisible();
  await expect(page.getByText(messages.admin.notAllowed)).toBeVisible();
});

test("[AUTH]: a new officer must set up two-step verification before anything else", async ({ page, browser }) => {
  await openAdministration(page);
  const officer = { email: uniqueEmail("officer"), name: "Nadia Benali", password: "a-long-enough-password" };
  await addMember(page, { ...officer, role: messages.roles.officer });
  await expect(page.getByRole("row", { name: new RegExp(officer.name) })).toBeVisible();

  const context = await browser.newContext({ locale: "es" });
  const officerPage = await context.newPage();
  const es = MESSAGES.es;
  await signInThroughForm(officerPage, { email: officer.email, password: officer.password }, es);

  await expect(officerPage).toHaveURL("/security/totp");
  await expect(officerPage.getByRole("heading", { level: 1, name: es.totp.title })).toBeVisible();
  const secretText = officerPage.locator("#totp-secret");
  await expect(secretText).toBeVisible();
  await expect(officerPage.locator("#totp-uri")).toContainText("otpauth://totp/");
  await expectNoAxeViolations(officerPage, "TOTP enrollment (es)");

  // Until enrolled, other pages lead back here.
  await officerPage.goto("/admin");
  await expect(officerPage).toHaveURL("/security/totp");

  const secret = ((await officerPage.locator("#totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await officerPage.getByLabel(es.totp.code).fill("000000");
  await officerPage.getByRole("button", { name: es.totp.confirm }).click();
  await expect(officerPage.getByLabel(es.totp.code)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(officerPage, "TOTP enrollment with an error (es)");

  await officerPage.getByLabel(es.totp.code).fill(await nextTotpCode(officer.email, secret));
  await officerPage.getByRole("button", { name: es.totp.confirm }).click();
  await expect(
    officerPage.getByRole("heading", { level: 1, name: fill(es.home.greeting, { name: officer.name }) }),
  ).toBeVisible();
  await context.close();
});

test("[AUTH]: signing out from a protected page says so", async ({ page }) => {
  await signInThroughForm(page, demoCredentials(DEMO_USERS.admin), messages);
  await page.getByRole("navigation").getByRole("link", { name: messages.nav.admin }).click();
  await expect(page.getByRole("heading", { level: 1, name: messages.admin.title })).toBeVisible();

  await page.getByRole("button", { name: messages.nav.signOut }).click();
  await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(messages.signIn.signedOut);
});
