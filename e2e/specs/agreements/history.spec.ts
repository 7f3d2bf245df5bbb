import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import type { Locale } from "../../../common/identity.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { fill, MESSAGES } from "../../support/locales.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

/** A short Spanish dubbing agreement written for these tests (it reproduces no real agreement). */
const FIXTURE_TEXT = readFileSync(
  fileURLToPath(new URL("../../fixtures/convenio-doblaje.txt", import.meta.url)),
  "utf8",
);
const UNION = DEMO_USERS.officer.organization;
const DEMO_AGREEMENT = "us-sag-aftra-tv-theatrical-2023";

async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/auth/session");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** An id no other test (or earlier run against the same data) has used. */
function freshId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1_000).toString(36)}`;
}

/**
 * Imports the fixture as the signed-in officer through the API, as the import and review pages
 * would: a draft from pasted text, then committed with the agreement's metadata.
 */
async function importAgreement(page: Page, id: string, title: string): Promise<void> {
  const token = await csrfToken(page);
  const draft = await page.request.post("/api/v1/agreements/imports", {
    headers: { "x-csrf-token": token },
    data: { text: FIXTURE_TEXT },
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const importId = ((await draft.json()) as { id: string }).id;
  const commit = await page.request.post(`/api/v1/agreements/imports/${importId}/commit`, {
    headers: { "x-csrf-token": token },
    data: {
      id,
      title,
      titleEn: null,
      status: "concluded",
      parties: [{ name: UNION, role: "union" }],
      countries: ["ES"],
      level: "sector",
      sectors: ["dubbing"],
      occupations: [],
      dates: {
        tentative: null,
        signed: null,
        ratified: null,
        ratificationVoteShare: null,
        inForceFrom: "2025-01-01",
        inForceTo: "2027-12-31",
        openEnded: false,
        note: null,
      },
      sourceUrl: null,
      sourceTitle: title,
    },
  });
  expect(commit.status(), await commit.text()).toBe(201);
}

/** Saves the agreement again unchanged (PUT, as any officer's edit would): one more "updated" entry. */
async function saveAgain(page: Page, id: string, times: number): Promise<void> {
  const token = await csrfToken(page);
  const current = await page.request.get(`/api/v1/agreements/${id}`);
  expect(current.status()).toBe(200);
  const { baselines: _baselines, ...agreement } = (await current.json()) as Record<string, unknown>;
  for (let index = 0; index < times; index += 1) {
    const saved = await page.request.put(`/api/v1/agreements/${id}`, {
      headers: { "x-csrf-token": token },
      data: agreement,
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }
}

function dateIn(locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date());
}

test.describe("an agreement's history", () => {
  test.use({ locale: "en" });
  const messages = MESSAGES.en;
  const texts = messages.agreements.history;

  test("[HISTORY]: anyone sees which union created an imported agreement and when", async ({ page, browser }) => {
    await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
    const id = freshId("doblaje-historial");
    const title = "Convenio del doblaje (historial)";
    await importAgreement(page, id, title);

    // A visitor who is not signed in.
    const visitor = await browser.newPage({ locale: "en" });
    try {
      await visitor.goto(`/agreements/${id}`);
      await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
      const history = visitor.getByRole("region", { name: texts.title });
      const entries = history.getByRole("listitem");
      await expect(entries).toHaveCount(1);
      await expect(entries.first()).toHaveText(
        new RegExp(`^${escapeRegExp(fill(texts.created, { union: UNION, date: "" }))}.*${escapeRegExp(dateIn("en"))}`),
      );
      await expect(history.getByText(texts.empty)).toHaveCount(0);
    } finally {
      await visitor.close();
    }

    // An officer's later change comes first.
    await saveAgain(page, id, 1);
    await page.goto(`/agreements/${id}`);
    const entries = page.getByRole("region", { name: texts.title }).getByRole("listitem");
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText(fill(texts.updated, { union: UNION, date: "" }));
    await expect(entries.nth(1)).toContainText(fill(texts.created, { union: UNION, date: "" }));
  });

  test("[HISTORY]: without recorded changes the history says so, and a failed request does not hide the agreement", async ({
    page,
  }) => {
    // The demo library is loaded without recorded changes; other specs may import over it in the
    // same run, so the empty answer is set here instead of relying on the order of the specs.
    await page.route(`**/api/v1/agreements/${DEMO_AGREEMENT}/changes`, (route) =>
      route.fulfill({ json: { changes: [] } }),
    );
    await page.goto(`/agreements/${DEMO_AGREEMENT}`);
    const history = page.getByRole("region", { name: texts.title });
    await expect(history.getByText(texts.empty)).toBeVisible();
    await expect(history.getByRole("listitem")).toHaveCount(0);

    await page.unroute(`**/api/v1/agreements/${DEMO_AGREEMENT}/changes`);
    await page.route(`**/api/v1/agreements/${DEMO_AGREEMENT}/changes`, (route) =>
      route.fulfill({ status: 500, json: { error: { code: "internal", message: "Boom" } } }),
    );
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".clause").first()).toBeVisible();
    await expect(history.getByRole("alert")).toHaveText(messages.errors.internal);
  });
});

const AUDITED_LOCALES: Locale[] = ["en", "fr"];

for (const locale of AUDITED_LOCALES) {
  const texts = MESSAGES[locale].agreements.history;

  test.describe(`history accessibility in ${locale}`, () => {
    test.use({ locale });

    test(`[A11Y]: the history with earlier changes folded away, and empty (${locale})`, async ({ page }) => {
      await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
      const id = freshId(`historial-${locale}`);
      await importAgreement(page, id, `Convenio del doblaje (${locale})`);
      await saveAgain(page, id, 6);

      await page.goto(`/agreements/${id}`);
      const history = page.getByRole("region", { name: texts.title });
      // Five changes show; the other two are a keyboard-operable disclosure away.
      await expect(history.getByRole("listitem")).toHaveCount(5);
      const earlier = history.getByText(fill(texts.earlier, { count: "2" }), { exact: true });
      await earlier.focus();
      await page.keyboard.press("Enter");
      await expect(history.getByRole("listitem")).toHaveCount(7);
      await expect(history.getByRole("listitem").last()).toContainText(
        fill(texts.created, { union: UNION, date: "" }).trim(),
      );
      await expectNoAxeViolations(page, `agreement history (${locale})`);

      await page.route(`**/api/v1/agreements/${DEMO_AGREEMENT}/changes`, (route) =>
        route.fulfill({ json: { changes: [] } }),
      );
      await page.goto(`/agreements/${DEMO_AGREEMENT}`);
      await expect(page.getByText(texts.empty)).toBeVisible();
      await expectNoAxeViolations(page, `agreement without history (${locale})`);
    });
  });
}

test.describe("history on a phone", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const texts = MESSAGES.de.agreements.history;

  test("[A11Y]: the history fits a 360 px screen without sideways scrolling", async ({ page }) => {
    await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
    const id = freshId("historial-telefono");
    await importAgreement(page, id, "Convenio del doblaje (teléfono)");
    await saveAgain(page, id, 6);
    await page.goto(`/agreements/${id}`);
    const history = page.getByRole("region", { name: texts.title });
    await history.getByText(fill(texts.earlier, { count: "2" }), { exact: true }).click();
    await expect(history.getByRole("listitem")).toHaveCount(7);
    expect(await hasHorizontalScroll(page), "agreement with its history").toBe(false);
    await expectNoAxeViolations(page, "agreement history on a phone (de)");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
