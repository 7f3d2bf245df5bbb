import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { countryName, fill, stringsFor } from "../../../server/src/modules/reports/pages/strings.ts";
import { jpegWithMetadata } from "../../../server/src/platform/files/fixtures/build.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { containing, MESSAGES } from "../../support/locales.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

const t = stringsFor("es");
const officerTexts = MESSAGES.en.cases;
const RECEIPT = /^\d{5} \d{5} \d{5} \d{5} \d{5}$/;

/** A phone photo with its GPS position and camera in EXIF, as a cheap phone would send it. */
function photoWithLocation(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "guildhall-e2e-")), "IMG_20261120_0207.jpg");
  writeFileSync(file, jpegWithMetadata());
  return file;
}

async function reporterPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "es-ES",
    viewport: { width: 360, height: 740 },
  });
  return context.newPage();
}

async function chooseAccidentInGermany(page: Page): Promise<void> {
  await page.goto("/report");
  await expect(page.getByRole("heading", { level: 1, name: t.report.title })).toBeVisible();
  await page.getByLabel(t.report.accident).check();
  await page.getByLabel(t.report.country).selectOption({ label: countryName("es", "DE") });
  await page.getByRole("button", { name: t.report.continue }).click();
  await expect(page.getByRole("heading", { level: 2, name: t.report.step2 })).toBeVisible();
}

test("[REPORTS] done means: without JavaScript, an anonymous accident report with a photo, answered by an officer and read back with the receipt", async ({
  browser,
}) => {
  const reporter = await reporterPage(browser);
  await chooseAccidentInGermany(reporter);
  expect(await hasHorizontalScroll(reporter)).toBe(false);
  const receivers = reporter.getByRole("group", { name: t.report.receiver });
  await receivers.getByLabel(DEMO_USERS.officer.organization, { exact: false }).check();

  const description = `Un foco cayó de la pasarela a las 2 de la madrugada y golpeó a un técnico (${Date.now()}).`;
  await reporter.getByLabel(t.report.workplaceName).fill("Rodaje «Noche cerrada»");
  // Only the city as address: refused, and everything typed comes back.
  await reporter.getByLabel(t.report.address).fill("Berlin");
  await reporter.getByLabel(t.report.city).fill("Berlin");
  await reporter.getByLabel(t.report.occurredAt).fill("2026-11-20T02:00");
  await reporter.getByRole("group", { name: t.report.severity }).getByLabel(t.report.severities.treated).check();
  await reporter.getByRole("group", { name: t.report.medicalCare }).getByLabel(t.report.yes, { exact: true }).check();
  await reporter
    .getByRole("group", { name: t.report.employerReported })
    .getByLabel(t.report.no, { exact: true })
    .check();
  await reporter.getByLabel(t.report.description).fill(description);
  await reporter.getByLabel(t.report.anonymous).check();
  await reporter.getByRole("button", { name: t.report.submit }).click();

  const summary = reporter.getByRole("alert");
  await expect(summary).toContainText(t.report.errorsTitle);
  await summary.getByRole("link", { name: t.report.errors["workplace.address"] }).click();
  await expect(reporter.getByLabel(t.report.address)).toBeFocused();
  await expect(reporter.getByLabel(t.report.description)).toHaveValue(description);
  await expect(
    reporter.getByRole("group", { name: t.report.severity }).getByLabel(t.report.severities.treated),
  ).toBeChecked();

  await reporter.getByLabel(t.report.address).fill("Studio 3, Oberlandstraße 26");
  await reporter.locator('input[type="file"]').setInputFiles(photoWithLocation());
  await reporter.getByRole("button", { name: t.report.submit }).click();

  await expect(reporter.getByRole("heading", { level: 1, name: t.receipt.title })).toBeVisible();
  const receipt = (await reporter.locator(".receipt-code").textContent())?.trim() ?? "";
  expect(receipt).toMatch(RECEIPT);
  await expect(reporter.getByRole("listitem").filter({ hasText: "IMG_20261120_0207.jpg" })).toContainText(
    t.receipt.metadata.removed,
  );
  expect(await hasHorizontalScroll(reporter)).toBe(false);

  // The officer, in the web app, acknowledges and answers.
  const officer = await (await browser.newContext({ locale: "en" })).newPage();
  await signInThroughApi(officer, demoCredentials(DEMO_USERS.officer));
  await officer.goto("/cases");
  await officer.locator(".case-card").first().getByRole("link").click();
  await expect(officer.getByText(description)).toBeVisible();
  await officer.getByRole("button", { name: officerTexts.actions.acknowledge }).click();
  await expect(officer.getByRole("status").filter({ hasText: officerTexts.actions.acknowledged })).toBeVisible();
  const reply = "Gracias. ¿Qué empresa monta la pasarela?";
  const replyForm = officer.getByRole("form", { name: officerTexts.messages.replyTitle });
  await replyForm.getByLabel(officerTexts.messages.text).fill(reply);
  await replyForm.getByRole("button", { name: officerTexts.messages.send }).click();
  await expect(officer.getByRole("status").filter({ hasText: officerTexts.messages.sent })).toBeVisible();

  // The reporter comes back with the receipt alone: a wrong one first.
  await reporter.goto("/report/follow-up");
  await reporter.getByLabel(t.followUp.receipt).fill("12345 67890 12345 67890 12345");
  await reporter.getByRole("button", { name: t.followUp.open }).click();
  await expect(reporter.getByRole("alert")).toContainText(t.followUp.wrong);
  await reporter.getByLabel(t.followUp.receipt).fill(receipt.replaceAll(" ", "-"));
  await reporter.getByRole("button", { name: t.followUp.open }).click();
  await expect(reporter.getByRole("heading", { level: 1 })).toHaveText(
    fill(t.followUp.caseTitle, { organization: DEMO_USERS.officer.organization }),
  );
  await expect(reporter.locator(".timeline")).toContainText(t.followUp.statuses.acknowledged);
  await expect(reporter.getByRole("listitem").filter({ hasText: reply })).toBeVisible();

  const answer = "Grúas Spree GmbH. La pasarela no tenía barandilla.";
  await reporter.getByLabel(t.followUp.message).fill(answer);
  await reporter.getByRole("button", { name: t.followUp.send }).click();
  await expect(reporter.getByRole("status")).toHaveText(t.followUp.sent);
  await expect(reporter.getByRole("listitem").filter({ hasText: answer })).toContainText(t.followUp.fromYou);

  await officer.reload();
  const conversation = officer.getByRole("region", { name: officerTexts.messages.title }).getByRole("listitem");
  await expect(conversation.filter({ hasText: answer })).toContainText(officerTexts.messages.authors.reporter);
});

test("[REPORTS] the report pages refuse a huge file and a program clearly, keeping the report", async ({ browser }) => {
  const reporter = await reporterPage(browser);
  await chooseAccidentInGermany(reporter);
  await reporter.getByLabel(t.report.workplaceName).fill("Rodaje «Noche cerrada»");
  await reporter.getByLabel(t.report.address).fill("Studio 3, Oberlandstraße 26");
  await reporter.getByLabel(t.report.city).fill("Berlin");
  await reporter.getByLabel(t.report.description).fill("Nadie recibió el equipo de protección.");
  const folder = mkdtempSync(path.join(tmpdir(), "guildhall-e2e-"));
  const huge = path.join(folder, "video-largo.jpg");
  writeFileSync(huge, Buffer.alloc(11 * 1024 * 1024, 0xff));
  const program = path.join(folder, "foto.jpg");
  writeFileSync(program, Buffer.from("MZ\x90\x00\x03\x00\x00\x00 not a photo"));
  await reporter.locator('input[type="file"]').setInputFiles([huge, program]);
  await reporter.getByRole("button", { name: t.report.submit }).click();

  const summary = reporter.getByRole("alert");
  await expect(summary).toContainText(fill(t.report.errors.fileTooLarge, { name: "video-largo.jpg" }));
  await expect(summary).toContainText(fill(t.report.errors.fileType, { name: "foto.jpg" }));
  await expect(summary).toContainText(t.report.filesAgain);
  await expect(reporter.getByLabel(t.report.description)).toHaveValue("Nadie recibió el equipo de protección.");
});

test("[REPORTS] the report pages pass axe in every step, in German", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "de-DE" })).newPage();
  const de = stringsFor("de");
  await page.goto("/report");
  await expect(page.getByRole("heading", { level: 1, name: de.report.title })).toBeVisible();
  await expectNoAxeViolations(page, "report, step 1");
  await page.goto("/report?kind=violation&country=DE");
  await expect(page.getByRole("group", { name: de.report.category })).toBeVisible();
  await expectNoAxeViolations(page, "report, step 2");
  await page.getByRole("button", { name: de.report.submit }).click();
  await expect(page.getByRole("alert")).toContainText(de.report.errorsTitle);
  await expectNoAxeViolations(page, "report with errors");
  await page.goto("/report/follow-up");
  await expectNoAxeViolations(page, "follow-up");
  await page.getByRole("link", { name: containing("Español") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.followUp.title })).toBeVisible();
});
