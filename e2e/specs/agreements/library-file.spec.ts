import { readFileSync, writeFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { Locale } from "../../../common/identity.ts";
import { expectNoAxeViolations, hasHorizontalScroll } from "../../support/a11y.ts";
import { DEMO_USERS } from "../../support/demo-users.ts";
import { fill, MESSAGES, type Messages } from "../../support/locales.ts";
import { demoCredentials, signInThroughApi } from "../../support/sign-in.ts";

const UNION = DEMO_USERS.officer.organization;
/** A demo agreement (curated, like the whole demo library, by the demo union) no other spec looks at. */
const EDITED = "nl-cao-toneel-en-dans";

interface LibraryFile {
  taxonomy: { version: string; codes: unknown[] };
  baselines: unknown[];
  agreements: { id: string; title: string; clauses: { findings: { code: string }[] }[] }[];
}

interface Change {
  action: "created" | "updated";
  changedAt: string;
  organizationName: string;
}

async function exportThroughApi(page: Page): Promise<LibraryFile> {
  const response = await page.request.get("/api/v1/agreements/export?format=json");
  expect(response.status()).toBe(200);
  return (await response.json()) as LibraryFile;
}

async function changesOf(page: Page, id: string): Promise<Change[]> {
  const response = await page.request.get(`/api/v1/agreements/${id}/changes`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { changes: Change[] }).changes;
}

async function titleOf(page: Page, id: string): Promise<string> {
  const response = await page.request.get(`/api/v1/agreements/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { title: string }).title;
}

function section(page: Page, messages: Messages): Locator {
  return page.getByRole("region", { name: messages.agreements.import.libraryFile.title });
}

/** Chooses a file in the bulk-import form and sends it. */
async function importFile(page: Page, messages: Messages, name: string, content: string | Buffer): Promise<void> {
  const texts = messages.agreements.import.libraryFile;
  const form = section(page, messages);
  await form.getByLabel(texts.file, { exact: true }).setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
  await form.getByRole("button", { name: texts.submit }).click();
}

/** The first clause with at least two findings: where the unknown code goes. */
function secondFinding(file: LibraryFile): { agreement: number; clause: number } {
  for (const [agreement, entry] of file.agreements.entries()) {
    const clause = entry.clauses.findIndex((candidate) => candidate.findings.length >= 2);
    if (clause >= 0) {
      return { agreement, clause };
    }
  }
  throw new Error("The demo library has no clause with two findings");
}

test.describe("importing a library file", () => {
  test.use({ locale: "en" });
  const messages = MESSAGES.en;
  const texts = messages.agreements.import.libraryFile;

  test("[LIBRARY FILE]: an officer exports the library, changes a title, imports the file and the agreement shows it", async ({
    page,
  }) => {
    await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));

    // "Export JSON" on the library page downloads the file the import takes.
    await page.goto("/agreements");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: messages.agreements.library.exportJson, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("guildhall-agreements.json");
    const file = JSON.parse(readFileSync(await download.path(), "utf8")) as LibraryFile;
    const edited = file.agreements.find((agreement) => agreement.id === EDITED);
    expect(edited, `${EDITED} in the export`).toBeDefined();
    const oldTitle = edited?.title ?? "";
    const newTitle = `CAO Toneel en Dans (bewerkt ${Date.now().toString(36)})`;
    if (edited) {
      edited.title = newTitle;
    }
    const before = await changesOf(page, EDITED);
    const path = test.info().outputPath("guildhall-agreements.json");
    writeFileSync(path, JSON.stringify(file, null, 2));

    // The import page explains where the file comes from, and takes it.
    await page.getByRole("link", { name: messages.agreements.import.libraryLink }).click();
    const form = section(page, messages);
    await expect(form.getByRole("link", { name: texts.exportLink })).toHaveAttribute(
      "href",
      "/api/v1/agreements/export?format=json",
    );
    await form.getByLabel(texts.file, { exact: true }).setInputFiles(path);
    await form.getByRole("button", { name: texts.submit }).click();
    // Every agreement of the file is already in the library; only the retitled one is an update.
    const done = fill(texts.done, { created: "0", updated: "1", unchanged: String(file.agreements.length - 1) });
    await expect(form.getByRole("status").filter({ hasText: done })).toBeVisible();
    await expect(form.getByRole("alert")).toHaveCount(0);

    await form.getByRole("link", { name: texts.openLibrary }).click();
    await expect(page).toHaveURL("/agreements");
    await page.goto(`/agreements/${EDITED}`);
    await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
    const entries = page.getByRole("region", { name: messages.agreements.history.title }).getByRole("listitem");
    await expect(entries.first()).toContainText(fill(messages.agreements.history.updated, { union: UNION, date: "" }));
    const after = await changesOf(page, EDITED);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ action: "updated", organizationName: UNION });

    // The old title comes back the same way, so the demo library is as it was for everyone else.
    if (edited) {
      edited.title = oldTitle;
    }
    await page.goto("/agreements/import");
    await importFile(page, messages, "guildhall-agreements.json", JSON.stringify(file));
    await expect(section(page, messages).getByRole("status").filter({ hasText: done })).toBeVisible();
    expect(await titleOf(page, EDITED)).toBe(oldTitle);
  });

  test("[LIBRARY FILE]: files that are not JSON, not a library, or break its rules are refused with clear errors and change nothing", async ({
    page,
  }) => {
    await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
    const file = await exportThroughApi(page);
    const before = { title: await titleOf(page, EDITED), changes: await changesOf(page, EDITED) };
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/v1/agreements/library")) sent.push(request.method());
    });

    await page.goto("/agreements/import");
    const form = section(page, messages);
    const summary = form.getByRole("alert");
    const input = form.getByLabel(texts.file, { exact: true });

    // Nothing chosen.
    await form.getByRole("button", { name: texts.submit }).click();
    await expect(summary).toContainText(texts.fileRequired);
    await expect(summary).toBeFocused();

    // Not JSON: explained in the browser, with the parser's own words, and never sent.
    await importFile(page, messages, "library.json", '{ "taxonomy": { "version": "2026.1", ');
    await expect(summary).toContainText(texts.notJson);
    await expect(form.getByText(texts.nothingImported)).toBeVisible();
    await expect(form.getByText(messages.agreements.import.serverSaid)).toBeVisible();
    await expect(input).toHaveAttribute("aria-invalid", "true");

    // JSON, but not a library file.
    await importFile(page, messages, "notes.json", JSON.stringify({ hello: "world" }));
    await expect(summary).toContainText(texts.notLibrary);
    expect(sent).toEqual([]);

    // A missing title is caught in the browser, at a readable place.
    const edited = file.agreements.findIndex((agreement) => agreement.id === EDITED);
    const untitled = structuredClone(file);
    (untitled.agreements[edited] as { title: string }).title = "";
    await importFile(page, messages, "untitled.json", JSON.stringify(untitled));
    await expect(summary).toContainText(fill(texts.invalid, { count: "1" }));
    const problems = form.getByRole("list", { name: texts.problemsLabel });
    await expect(problems.getByRole("listitem")).toHaveText([
      new RegExp(`^${escapeRegExp(`Agreement ${edited + 1} (${EDITED}): title – ${texts.path.value} ""`)}`),
    ]);
    expect(sent).toEqual([]);

    // An unknown taxonomy code passes the browser's check; the server refuses it, all or nothing:
    // the title changed in the same file is not saved either.
    const { agreement, clause } = secondFinding(file);
    const unknownCode = structuredClone(file);
    const target = unknownCode.agreements[agreement];
    if (!target) throw new Error("no agreement");
    (target.clauses[clause]?.findings[1] as { code: string }).code = "AI.NO_SUCH_CODE";
    (unknownCode.agreements[edited] as { title: string }).title = "This title must not be saved";
    await importFile(page, messages, "unknown-code.json", JSON.stringify(unknownCode));
    await expect(summary).toContainText(fill(texts.invalid, { count: "1" }));
    await expect(problems.getByRole("listitem")).toHaveText([
      new RegExp(
        `^${escapeRegExp(`Agreement ${agreement + 1} (${target.id}), clause ${clause + 1}, finding 2: code – ${texts.path.value} "AI.NO_SUCH_CODE"`)}`,
      ),
    ]);
    await expect(form.getByText(texts.nothingImported)).toBeVisible();
    expect(sent).toEqual(["POST"]);

    // Another taxonomy: only operators load taxonomies.
    const otherTaxonomy = structuredClone(file);
    otherTaxonomy.taxonomy.version = "1999.1";
    await importFile(page, messages, "old-taxonomy.json", JSON.stringify(otherTaxonomy));
    await expect(summary).toContainText(fill(texts.conflict, { version: "1999.1" }));
    await expect(form.getByRole("list", { name: texts.problemsLabel })).toHaveCount(0);

    // An empty file.
    await importFile(page, messages, "empty.json", Buffer.alloc(0));
    await expect(summary).toContainText(texts.fileEmpty);

    await expect(form.getByRole("status").filter({ hasText: /\S/ })).toHaveCount(0);
    expect(await titleOf(page, EDITED)).toBe(before.title);
    expect(await changesOf(page, EDITED)).toEqual(before.changes);
  });

  test("[LIBRARY FILE]: only officers of a union may import a library file", async ({ page }) => {
    const file = await exportThroughApi(page);
    await signInThroughApi(page, demoCredentials(DEMO_USERS.member));
    const session = await page.request.get("/api/v1/auth/session");
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const refused = await page.request.post("/api/v1/agreements/library", {
      headers: { "x-csrf-token": csrfToken },
      data: file,
    });
    expect(refused.status()).toBe(403);
    await page.goto("/agreements/import");
    await expect(
      page.getByRole("heading", { level: 1, name: messages.agreements.import.notAllowedTitle }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: texts.title })).toHaveCount(0);
  });
});

const AUDITED_LOCALES: Locale[] = ["en", "es"];

for (const locale of AUDITED_LOCALES) {
  const messages = MESSAGES[locale];
  const texts = messages.agreements.import.libraryFile;

  test.describe(`library file accessibility in ${locale}`, () => {
    test.use({ locale });

    test(`[A11Y]: the bulk import, its problems and its result (${locale})`, async ({ page }) => {
      await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
      const file = await exportThroughApi(page);
      await page.goto("/agreements/import");
      await expect(section(page, messages)).toBeVisible();
      await expectNoAxeViolations(page, `import page with the bulk import (${locale})`);

      const broken = structuredClone(file);
      for (const entry of broken.agreements.slice(0, 7)) {
        entry.title = "";
      }
      await importFile(page, messages, "broken.json", JSON.stringify(broken));
      await expect(section(page, messages).getByRole("alert")).toBeVisible();
      await expect(section(page, messages).getByRole("list", { name: texts.problemsLabel })).toBeVisible();
      await expect(section(page, messages)).toContainText(fill(texts.moreProblems, { count: "2" }));
      await expectNoAxeViolations(page, `bulk import with problems (${locale})`);

      await importFile(page, messages, "library.json", JSON.stringify(file));
      await expect(section(page, messages).getByRole("link", { name: texts.openLibrary })).toBeVisible();
      await expectNoAxeViolations(page, `bulk import done (${locale})`);
    });
  });
}

test.describe("library file import on a phone", () => {
  test.use({ locale: "de", viewport: { width: 360, height: 740 } });
  const messages = MESSAGES.de;
  const texts = messages.agreements.import.libraryFile;

  test("[A11Y]: the bulk import and its problems fit a 360 px screen", async ({ page }) => {
    await signInThroughApi(page, demoCredentials(DEMO_USERS.officer));
    const file = await exportThroughApi(page);
    const { agreement, clause } = secondFinding(file);
    const unknownCode = structuredClone(file);
    (unknownCode.agreements[agreement]?.clauses[clause]?.findings[1] as { code: string }).code =
      "AI.NO_SUCH_CODE_WITH_A_VERY_LONG_NAME";
    await page.goto("/agreements/import");
    await importFile(page, messages, "unknown-code.json", JSON.stringify(unknownCode));
    await expect(section(page, messages).getByRole("list", { name: texts.problemsLabel })).toBeVisible();
    expect(await hasHorizontalScroll(page), "import page with problems").toBe(false);
    await expectNoAxeViolations(page, "bulk import with problems on a phone (de)");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
