import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { containing, fill, MESSAGES } from "../../support/locales.ts";
import { demoUnionId, fileReport, signInAsOfficer } from "../../support/reports.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

const messages = MESSAGES.en;
const texts = messages.cases;
test.use({ locale: "en" });

const CASE_PAGE = /\/cases\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;
const DAY_MS = 86_400_000;
const officerName = DEMO_USERS.officer.displayName;

/** Opens the newest case of the queue (the one just filed), which must be of that category. */
async function openNewestCase(page: Page, categoryLabel: string): Promise<void> {
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
  const newest = page.locator(".case-card").first().getByRole("link");
  await expect(newest).toHaveAccessibleName(containing(categoryLabel));
  await newest.click();
  await expect(page).toHaveURL(CASE_PAGE);
  await expect(page.getByRole("heading", { level: 1, name: containing(categoryLabel) })).toBeVisible();
}

/** Puts the organization's deadlines back to the directive's defaults, as whoever is signed in. */
async function resetSettings(page: Page, organizationId: string): Promise<void> {
  const session = (await (await page.request.get("/api/v1/auth/session")).json()) as { csrfToken: string };
  const response = await page.request.put(`/api/v1/organizations/${organizationId}/reports/settings`, {
    headers: { "x-csrf-token": session.csrfToken },
    data: { acknowledgeDays: 7, feedbackMonths: 3, retentionDays: null },
  });
  expect(response.status(), await response.text()).toBe(200);
}

function medium(iso: string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

test("[REPORTS]: an officer takes a case, labels it, notes it, and finds it again by filters", async ({
  page,
  request,
}) => {
  await signInAsOfficer(page);
  const organizationId = await demoUnionId(request);
  const stamp = Date.now();
  const receipt = await fileReport(
    request,
    organizationId,
    `The line producer cut the hours of everyone who signed the petition (${stamp}).`,
    "retaliation",
  );
  await openNewestCase(page, texts.categories.retaliation);
  const triage = page.getByRole("region", { name: texts.triage.title });
  await expect(triage).toContainText(texts.labels.warning);

  // The server refuses once (the officer could not open the case yet): the page says why and shares first.
  const assignPath = `**/api/v1/organizations/${organizationId}/reports/*/assign`;
  await page.route(assignPath, (route) =>
    route.fulfill({
      status: 409,
      json: { error: { code: "conflict", message: "This officer cannot open the case yet." } },
    }),
  );
  const shared: unknown[] = [];
  await page.route(`**/api/v1/organizations/${organizationId}/reports/share`, async (route) => {
    shared.push(route.request().postDataJSON());
    await route.fulfill({ json: { shared: 0 } });
  });
  const assignForm = page.getByRole("form", { name: texts.assignment.title });
  await assignForm.getByLabel(texts.assignment.choose).selectOption({
    label: fill(texts.assignment.you, { name: officerName }),
  });
  await assignForm.getByRole("button", { name: texts.assignment.save }).click();
  const refusal = triage
    .getByRole("alert")
    .filter({ hasText: fill(texts.assignment.cannotOpen, { name: officerName }) });
  await expect(refusal).toBeVisible();
  await expectNoAxeViolations(page, "assignment refused");
  await page.unroute(assignPath);
  await refusal.getByRole("button", { name: fill(texts.assignment.shareAndAssign, { name: officerName }) }).click();
  await expect(
    page.getByRole("status").filter({ hasText: fill(texts.assignment.assigned, { name: officerName }) }),
  ).toBeVisible();
  expect(shared).toHaveLength(1);
  expect(shared[0]).toMatchObject({ userId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  await page.unrouteAll();

  // Labels: a bad one is caught before sending; two are added, one removed, all saved with one PUT.
  const label = `night shoots ${stamp}`;
  const labelField = triage.getByLabel(texts.labels.add);
  await labelField.fill("<b>x</b>");
  await triage.getByRole("button", { name: texts.labels.addButton }).click();
  await expect(labelField).toHaveAttribute("aria-invalid", "true");
  await expect(labelField).toHaveAccessibleDescription(containing(texts.labels.invalid));
  await expectNoAxeViolations(page, "label refused");
  await labelField.fill("to remove");
  await triage.getByRole("button", { name: texts.labels.addButton }).click();
  await expect(labelField).toHaveValue("");
  const puts: string[] = [];
  page.on("request", (sent) => {
    if (sent.method() === "PUT" && sent.url().endsWith("/labels")) puts.push(sent.postData() ?? "");
  });
  await labelField.fill(label);
  await triage.getByRole("button", { name: texts.labels.save }).click();
  await expect(page.getByRole("status").filter({ hasText: texts.labels.saved })).toBeVisible();
  const chips = triage.getByRole("list", { name: texts.labels.current }).getByRole("listitem");
  await expect(chips).toHaveCount(2);
  await expect(chips).toContainText([label, "to remove"].sort((a, b) => a.localeCompare(b)));
  await triage.getByRole("button", { name: fill(texts.labels.remove, { label: "to remove" }) }).click();
  await expect(labelField).toBeFocused();
  await expect(triage).toContainText(texts.labels.unsaved);
  await triage.getByRole("button", { name: texts.labels.save }).click();
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText([label]);
  await expect(triage).not.toContainText(texts.labels.unsaved);
  expect(puts).toHaveLength(2);
  expect(JSON.parse(puts[0] ?? "{}")).toEqual({ labels: ["to remove", label] });

  // An internal note: marked as such, listed with its author, never in what the reporter reads.
  const note = `NOTE-MARKER-${stamp}: the production office confirmed the cut hours.`;
  const notes = page.getByRole("region", { name: texts.notes.title });
  await expect(notes).toContainText(texts.notes.neverShown);
  await notes.getByRole("button", { name: texts.notes.add }).click();
  await expect(notes.getByRole("textbox", { name: texts.notes.text, exact: true })).toHaveAccessibleDescription(
    containing(texts.notes.textRequired),
  );
  await notes.getByRole("textbox", { name: texts.notes.text, exact: true }).fill(note);
  await notes.getByRole("button", { name: texts.notes.add }).click();
  await expect(page.getByRole("status").filter({ hasText: texts.notes.added })).toBeVisible();
  await expect(notes.getByRole("listitem").filter({ hasText: note })).toContainText(officerName);
  await expect(page.getByRole("region", { name: texts.messages.title })).not.toContainText(note);
  await expectNoAxeViolations(page, "case with labels and a note");
  const followUp = await request.post("/api/v1/reports/follow-up", { data: { receipt } });
  expect(followUp.status()).toBe(200);
  expect(await followUp.text()).not.toContain("NOTE-MARKER");

  // The queue: assigned to me, then by label, both kept in the address.
  await page.goto("/cases");
  const filters = page.getByRole("search", { name: texts.filters.title });
  await filters.getByLabel(texts.assignment.title).selectOption({ label: texts.filters.me });
  await filters.getByRole("button", { name: texts.filters.apply }).click();
  await expect(page).toHaveURL(/assigned=me/);
  const cards = page.locator(".case-card");
  await expect(cards.first()).toContainText(label);
  for (const card of await cards.all()) {
    await expect(card).toContainText(`${texts.assignment.title}${officerName}`);
  }
  await filters.getByLabel(texts.assignment.title).selectOption({ label: texts.filters.anyone });
  await filters.getByLabel(texts.labels.title).selectOption({ label });
  await filters.getByRole("button", { name: texts.filters.apply }).click();
  await expect(page).toHaveURL(new RegExp(`label=${encodeURIComponent(label).replaceAll("%20", "\\+")}`));
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole("listitem")).toHaveText([label]);
  await expectNoAxeViolations(page, "queue filtered by label");

  // Reloading keeps the filter; "Show all cases" drops it.
  await page.reload();
  await expect(filters.getByLabel(texts.labels.title)).toHaveValue(label);
  await expect(cards).toHaveCount(1);
  await page.getByRole("link", { name: texts.filters.clear }).click();
  await expect(page).not.toHaveURL(/label=/);
  await expect(filters.getByLabel(texts.labels.title)).toHaveValue("");
});

test("[REPORTS]: an admin changes the case deadlines; a new report's acknowledge-by date follows them", async ({
  page,
  request,
}) => {
  await signInAsOfficer(page);
  const organizationId = await demoUnionId(request);
  await signInThroughApi(page, demoCredentials(DEMO_USERS.admin));
  try {
    await page.goto("/admin");
    await page.getByRole("link", { name: texts.settings.link }).click();
    await expect(page.getByRole("heading", { level: 1, name: texts.settings.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/cases/settings\\?org=${organizationId}`));
    const acknowledgeDays = page.getByLabel(texts.settings.acknowledgeDays);
    await expect(acknowledgeDays).toHaveValue("7");
    await expect(page.getByLabel(texts.settings.feedbackMonths)).toHaveValue("3");
    await expect(page.getByLabel(texts.settings.retention)).toHaveValue("keep");
    await expect(acknowledgeDays).toHaveAccessibleDescription(containing("7 days"));
    await expect(page.getByText(texts.settings.deadlinesIntro)).toBeVisible();
    await expectNoAxeViolations(page, "case settings");

    await acknowledgeDays.fill("0");
    await page.getByLabel(texts.settings.retention).selectOption("delete");
    await expect(page.getByText(texts.settings.deletionPermanent)).toBeVisible();
    await page.getByLabel(texts.settings.retentionDays).fill("5");
    await page.getByRole("button", { name: texts.settings.save }).click();
    const summary = page.getByRole("alert").filter({ hasText: messages.errorSummary.title });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(texts.settings.acknowledgeDaysInvalid);
    await expect(summary).toContainText(texts.settings.retentionDaysInvalid);
    await expect(acknowledgeDays).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "case settings with errors");

    await acknowledgeDays.fill("14");
    await page.getByLabel(texts.settings.feedbackMonths).fill("2");
    await page.getByLabel(texts.settings.retentionDays).fill("400");
    await page.getByRole("button", { name: texts.settings.save }).click();
    await expect(page.getByRole("status").filter({ hasText: texts.settings.saved })).toBeVisible();
    await page.reload();
    await expect(acknowledgeDays).toHaveValue("14");
    await expect(page.getByLabel(texts.settings.retentionDays)).toHaveValue("400");

    // A report filed now gets the new deadlines; the officer sees them on the case.
    await fileReport(
      request,
      organizationId,
      "Extras were kept on set for sixteen hours with no meal break.",
      "retaliation",
    );
    await signInAsOfficer(page);
    const queue = await page.request.get(`/api/v1/organizations/${organizationId}/reports`);
    const [newest] = (await queue.json()) as { receivedAt: string; acknowledgeBy: string; feedbackBy: string }[];
    if (!newest) throw new Error("the queue is empty");
    expect(new Date(newest.acknowledgeBy).getTime() - new Date(newest.receivedAt).getTime()).toBe(14 * DAY_MS);
    const feedbackDays = (new Date(newest.feedbackBy).getTime() - new Date(newest.receivedAt).getTime()) / DAY_MS;
    expect(feedbackDays).toBeGreaterThanOrEqual(59);
    expect(feedbackDays).toBeLessThanOrEqual(62);
    await openNewestCase(page, texts.categories.retaliation);
    const timeline = page.getByRole("region", { name: texts.case.timelineTitle });
    await expect(timeline).toContainText(`${texts.fields.acknowledgeBy}${medium(newest.acknowledgeBy)}`);

    // Officers reach the same page from the queue, and put the defaults back.
    await page.goto("/cases");
    await page.getByRole("link", { name: texts.settings.link }).click();
    await expect(page.getByRole("heading", { level: 1, name: texts.settings.title })).toBeVisible();
    await acknowledgeDays.fill("7");
    await page.getByLabel(texts.settings.feedbackMonths).fill("3");
    await page.getByLabel(texts.settings.retention).selectOption("keep");
    await page.getByRole("button", { name: texts.settings.save }).click();
    await expect(page.getByRole("status").filter({ hasText: texts.settings.saved })).toBeVisible();
  } finally {
    await signInAsOfficer(page);
    await resetSettings(page, organizationId);
  }
  const settings = await page.request.get(`/api/v1/organizations/${organizationId}/reports/settings`);
  expect(await settings.json()).toEqual({ acknowledgeDays: 7, feedbackMonths: 3, retentionDays: null });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("[REPORTS]: the reminder banner counts overdue and due-soon cases; queue, case and settings fit 360 px", async ({
    page,
    request,
  }) => {
    await signInAsOfficer(page);
    const organizationId = await demoUnionId(request);
    await fileReport(
      request,
      organizationId,
      "The night crew was threatened with dismissal after asking for breaks.",
      "retaliation",
    );

    // The server's clock cannot be moved from here: its answers are rewritten instead.
    const remindersPath = `**/api/v1/organizations/${organizationId}/reports/reminders`;
    await page.route(remindersPath, (route) =>
      route.fulfill({ json: { overdueAcknowledge: 0, overdueFeedback: 0, dueSoon: 0 } }),
    );
    await page.goto("/cases");
    await expect(page.locator(".case-card").first()).toBeVisible();
    await expect(page.getByText(containing("Reminder:"))).toHaveCount(0);

    await page.unroute(remindersPath);
    await page.route(remindersPath, (route) =>
      route.fulfill({ json: { overdueAcknowledge: 1, overdueFeedback: 1, dueSoon: 1 } }),
    );
    const dueOn = new Date(Date.now() + DAY_MS).toISOString();
    await page.route(`**/api/v1/organizations/${organizationId}/reports`, async (route) => {
      const response = await route.fetch();
      const [newest, ...rest] = (await response.json()) as Record<string, unknown>[];
      await route.fulfill({ response, json: [{ ...newest, dueSoon: "acknowledge", acknowledgeBy: dueOn }, ...rest] });
    });
    await page.reload();
    const items = [
      fill(texts.reminders.overdueMany, { count: "2" }),
      fill(texts.reminders.dueSoonOne, { days: "2" }),
    ].join(", ");
    await expect(page.getByRole("status").filter({ hasText: fill(texts.reminders.text, { items }) })).toBeVisible();
    await expect(page.locator(".case-card").first()).toContainText(
      fill(texts.dueSoon.acknowledge, { date: medium(dueOn) }),
    );
    expect(await hasHorizontalScroll(page), "queue").toBe(false);
    await expectNoAxeViolations(page, "queue with reminders on a phone");

    await page.unrouteAll();
    await openNewestCase(page, texts.categories.retaliation);
    await expect(page.getByRole("region", { name: texts.notes.title })).toBeVisible();
    expect(await hasHorizontalScroll(page), "case").toBe(false);
    await expectNoAxeViolations(page, "case with triage on a phone");

    await page.goto(`/cases/settings?org=${organizationId}`);
    await page.getByLabel(texts.settings.retention).selectOption("delete");
    await expect(page.getByText(texts.settings.deletionPermanent)).toBeVisible();
    expect(await hasHorizontalScroll(page), "settings").toBe(false);
    await expectNoAxeViolations(page, "case settings on a phone");
  });
});
