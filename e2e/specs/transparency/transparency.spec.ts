import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { fill, MESSAGES } from "../../support/locales.ts";
import { demoUnionId, fileReport as fileReportAs, signInAsOfficer } from "../../support/reports.ts";

/** Files a report through the public API, so the log holds at least one entry (a status entry). */
async function fileReport(request: APIRequestContext): Promise<void> {
  const receivers = await request.get("/api/v1/reports/receivers");
  expect(receivers.status()).toBe(200);
  const union = ((await receivers.json()) as { id: string; name: string; country: string | null }[]).find(
    (receiver) => receiver.name === DEMO_USERS.officer.organization,
  );
  expect(union, "the demo union receives reports").toBeTruthy();
  const filed = await request.post("/api/v1/reports", {
    data: {
      kind: "violation",
      category: "retaliation",
      organizationId: union?.id,
      workplace: { name: "Estudios Ribera", address: "Avenida del Puerto 12", city: "Valencia", country: "ES" },
      description: "My hours were cut after I asked for the overtime I was owed.",
      contact: null,
      language: "en",
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
}

/** Waits until a signed checkpoint covers entry 0 (the server signs every few seconds in these tests). */
async function waitForSignedEntry(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => (await request.get("/api/v1/log/bundle?index=0")).status(), {
      timeout: 60_000,
      intervals: [500, 1_000, 2_000],
    })
    .toBe(200);
}

async function activeKey(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/v1/log/keys");
  expect(response.status()).toBe(200);
  const { keys } = (await response.json()) as { keys: { verifierKey: string; active: boolean }[] };
  const key = keys.find((k) => k.active)?.verifierKey;
  expect(key, "the log has an active key").toBeTruthy();
  return key as string;
}

async function getBundleThroughThePage(page: Page, texts: (typeof MESSAGES)["en"]["transparency"]): Promise<string> {
  const get = page.getByRole("region", { name: texts.get.title });
  await get.getByLabel(texts.get.index).fill("0");
  await get.getByRole("button", { name: texts.get.submit }).click();
  await expect(get.getByRole("status").filter({ hasText: fill(texts.get.shown, { index: "0" }) })).toBeVisible();
  const shown = page.getByTestId("proof-bundle");
  await expect(shown).toBeVisible();
  return (await shown.textContent()) ?? "";
}

test.describe("in English", () => {
  test.use({ locale: "en" });
  const messages = MESSAGES.en;
  const texts = messages.transparency;

  test("[TRANSPARENCY]: the page shows the checkpoint, copies a proof bundle and checks it in the browser", async ({
    page,
    context,
    request,
  }) => {
    await fileReport(request);
    await waitForSignedEntry(request);
    const key = await activeKey(request);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);

    await page.goto("/");
    await page
      .getByRole("navigation", { name: messages.nav.label })
      .getByRole("link", { name: messages.nav.transparency })
      .click();
    await expect(page).toHaveURL("/transparency");
    await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();

    // The current checkpoint, as the API serves it, with its fields.
    const note = await (await request.get("/api/v1/log/checkpoint")).text();
    const [origin, size] = note.split("\n");
    const checkpoint = page.getByRole("region", { name: texts.checkpoint.title });
    await expect(page.getByTestId("checkpoint-note")).toBeVisible();
    await expect(checkpoint.getByText(origin as string, { exact: true })).toBeVisible();
    expect(Number(size)).toBeGreaterThan(0);
    const stats = page.getByRole("region", { name: texts.stats.title });
    await expect(stats.getByText(texts.kinds.reportStatus).first()).toBeVisible();
    await expect(page.getByRole("region", { name: texts.keys.title }).getByText(key)).toBeVisible();
    await expect(page.getByText("npx guildhall log verify-bundle bundle.json --key <verifier key>")).toBeVisible();

    // Get the bundle for entry 0, copy it with the page's button, paste it into the check form.
    const shown = await getBundleThroughThePage(page, texts);
    const get = page.getByRole("region", { name: texts.get.title });
    await get.getByRole("button", { name: texts.get.copy }).click();
    await expect(get.getByText(messages.common.copied)).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    expect(JSON.parse(copied)).toMatchObject({ index: 0, origin });
    await expect(get.getByRole("link", { name: texts.get.download })).toHaveAttribute(
      "download",
      "guildhall-log-entry-0.json",
    );

    const check = page.getByRole("region", { name: texts.check.title });
    const bundleField = check.getByLabel(texts.check.bundle);
    await bundleField.fill(copied);
    // The key is filled in with the key the server publishes.
    await expect(check.getByLabel(texts.check.key)).toHaveValue(key);
    await check.getByRole("button", { name: texts.check.submit }).click();
    const verdict = page.getByTestId("verdict").getByRole("status");
    const bundle = JSON.parse(copied) as { treeSize: number; entry: string };
    await expect(verdict).toContainText(
      fill(texts.check.valid, { index: "0", origin: origin as string, size: String(bundle.treeSize) }),
    );
    await expect(verdict).toContainText(fill(texts.check.signedBy, { key }));

    // The page at phone width, with the bundle and the verdict shown: long hashes wrap.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await hasHorizontalScroll(page), "no sideways scrolling at 360 px").toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, "the transparency page with a checked bundle");

    // One character of the entry changed: the proof no longer leads to the signed root.
    const digit = bundle.entry.search(/[0-9]/);
    expect(digit, "the entry holds a digit to change").toBeGreaterThanOrEqual(0);
    const changedEntry =
      bundle.entry.slice(0, digit) + String((Number(bundle.entry[digit]) + 1) % 10) + bundle.entry.slice(digit + 1);
    const tampered = copied.replace(JSON.stringify(bundle.entry), JSON.stringify(changedEntry));
    expect(tampered).not.toBe(copied);
    await bundleField.fill(tampered);
    await check.getByRole("button", { name: texts.check.submit }).click();
    await expect(verdict).toContainText(`${texts.check.invalid} ${texts.check.problems.inclusion}`);

    // A bundle checked against another log's key: the signature check fails.
    await bundleField.fill(copied);
    await check.getByLabel(texts.check.key).fill("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    await check.getByRole("button", { name: texts.check.submit }).click();
    await expect(verdict).toContainText(texts.check.problems.signature);

    // Not a bundle at all.
    await bundleField.fill("{ not json");
    await check.getByRole("button", { name: texts.check.submit }).click();
    await expect(verdict).toContainText(texts.check.problems.malformed);
    await expectNoAxeViolations(page, "the transparency page with a refused bundle");
  });

  test("[TRANSPARENCY]: the landing page links to the log, and an uploaded bundle file is checked", async ({
    page,
    request,
  }) => {
    await fileReport(request);
    await waitForSignedEntry(request);
    const bundle = await (await request.get("/api/v1/log/bundle?index=0")).text();

    await page.goto("/");
    await page.getByRole("link", { name: messages.landing.transparencyLink }).click();
    await expect(page).toHaveURL("/transparency");
    const check = page.getByRole("region", { name: texts.check.title });
    await check.getByLabel(texts.check.file).setInputFiles({
      name: "bundle.json",
      mimeType: "application/json",
      buffer: Buffer.from(bundle),
    });
    await expect(check.getByLabel(texts.check.bundle)).toHaveValue(bundle);
    await expect(check.getByLabel(texts.check.key)).not.toHaveValue("");
    await check.getByRole("button", { name: texts.check.submit }).click();
    await expect(page.getByTestId("verdict").getByRole("status")).toContainText(
      fill(texts.check.valid, {
        index: "0",
        origin: JSON.parse(bundle).origin,
        size: String(JSON.parse(bundle).treeSize),
      }),
    );
  });
});

test.describe("in Spanish", () => {
  test.use({ locale: "es" });
  const messages = MESSAGES.es;
  const texts = messages.transparency;

  test("[TRANSPARENCY]: the page and the check speak Spanish", async ({ page, request }) => {
    await fileReport(request);
    await waitForSignedEntry(request);
    await page.goto("/transparency");
    await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: messages.nav.label }).getByRole("link", { name: messages.nav.transparency }),
    ).toBeVisible();
    const shown = await getBundleThroughThePage(page, texts);
    await page.getByRole("region", { name: texts.get.title }).getByRole("button", { name: texts.get.check }).click();
    const check = page.getByRole("region", { name: texts.check.title });
    await expect(check.getByLabel(texts.check.bundle)).toHaveValue(shown);
    await expect(check.getByLabel(texts.check.bundle)).toBeFocused();
    await check.getByRole("button", { name: texts.check.submit }).click();
    await expect(page.getByTestId("verdict").getByRole("status")).toContainText(
      texts.check.valid.split("{{")[0] as string,
    );
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await hasHorizontalScroll(page), "no sideways scrolling at 360 px").toBe(false);
    await expectNoAxeViolations(page, "the transparency page in Spanish");
  });
});

test.describe("entries linked from a case and an agreement", () => {
  test.use({ locale: "en" });
  const messages = MESSAGES.en;
  const texts = messages.transparency;
  /** "Recorded in the transparency log, entry N", with N captured. */
  const recorded = new RegExp(`^${texts.entry.recorded.replace("{{index}}", "(\\d+)")}$`);

  async function waitForSigned(request: APIRequestContext, index: number) {
    await expect
      .poll(async () => (await request.get(`/api/v1/log/bundle?index=${index}`)).status(), {
        timeout: 60_000,
        intervals: [500, 1_000, 2_000],
      })
      .toBe(200);
    return (await (await request.get(`/api/v1/log/bundle?index=${index}`)).json()) as {
      origin: string;
      treeSize: number;
      entry: string;
    };
  }

  async function linkedIndex(link: ReturnType<Page["getByRole"]>): Promise<number> {
    const name = (await link.textContent()) ?? "";
    const index = Number(recorded.exec(name)?.[1]);
    await expect(link).toHaveAttribute("href", `/transparency?index=${index}`);
    return index;
  }

  test("[TRANSPARENCY]: a case links its status's entry; the page says to wait until it is signed, then checks it", async ({
    page,
    request,
  }) => {
    await signInAsOfficer(page);
    const organizationId = await demoUnionId(request);
    await fileReportAs(request, organizationId, `The call times were moved without notice (${Date.now()}).`);
    await page.goto("/cases");
    await page.locator(".case-card").first().getByRole("link").click();
    const timeline = page.getByRole("region", { name: messages.cases.case.timelineTitle });
    const link = timeline.getByRole("link", { name: recorded });
    const index = await linkedIndex(link);

    // Until a signed checkpoint covers the entry (a few seconds here), the server refuses its bundle.
    const bundleUrl = `**/api/v1/log/bundle?index=${index}`;
    await page.route(bundleUrl, (route) =>
      route.fulfill({ status: 409, json: { error: { code: "conflict", message: "Not signed yet." } } }),
    );
    await link.click();
    await expect(page).toHaveURL(`/transparency?index=${index}`);
    await expect(page.getByText(fill(texts.linked.text, { index: String(index) }))).toBeVisible();
    const get = page.getByRole("region", { name: texts.get.title });
    await expect(get.getByText(texts.get.notSignedYet)).toBeVisible();
    await expect(get.getByLabel(texts.get.index)).toHaveValue(String(index));
    await expectNoAxeViolations(page, "a linked entry not signed yet");
    await page.unroute(bundleUrl);

    // Tried again once signed: the bundle is fetched, put in the checker and checked.
    const bundle = await waitForSigned(request, index);
    expect(JSON.parse(bundle.entry)).toMatchObject({ kind: "report.status", status: "new" });
    await get.getByRole("button", { name: texts.get.submit }).click();
    const verdict = page.getByTestId("verdict").getByRole("status");
    const valid = fill(texts.check.valid, {
      index: String(index),
      origin: bundle.origin,
      size: String(bundle.treeSize),
    });
    await expect(verdict).toContainText(valid);
    await expect(page.getByRole("region", { name: texts.check.title }).getByLabel(texts.check.bundle)).toHaveValue(
      JSON.stringify(bundle, null, 2),
    );

    // Opened afresh, the page checks the linked entry without a click.
    await page.goto(`/transparency?index=${index}`);
    await expect(verdict).toContainText(valid);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await hasHorizontalScroll(page), "no sideways scrolling at 360 px").toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, "a linked entry checked");
  });

  test("[TRANSPARENCY]: an agreement links the entry of its latest version, checked on the page", async ({
    page,
    request,
  }) => {
    await page.goto("/agreements/us-sag-aftra-tv-theatrical-2023");
    const details = page.getByRole("region", { name: messages.agreements.agreement.details });
    const link = details.getByRole("link", { name: recorded });
    const index = await linkedIndex(link);
    const bundle = await waitForSigned(request, index);
    expect(JSON.parse(bundle.entry)).toMatchObject({
      kind: "agreement.saved",
      agreement: "us-sag-aftra-tv-theatrical-2023",
    });
    await link.click();
    await expect(page).toHaveURL(`/transparency?index=${index}`);
    await expect(page.getByTestId("verdict").getByRole("status")).toContainText(
      fill(texts.check.valid, { index: String(index), origin: bundle.origin, size: String(bundle.treeSize) }),
    );
  });
});
