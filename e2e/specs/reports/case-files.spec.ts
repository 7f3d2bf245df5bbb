import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { pngWithMetadata, TEXT_AUTHOR } from "../../../server/src/platform/files/fixtures/build.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { containing, MESSAGES } from "../../support/locales.ts";
import { demoUnionId } from "../../support/reports.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

const texts = MESSAGES.en.cases;
test.use({ locale: "en" });

function report(organizationId: string, description: string) {
  return {
    kind: "violation",
    category: "discrimination",
    organizationId,
    workplace: { name: "Sala Apolo", address: "Carrer Nou de la Rambla 113", city: "Barcelona", country: "ES" },
    description,
    contact: null,
    language: "en",
  };
}

/** Opens the newest case in the queue, which must be the one whose description is given. */
async function openNewestCase(page: Page, description: string): Promise<void> {
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
  await page.locator(".case-card").first().getByRole("link").click();
  await expect(page.getByText(description)).toBeVisible();
}

test("[REPORTS]: a case without files says so", async ({ page, request }) => {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
  const description = `Only men were offered the lead parts this season (${Date.now()}).`;
  const response = await request.post("/api/v1/reports", { data: report(await demoUnionId(request), description) });
  expect(response.status(), await response.text()).toBe(201);

  await openNewestCase(page, description);
  const files = page.getByRole("region", { name: texts.files.title });
  await expect(files).toContainText(texts.files.none);
  await expect(files.getByRole("link")).toHaveCount(0);
});

test("[REPORTS]: an officer sees a report's photo listed, cleaned, and downloads it without showing it", async ({
  page,
  request,
}) => {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
  const description = `The casting director kept a list of who was pregnant (${Date.now()}).`;
  const photo = Buffer.from(pngWithMetadata());
  expect(photo.includes(TEXT_AUTHOR), "the fixture carries its author").toBe(true);
  const name = "casting-list.png";
  const response = await request.post("/api/v1/reports/with-files", {
    multipart: {
      report: JSON.stringify(report(await demoUnionId(request), description)),
      attachments: { name, mimeType: "image/png", buffer: photo },
    },
  });
  expect(response.status(), await response.text()).toBe(201);

  await openNewestCase(page, description);
  const files = page.getByRole("region", { name: texts.files.title });
  const item = files.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText(texts.files.kinds.photo);
  await expect(item).toContainText(texts.files.metadata.removed);
  await expect(item).toContainText(/\d+(\.\d)?\s?(byte|kB|MB)/);
  // Never shown inline: an officer may be sharing their screen.
  await expect(page.locator("main img")).toHaveCount(0);
  await expectNoAxeViolations(page, "case page with a file");

  const link = item.getByRole("link", { name: containing(`${texts.files.download} ${name}`) });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(name);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 8)).toEqual(photo.subarray(0, 8));
  expect(bytes.includes(TEXT_AUTHOR), "the author is removed from the download").toBe(false);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("[REPORTS]: a case's files fit a 360 px screen", async ({ page }) => {
    await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
    await page.goto("/cases");
    await page.locator(".case-card").first().getByRole("link").click();
    await expect(page.getByRole("region", { name: texts.files.title })).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
