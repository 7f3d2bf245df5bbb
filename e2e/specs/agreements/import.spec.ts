import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { Locale } from "../../../common/identity.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { exactly, MESSAGES } from "../../support/locales.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

const messages = MESSAGES.en;
const texts = messages.agreements.import;

/** A short Spanish dubbing agreement written for these tests (it reproduces no real agreement). */
const FIXTURE = fileURLToPath(new URL("../../fixtures/convenio-doblaje.txt", import.meta.url));
const FIXTURE_TEXT = readFileSync(FIXTURE, "utf8");

const TV_FFS_ID = "de-tv-ffs-2024";
const TV_FFS = "Tarifvertrag für auf Produktionsdauer beschäftigte Film- und Fernsehschaffende (TV FFS)";

/** A 1×1 PNG: an image, not a document. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const IMPORT_PAGE = /\/agreements\/import\/[0-9a-f-]{36}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function signInAsOfficer(page: Page): Promise<void> {
  await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
}

async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/auth/session");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function draftIds(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/v1/agreements/imports");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { imports: { id: string }[] }).imports.map((draft) => draft.id);
}

/** Creates a draft through the API, as the paste form would. */
async function importThroughApi(page: Page, text: string): Promise<string> {
  const response = await page.request.post("/api/v1/agreements/imports", {
    headers: { "x-csrf-token": await csrfToken(page) },
    data: { text },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The suggestion card of one taxonomy code (the first, if the code is suggested more than once). */
function suggestion(page: Page, code: string): Locator {
  return page
    .locator("li.suggestion")
    .filter({ has: page.getByRole("heading", { level: 4, name: new RegExp(escapeRegExp(code)) }) })
    .first();
}

function decisionButton(card: Locator, label: string): Locator {
  return card.getByRole("button", { name: new RegExp(`^${escapeRegExp(label)}`) });
}

function detail(page: Page, term: string): Locator {
  return page
    .locator(".details-list > div")
    .filter({ has: page.getByText(term, { exact: true }) })
    .locator("dd");
}

/** The cell of one code's row in one agreement's column of the compare matrix. */
async function cellOf(page: Page, code: string, title: string): Promise<Locator> {
  const table = page.getByRole("table");
  await expect(table).toBeVisible();
  const headers = await table.getByRole("columnheader").allTextContents();
  const column = headers.findIndex((header) => header.startsWith(title));
  expect(column, `column of ${title}`).toBeGreaterThan(0);
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader").filter({ hasText: new RegExp(`${escapeRegExp(code)}$`) }) });
  return row.getByRole("cell").nth(column - 1);
}

test.describe("importing an agreement", () => {
  test.use({ locale: "en" });

  test("[IMPORT]: an officer imports a Spanish agreement, accepts its findings and compares it with TV FFS", async ({
    page,
  }) => {
    const policyViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) policyViolations.push(message.text());
    });
    await signInAsOfficer(page);
    await page.goto("/agreements");
    await page.getByRole("link", { name: texts.libraryLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();

    await page.getByLabel(texts.upload.file, { exact: true }).setInputFiles(FIXTURE);
    await page.getByRole("button", { name: texts.upload.submit }).click();
    await expect(page).toHaveURL(IMPORT_PAGE);
    const importId = page.url().split("/").pop() ?? "";

    // The document is recognised as Spanish and split at its articles.
    await expect(detail(page, texts.review.language)).toHaveText("Spanish");
    await expect(page.getByRole("heading", { level: 3, name: /^Artículo 6\. Horas extraordinarias/ })).toBeVisible();
    await expect(page.locator(".import-clause__text").first()).toHaveAttribute("lang", "es");

    // Each suggestion says why it was made, with the words marked in the clause.
    const overtime = suggestion(page, "OT.RATE");
    await expect(overtime).toContainText(/Suggested because of the words/);
    await expect(page.locator("mark.import-mark--value").first()).toBeVisible();
    const notice = suggestion(page, "AI.NOTICE");
    await expect(notice).toContainText("48 hours");

    for (const card of [overtime, notice]) {
      const accept = decisionButton(card, texts.review.accept);
      await expect(accept).toHaveAttribute("aria-pressed", "false");
      await accept.click();
      await expect(accept).toHaveAttribute("aria-pressed", "true");
      await expect(card.getByText(texts.review.decisions.accepted, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole("status").filter({ hasText: /Accepted and saved/ })).toBeVisible();

    // The weekly hours: corrected by hand in the value editor, which saves and accepts.
    const weekly = suggestion(page, "WT.WEEK_MAX");
    await weekly.getByRole("button", { name: new RegExp(`^${texts.review.edit}`) }).click();
    const editor = weekly.locator("form.value-editor");
    await expect(editor.getByLabel(texts.editor.number)).toBeFocused();
    await editor.getByLabel(texts.editor.number).fill("forty");
    await editor.getByRole("button", { name: texts.editor.save }).click();
    await expect(editor.getByText(texts.editor.numberInvalid)).toBeVisible();
    await editor.getByLabel(texts.editor.number).fill("39.5");
    await editor.getByRole("button", { name: texts.editor.save }).click();
    await expect(editor).toHaveCount(0);
    await expect(decisionButton(weekly, texts.review.accept)).toHaveAttribute("aria-pressed", "true");
    await expect(weekly).toContainText("39.5 hours");

    // Rejecting is a toggle too: pressed again, the suggestion is undecided once more.
    const undecided = page
      .locator("li.suggestion")
      .filter({ has: page.getByRole("button", { name: new RegExp(`^${texts.review.accept}`), pressed: false }) })
      .first();
    const reject = decisionButton(undecided, texts.review.reject);
    await reject.click();
    await expect(reject).toHaveAttribute("aria-pressed", "true");
    await expect(undecided.getByText(texts.review.decisions.rejected, { exact: true })).toBeVisible();
    await reject.click();
    await expect(reject).toHaveAttribute("aria-pressed", "false");
    await expect(undecided.getByText(texts.review.decisions.pending, { exact: true })).toBeVisible();

    // Every decision was saved: a reload shows them again.
    await page.reload();
    await expect(decisionButton(suggestion(page, "OT.RATE"), texts.review.accept)).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(decisionButton(suggestion(page, "AI.NOTICE"), texts.review.accept)).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(suggestion(page, "WT.WEEK_MAX")).toContainText("39.5 hours");

    // The agreement's metadata, then into the library.
    const commit = page.getByRole("region", { name: texts.commit.title });
    const title = "Convenio colectivo del doblaje (prueba)";
    await commit.getByLabel(texts.commit.titleField).fill(title);
    await expect(commit.getByLabel(texts.commit.id)).toHaveValue("convenio-colectivo-del-doblaje-prueba");
    await expect(commit.getByLabel(exactly(texts.commit.partyName.replace("{{number}}", "1")))).toHaveValue(
      DEMO_USERS.officer.organization,
    );
    await commit.getByLabel(texts.commit.findCountry).fill("Spain");
    await commit.getByRole("checkbox", { name: /^Spain/ }).check();
    await commit.getByRole("checkbox", { name: messages.agreements.sectors.dubbing, exact: true }).check();
    await commit.getByRole("checkbox", { name: messages.agreements.sectors.film, exact: true }).check();
    await commit.getByLabel(new RegExp(`^${texts.commit.inForceFrom}`)).fill("2025-01-01");
    await commit.getByLabel(new RegExp(`^${texts.commit.inForceTo}`)).fill("2027-12-31");
    await commit.getByRole("button", { name: texts.commit.submit }).click();

    const agreementId = "convenio-colectivo-del-doblaje-prueba";
    await expect(page).toHaveURL(`/agreements/${agreementId}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.locator(".finding").filter({ hasText: "AI.NOTICE" })).toContainText("48 hours");
    // Its source is the imported document, which has no web address: named, not linked.
    const sources = page.getByRole("region", { name: messages.agreements.agreement.sources });
    await expect(sources).toContainText(messages.agreements.agreement.importedDocument);
    await expect(sources.getByRole("link")).toHaveCount(0);

    // The draft is now marked as committed and can no longer be changed.
    await page.goto(`/agreements/import/${importId}`);
    await expect(page.getByText(texts.review.committed)).toBeVisible();
    await expect(page.getByRole("button", { name: new RegExp(`^${texts.review.accept}`) })).toHaveCount(0);

    // Side by side with the German film and TV agreement.
    await page.goto(`/agreements/compare?ids=${agreementId},${TV_FFS_ID}&codes=AI.NOTICE,OT.RATE,WT.WEEK_MAX`);
    await expect(await cellOf(page, "OT.RATE", title)).toContainText(/50%|×1\.5/);
    const germanOvertime = await cellOf(page, "OT.RATE", TV_FFS);
    await expect(germanOvertime).toContainText("25%");
    await expect(germanOvertime).toContainText("50%");
    await expect(await cellOf(page, "AI.NOTICE", title)).toContainText("48 hours");
    await expect(await cellOf(page, "AI.NOTICE", TV_FFS)).toContainText(messages.agreements.compare.noData);
    await expect(await cellOf(page, "WT.WEEK_MAX", title)).toContainText("39.5 hours");
    await expect(await cellOf(page, "WT.WEEK_MAX", TV_FFS)).toContainText("60 hours");

    // The strict Content-Security-Policy held on every page of the way (no inline styles or scripts).
    expect(policyViolations).toEqual([]);
  });

  test("[IMPORT]: an empty file and files that are no document get clear errors, and no draft is created", async ({
    page,
  }) => {
    await signInAsOfficer(page);
    const before = await draftIds(page);
    await page.goto("/agreements/import");
    const upload = page.getByRole("region", { name: texts.upload.title });
    const file = upload.getByLabel(texts.upload.file, { exact: true });
    const submit = upload.getByRole("button", { name: texts.upload.submit });
    const summary = upload.getByRole("alert");

    // Nothing chosen.
    await submit.click();
    await expect(summary).toContainText(texts.upload.fileRequired);

    // An empty file is refused at once…
    await file.setInputFiles({ name: "vacio.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
    await submit.click();
    await expect(summary).toContainText(messages.errors.import_empty);
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect(summary).toBeFocused();

    // …and so is one with nothing but blank lines, by the server.
    await file.setInputFiles({ name: "en-blanco.txt", mimeType: "text/plain", buffer: Buffer.from("  \n\n \t\n") });
    await submit.click();
    await expect(summary).toContainText(messages.errors.import_empty);

    // An image.
    await file.setInputFiles({ name: "cartel.png", mimeType: "image/png", buffer: PNG });
    await submit.click();
    await expect(summary).toContainText(messages.errors.import_unsupported);

    // Random bytes with a document's name.
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 7919 + 13) % 256));
    await file.setInputFiles({ name: "convenio.docx", mimeType: "application/octet-stream", buffer: noise });
    await submit.click();
    await expect(summary).toContainText(messages.errors.import_unsupported);

    // Text in an old encoding (Latin-1) is explained as such.
    await file.setInputFiles({
      name: "convenio-latin1.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(FIXTURE_TEXT, "latin1"),
    });
    await submit.click();
    await expect(summary).toContainText(messages.errors.import_encoding);
    await expect(page).toHaveURL("/agreements/import");

    // Pasting nothing is caught before anything is sent.
    const paste = page.getByRole("region", { name: texts.paste.title });
    await paste.getByRole("button", { name: texts.paste.submit }).click();
    await expect(paste.getByRole("alert")).toContainText(texts.paste.textRequired);

    // The server refuses the same files when they come without the page's checks.
    const token = await csrfToken(page);
    const empty = await page.request.post("/api/v1/agreements/imports", {
      headers: { "x-csrf-token": token },
      multipart: { file: { name: "vacio.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) } },
    });
    expect(empty.status()).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe("import_empty");
    const image = await page.request.post("/api/v1/agreements/imports", {
      headers: { "x-csrf-token": token },
      multipart: { file: { name: "cartel.png", mimeType: "image/png", buffer: PNG } },
    });
    expect(image.status()).toBe(400);
    expect(((await image.json()) as { error: { code: string } }).error.code).toBe("import_unsupported");

    expect(await draftIds(page)).toEqual(before);
  });

  test("[IMPORT]: pasted text becomes a draft, and a discarded draft is gone from the list", async ({ page }) => {
    await signInAsOfficer(page);
    await page.goto("/agreements/import");
    const paste = page.getByRole("region", { name: texts.paste.title });
    await paste.getByLabel(texts.paste.text).fill(FIXTURE_TEXT);
    // What was pasted is kept for this tab: a reload loses nothing.
    await page.waitForTimeout(400);
    await page.reload();
    await expect(paste.getByLabel(texts.paste.text)).toHaveValue(FIXTURE_TEXT.replace(/\r\n/g, "\n"));
    await paste.getByRole("button", { name: texts.paste.submit }).click();
    await expect(page).toHaveURL(IMPORT_PAGE);
    const importId = page.url().split("/").pop() ?? "";
    await expect(detail(page, texts.review.source)).toContainText(texts.pastedText);

    // The drafts list links to it.
    await page.getByRole("link", { name: texts.review.back }).click();
    const drafts = page.getByRole("table", { name: texts.drafts.caption });
    await expect(drafts.getByRole("link", { name: texts.pastedText }).first()).toHaveAttribute(
      "href",
      `/agreements/import/${importId}`,
    );

    // Many suggestions at once: every pending one at or above the chosen confidence.
    await page.goto(`/agreements/import/${importId}`);
    await page.getByLabel(texts.review.bulk.threshold).selectOption("0.8");
    const confident = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/agreements/imports/${id}`);
      const draft = (await response.json()) as { clauses: { suggestions: { confidence: number }[] }[] };
      return draft.clauses.flatMap((clause) => clause.suggestions).filter((s) => s.confidence >= 0.8).length;
    }, importId);
    expect(confident).toBeGreaterThan(0);
    await page.getByRole("button", { name: texts.review.bulk.submit.replace("{{count}}", String(confident)) }).click();
    await expect(
      page.getByRole("status").filter({ hasText: texts.review.bulk.done.replace("{{count}}", String(confident)) }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: new RegExp(`^${texts.review.accept}`), pressed: true })).toHaveCount(
      confident,
    );

    // Discarding asks first, then says so.
    await page.getByRole("button", { name: texts.review.discard, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: texts.review.discardConfirmTitle });
    await expect(dialog.getByRole("button", { name: messages.common.cancel })).toBeFocused();
    await dialog.getByRole("button", { name: texts.review.discardConfirm }).click();
    await expect(page).toHaveURL("/agreements/import");
    await expect(page.getByRole("status").filter({ hasText: texts.review.discardedStatus })).toBeVisible();
    expect(await draftIds(page)).not.toContain(importId);
  });

  test("[IMPORT]: only union officers may import; the library links to the import page for them only", async ({
    page,
  }) => {
    // Anonymous visitors are asked to sign in.
    await page.goto("/agreements/import");
    await expect(page.getByRole("heading", { level: 1, name: messages.signIn.title })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(messages.signIn.signInRequired);
    await page.goto("/agreements");
    await expect(page.getByRole("heading", { level: 1, name: messages.agreements.library.title })).toBeVisible();
    await expect(page.getByRole("link", { name: texts.libraryLink })).toHaveCount(0);

    // A member is told who may import, and the API refuses them.
    await signInThroughApi(page, demoCredentials(DEMO_USERS.member));
    await page.goto("/agreements/import");
    await expect(page.getByRole("heading", { level: 1, name: texts.notAllowedTitle })).toBeVisible();
    await expect(page.getByText(texts.notAllowed)).toBeVisible();
    const refused = await page.request.get("/api/v1/agreements/imports");
    expect(refused.status()).toBe(403);
    await page.goto("/agreements");
    await expect(page.getByRole("heading", { level: 1, name: messages.agreements.library.title })).toBeVisible();
    await expect(page.getByRole("link", { name: texts.libraryLink })).toHaveCount(0);

    // An officer sees the link.
    await signInAsOfficer(page);
    await page.goto("/agreements");
    await expect(page.getByRole("link", { name: texts.libraryLink })).toBeVisible();
  });
});

const AUDITED_LOCALES: Locale[] = ["en", "de"];

for (const locale of AUDITED_LOCALES) {
  const localized = MESSAGES[locale].agreements.import;

  test.describe(`import accessibility in ${locale}`, () => {
    test.use({ locale });

    test(`[A11Y]: import page and review page (${locale})`, async ({ page }) => {
      await signInAsOfficer(page);
      const importId = await importThroughApi(page, FIXTURE_TEXT);

      await page.goto("/agreements/import");
      await expect(page.getByRole("link", { name: localized.pastedText }).first()).toBeVisible();
      await expectNoAxeViolations(page, `import page (${locale})`);
      await page.getByRole("button", { name: localized.upload.submit }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoAxeViolations(page, `import page with an error (${locale})`);

      await page.goto(`/agreements/import/${importId}`);
      const first = page.locator("li.suggestion").first();
      await expect(first).toBeVisible();
      await expectNoAxeViolations(page, `review page (${locale})`);

      await decisionButton(first, localized.review.accept).click();
      await expect(decisionButton(first, localized.review.accept)).toHaveAttribute("aria-pressed", "true");
      await first.getByRole("button", { name: new RegExp(`^${localized.review.edit}`) }).click();
      await expect(first.locator("form.value-editor")).toBeVisible();
      const commit = page.getByRole("region", { name: localized.commit.title });
      await commit.getByRole("button", { name: localized.commit.submit }).click();
      await expect(commit.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, `review page with the editor open and form errors (${locale})`);
    });
  });
}

test.describe("importing on a phone", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const localized = MESSAGES.de.agreements.import;

  test("[A11Y]: the import and review pages fit a 360 px screen without sideways scrolling", async ({ page }) => {
    await signInAsOfficer(page);
    const importId = await importThroughApi(page, FIXTURE_TEXT);

    await page.goto("/agreements/import");
    await expect(page.getByRole("heading", { level: 1, name: localized.title })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    expect(await hasHorizontalScroll(page), "import page").toBe(false);

    await page.goto(`/agreements/import/${importId}`);
    const first = page.locator("li.suggestion").first();
    await expect(first).toBeVisible();
    await first.getByRole("button", { name: new RegExp(`^${localized.review.edit}`) }).click();
    await expect(first.locator("form.value-editor")).toBeVisible();
    expect(await hasHorizontalScroll(page), "review page").toBe(false);
    await expectNoAxeViolations(page, "review page on a phone (de)");
  });
});
