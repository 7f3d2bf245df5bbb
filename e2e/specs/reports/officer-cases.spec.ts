import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { containing, exactly, fill, MESSAGES } from "../../support/locales.ts";
import { demoUnionId, fileReport, signInAsOfficer } from "../../support/reports.ts";
import { demoCredentials, signInThroughApi, signInThroughForm } from "../../support/sign-in.ts";
import { nextTotpCode } from "../../support/totp.ts";

const messages = MESSAGES.en;
const texts = messages.cases;
test.use({ locale: "en" });

const CASE_PAGE = /\/cases\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Files a report through the public API, as a reporter would. The demo officer must have signed in
 * once before, so that their key exists and the report is sealed to it.
 */

/** Opens the newest case of the queue (the one just filed), which must be of that category. */
async function openNewestCase(page: Page, categoryLabel: string, queueTitle = texts.title): Promise<void> {
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: queueTitle })).toBeVisible();
  const newest = page
    .getByRole("list")
    .filter({ has: page.locator(".case-card") })
    .getByRole("link")
    .first();
  await expect(newest).toHaveAccessibleName(containing(categoryLabel));
  await newest.click();
  await expect(page).toHaveURL(CASE_PAGE);
  await expect(page.getByRole("heading", { level: 1, name: containing(categoryLabel) })).toBeVisible();
}

async function changeStatus(page: Page, status: string, outcome: string): Promise<void> {
  const form = page.getByRole("form", { name: texts.actions.statusTitle });
  await form.getByLabel(texts.actions.newStatus).selectOption({ label: status });
  await form.getByLabel(texts.fields.outcome).selectOption({ label: outcome });
  await form.getByRole("button", { name: texts.actions.changeStatus }).click();
  await expect(
    page.getByRole("status").filter({ hasText: fill(texts.actions.statusChanged, { status }) }),
  ).toBeVisible();
}

test("[REPORTS]: an officer finds a new case, reads it, acknowledges it, answers and resolves it", async ({
  page,
  request,
}) => {
  await signInAsOfficer(page);
  const organizationId = await demoUnionId(request);
  const description = `Rehearsals ran until 23:00 every night and the overtime was never paid (${Date.now()}).`;
  const receipt = await fileReport(request, organizationId, description);

  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: messages.nav.cases }).click();
  await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
  const card = page.locator(".case-card").first();
  await expect(card).toContainText(texts.statuses.new);
  await expect(card).toContainText(texts.kinds.violation);
  await expect(card).toContainText(texts.fields.acknowledgeBy);
  await expectNoAxeViolations(page, "case queue");

  await openNewestCase(page, texts.categories.unpaid_overtime);
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText(texts.case.anonymous, { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: texts.case.timelineTitle })).toContainText(texts.statuses.new);
  await expectNoAxeViolations(page, "case page");

  await page.getByRole("button", { name: texts.actions.acknowledge }).click();
  await expect(page.getByRole("status").filter({ hasText: texts.actions.acknowledged })).toBeVisible();
  await expect(page.getByRole("button", { name: texts.actions.acknowledge })).toHaveCount(0);
  await expect(page.getByRole("region", { name: texts.case.timelineTitle })).toContainText(texts.statuses.acknowledged);

  const reply = "Thank you for telling us. Which weeks were not paid?";
  const replyForm = page.getByRole("form", { name: texts.messages.replyTitle });
  await replyForm.getByRole("button", { name: texts.messages.send }).click();
  await expect(replyForm.getByLabel(texts.messages.text)).toHaveAccessibleDescription(
    containing(texts.messages.textRequired),
  );
  await replyForm.getByLabel(texts.messages.text).fill(reply);
  await replyForm.getByRole("button", { name: texts.messages.send }).click();
  await expect(page.getByRole("status").filter({ hasText: texts.messages.sent })).toBeVisible();
  const conversation = page.getByRole("region", { name: texts.messages.title }).getByRole("listitem");
  await expect(conversation.filter({ hasText: reply })).toContainText(texts.messages.authors.officer);
  await expect(replyForm.getByLabel(texts.messages.text)).toHaveValue("");

  // Resolving without an outcome is caught before anything is sent.
  const statusForm = page.getByRole("form", { name: texts.actions.statusTitle });
  await statusForm.getByLabel(texts.actions.newStatus).selectOption({ label: texts.statuses.resolved });
  await statusForm.getByRole("button", { name: texts.actions.changeStatus }).click();
  await expect(statusForm.getByLabel(texts.fields.outcome)).toHaveAttribute("aria-invalid", "true");
  await expect(statusForm.getByLabel(texts.fields.outcome)).toHaveAccessibleDescription(
    containing(texts.actions.outcomeRequired),
  );
  await expectNoAxeViolations(page, "case page with a form error");
  await changeStatus(page, texts.statuses.resolved, texts.outcomes.substantiated);
  await expect(page.getByRole("region", { name: texts.case.timelineTitle })).toContainText(
    texts.outcomes.substantiated,
  );

  // The reporter sees all of it with the receipt alone.
  const followUp = await request.post("/api/v1/reports/follow-up", { data: { receipt } });
  expect(followUp.status()).toBe(200);
  const view = (await followUp.json()) as {
    status: string;
    outcome: string;
    acknowledgedAt: string | null;
    messages: { author: string; text: string }[];
  };
  expect(view).toMatchObject({ status: "resolved", outcome: "substantiated" });
  expect(view.acknowledgedAt).not.toBeNull();
  expect(view.messages).toContainEqual(expect.objectContaining({ author: "officer", text: reply }));
});

test("[REPORTS]: a closed case can be deleted after confirming, and leaves the queue", async ({ page, request }) => {
  await signInAsOfficer(page);
  const organizationId = await demoUnionId(request);
  const receipt = await fileReport(
    request,
    organizationId,
    "The stage crew worked without any safety harness on the rig.",
    "unsafe_conditions",
  );
  await openNewestCase(page, texts.categories.unsafe_conditions);
  await expect(page.getByRole("button", { name: texts.actions.delete })).toHaveCount(0);
  await expect(page.getByText(texts.actions.deleteOnlyClosed)).toBeVisible();

  await changeStatus(page, texts.statuses.closed, texts.outcomes.withdrawn);
  await expect(page.getByText(texts.actions.closedHint)).toBeVisible();
  await page.getByRole("button", { name: texts.actions.delete }).click();
  const dialog = page.getByRole("dialog", { name: texts.actions.deleteConfirmTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: messages.common.cancel })).toBeFocused();
  await expectNoAxeViolations(page, "delete confirmation");
  await dialog.getByRole("button", { name: texts.actions.deleteConfirm }).click();

  await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: texts.actions.deleted })).toBeVisible();
  const followUp = await request.post("/api/v1/reports/follow-up", { data: { receipt } });
  expect(followUp.status()).toBe(401);
});

test.describe("on a phone, in German", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const de = MESSAGES.de.cases;

  test("[REPORTS]: the queue and a case fit a 360 px screen; an overdue case says so in words", async ({
    page,
    request,
  }) => {
    await signInAsOfficer(page);
    const organizationId = await demoUnionId(request);
    await fileReport(
      request,
      organizationId,
      "Dancers were told to keep rehearsing for fourteen hours without a break, every day of the week.",
      "excessive_hours",
    );
    // The server's clock cannot be moved from here: the queue's answer marks the newest case overdue instead.
    const dueOn = "2026-01-05T10:00:00.000Z";
    await page.route(`**/api/v1/organizations/${organizationId}/reports`, async (route) => {
      const response = await route.fetch();
      const cases = (await response.json()) as Record<string, unknown>[];
      const [newest, ...rest] = cases;
      await route.fulfill({ response, json: [{ ...newest, overdue: "acknowledge", acknowledgeBy: dueOn }, ...rest] });
    });
    await page.goto("/cases");
    await expect(page.getByRole("heading", { level: 1, name: de.title })).toBeVisible();
    const newest = page.locator(".case-card").first();
    const dueText = new Intl.DateTimeFormat("de", { dateStyle: "medium" }).format(new Date(dueOn));
    await expect(newest).toContainText(fill(de.overdue.acknowledge, { date: dueText }));
    await expect(newest).toContainText(de.categories.excessive_hours);
    await expect(page.getByText(fill(de.overdueCount, { count: "1" }))).toBeVisible();
    expect(await hasHorizontalScroll(page), "queue").toBe(false);
    await expectNoAxeViolations(page, "queue with an overdue case on a phone (de)");

    await page.unrouteAll();
    await openNewestCase(page, de.categories.excessive_hours, de.title);
    expect(await hasHorizontalScroll(page), "case").toBe(false);
    await expectNoAxeViolations(page, "case page on a phone (de)");
  });
});

test("[REPORTS]: people without an officer role see no cases, and are told why", async ({ page, request }) => {
  await signInAsOfficer(page);
  const organizationId = await demoUnionId(request);

  for (const user of [DEMO_USERS.member, DEMO_USERS.admin]) {
    await signInThroughApi(page, demoCredentials(user));
    await page.goto("/");
    await expect(page.getByRole("navigation").getByRole("link", { name: messages.nav.agreements })).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: messages.nav.cases })).toHaveCount(0);
    await page.goto("/cases");
    await expect(page.getByRole("heading", { level: 1, name: texts.notAllowedTitle })).toBeVisible();
    await page.goto(`/cases/${organizationId}/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole("heading", { level: 1, name: texts.notAllowedTitle })).toBeVisible();
    const queue = await page.request.get(`/api/v1/organizations/${organizationId}/reports`);
    expect(queue.status(), user.role).toBe(403);
  }
  await expectNoAxeViolations(page, "cases refused");
});

test("[REPORTS]: a new officer sees their recovery code once, after setting up two-step verification", async ({
  page,
  browser,
}) => {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.admin));
  const session = (await (await page.request.get("/api/v1/auth/session")).json()) as {
    csrfToken: string;
    user: { memberships: { organizationId: string; role: string }[] };
  };
  const organizationId = session.user.memberships.find((m) => m.role === "admin")?.organizationId ?? "";
  const officer = { email: `keeper-${Date.now()}@example.test`, password: "a-long-enough-password" };
  const added = await page.request.post(`/api/v1/organizations/${organizationId}/members`, {
    headers: { "x-csrf-token": session.csrfToken },
    data: { email: officer.email, displayName: "Inés Robledo", role: "officer", password: officer.password },
  });
  expect(added.status(), await added.text()).toBeLessThan(300);

  const context = await browser.newContext({ locale: "en" });
  const officerPage = await context.newPage();
  await signInThroughForm(officerPage, officer, messages);
  await expect(officerPage).toHaveURL("/security/totp");
  // The code waits until two-step verification is set up.
  await expect(officerPage.getByRole("dialog")).toHaveCount(0);
  const secret = ((await officerPage.locator("#totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await officerPage.getByLabel(messages.totp.code).fill(await nextTotpCode(officer.email, secret));
  await officerPage.getByRole("button", { name: messages.totp.confirm }).click();

  const dialog = officerPage.getByRole("dialog", { name: messages.recoveryCode.title });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("#recovery-code")).toHaveText(/^\d{5}( \d{5}){4}$/);
  await expect(dialog.getByRole("button", { name: messages.recoveryCode.copy })).toBeVisible();
  await expect(dialog).toContainText(messages.recoveryCode.printHint);
  await expectNoAxeViolations(officerPage, "recovery code");

  // Escape does not dismiss it, nor does continuing without confirming.
  await officerPage.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: messages.recoveryCode.continue }).click();
  const kept = dialog.getByLabel(messages.recoveryCode.kept);
  await expect(kept).toBeFocused();
  await expect(kept).toHaveAccessibleDescription(
    exactly(`${messages.common.errorPrefix} ${messages.recoveryCode.keptRequired}`),
  );
  await kept.check();
  await dialog.getByRole("button", { name: messages.recoveryCode.continue }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    officerPage.getByRole("heading", { level: 1, name: fill(messages.home.greeting, { name: "Inés Robledo" }) }),
  ).toBeVisible();

  // Never again: a reload knows nothing of it.
  await officerPage.reload();
  await expect(
    officerPage.getByRole("heading", { level: 1, name: fill(messages.home.greeting, { name: "Inés Robledo" }) }),
  ).toBeVisible();
  await expect(officerPage.getByRole("dialog")).toHaveCount(0);
  await context.close();
});
