import exifr from "exifr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTORS } from "../../../../../common/agreements.ts";
import {
  buildTestApp,
  seedPeople,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganizations,
} from "../../../../test/app.ts";
import { multipartForm } from "../../../../test/documents.ts";
import { jpegWithMetadata, LATITUDE } from "../../../platform/files/fixtures/build.ts";
import { DEMO_LIBRARY, loadLibrary } from "../../agreements/index.ts";
import { createOrganization, createReaderKeysIfMissing, grantRole } from "../../identity/index.ts";

let t: TestApp;
let orgs: TestOrganizations;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  await createReaderKeysIfMissing(t.db, orgs.people.officer.userId, TEST_PASSWORD);
});
afterAll(() => t.close());

const reportCount = async () => (await t.db.selectFrom("reports").select("id").execute()).length;

function accidentForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    lang: "es",
    kind: "accident",
    country: "ES",
    organizationId: orgs.organizationId,
    "workplace.name": "Rodaje «Noche cerrada»",
    "workplace.address": "Nave 4, Polígono Sur",
    "workplace.city": "Sevilla",
    "accident.occurredAt": "2026-11-20T02:00",
    "accident.severity": "treated",
    "accident.medicalCare": "yes",
    "accident.employerReported": "no",
    description: "A lighting rig fell from the gantry at 2 a.m. and hit a technician's shoulder.",
    anonymous: "yes",
    ...overrides,
  };
}

async function post(url: string, fields: Record<string, string>, files: Parameters<typeof multipartForm>[1] = []) {
  const form = await multipartForm(fields, files);
  return t.app.inject({ method: "POST", url, ...form });
}

const RECEIPT = /\d{5} \d{5} \d{5} \d{5} \d{5}/;

describe("report pages without JavaScript", () => {
  it("serve a plain, scriptless form in the reporter's language, choosing kind and country first", async () => {
    const start = await t.app.inject({
      method: "GET",
      url: "/report",
      headers: { "accept-language": "de-CH,de;q=0.9" },
    });
    expect(start.statusCode).toBe(200);
    expect(start.headers["content-type"]).toContain("text/html");
    expect(start.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(start.body).toContain('<html lang="de">');
    expect(start.body).not.toMatch(/<script/i);
    // Under no-referrer, browsers post forms with `Origin: null`, which the CSRF check refuses.
    expect(start.headers["referrer-policy"]).toBe("same-origin");
    expect(start.body).toContain('value="ES"');
    expect(start.body).not.toMatch(/https?:\/\//);

    const french = await t.app.inject({ method: "GET", url: "/report?lang=fr&kind=accident&country=ES" });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toMatch(/enctype="multipart\/form-data"/i);
    expect(french.body).toContain(`value="${orgs.organizationId}"`);
    expect(french.body).toContain('name="accident.severity"');
    expect(french.body).not.toContain('name="category"');

    const unknownCountry = await t.app.inject({ method: "GET", url: "/report?kind=accident&country=ZZ" });
    expect(unknownCountry.statusCode).toBe(400);
    expect(unknownCountry.body).toContain("error-summary");
  });

  it("files an anonymous accident report with a photo, shows the receipt once, and strips the photo's location", async () => {
    const before = await reportCount();
    const photo = jpegWithMetadata();
    expect((await exifr.gps(Buffer.from(photo)))?.latitude).toBeCloseTo(LATITUDE, 3);
    const filed = await post("/report", accidentForm(), [{ field: "attachments", name: "IMG_0201.jpg", bytes: photo }]);
    expect(filed.statusCode).toBe(200);
    expect(filed.headers["cache-control"]).toBe("no-store");
    expect(filed.body).toContain('<html lang="es">');
    const receipt = RECEIPT.exec(filed.body)?.[0] as string;
    expect(receipt).toBeDefined();
    expect(filed.body).toContain("IMG_0201.jpg");
    expect(await reportCount()).toBe(before + 1);

    const officer = await signIn(t, orgs.people.officer);
    const base = `/api/v1/organizations/${orgs.organizationId}/reports`;
    const [newest] = (await t.app.inject({ method: "GET", url: base, headers: officer.headers })).json();
    const opened = await t.app.inject({ method: "GET", url: `${base}/${newest.id}`, headers: officer.headers });
    const view = opened.json();
    expect(view).toMatchObject({
      kind: "accident",
      content: { contact: null, accident: { severity: "treated", medicalCare: true, employerReported: "no" } },
      attachments: [{ name: "IMG_0201.jpg", mediaType: "image/jpeg", metadata: "removed" }],
    });
    const file = await t.app.inject({
      method: "GET",
      url: `${base}/${newest.id}/attachments/${view.attachments[0].id}`,
      headers: officer.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    expect(file.headers["content-disposition"]).toContain("attachment");
    expect(await exifr.gps(file.rawPayload)).toBeUndefined();

    const reply = await t.app.inject({
      method: "POST",
      url: `${base}/${newest.id}/messages`,
      headers: officer.headers,
      payload: { text: "We have opened a file. Which company runs the gantry?" },
    });
    expect(reply.statusCode).toBe(204);

    const followed = await post("/report/follow-up", { lang: "es", receipt: receipt.replaceAll(" ", "-") });
    expect(followed.statusCode).toBe(200);
    expect(followed.headers["cache-control"]).toBe("no-store");
    expect(followed.body).toContain("Which company runs the gantry?");
    expect(followed.body).toContain("Test Union");

    t.clock.advance(60_000);
    const answered = await post("/report/follow-up/messages", {
      lang: "es",
      receipt,
      text: "Grúas Norte <b>SL</b>",
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain("Grúas Norte &lt;b&gt;SL&lt;/b&gt;");
    const again = await t.app.inject({ method: "GET", url: `${base}/${newest.id}`, headers: officer.headers });
    expect(again.json().messages.map((m: { author: string }) => m.author)).toEqual(["officer", "reporter"]);
  });

  it("keeps every value and names every problem when the form is wrong, storing nothing", async () => {
    const before = await reportCount();
    const wrong = await post(
      "/report",
      accidentForm({
        "workplace.address": "Sevilla",
        "accident.severity": "",
        anonymous: "no",
        "contact.email": "",
        description: "Il y avait <script>alert(1)</script> partout",
        lang: "fr",
      }),
      [{ field: "attachments", name: "notes.exe", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }],
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<html lang="fr">');
    expect(wrong.body).toContain("error-summary");
    for (const field of ["workplace-address", "accident-severity", "contact-email", "attachments"]) {
      expect(wrong.body).toContain(`href="#field-${field}"`);
    }
    expect(wrong.body).toContain("notes.exe");
    expect(wrong.body).toContain("Rodaje «Noche cerrada»");
    expect(wrong.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(wrong.body).not.toContain("<script>");
    expect(await reportCount()).toBe(before);
  });

  it("refuses a file over the limit with the form kept, and one file too many", async () => {
    const before = await reportCount();
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await post("/report", accidentForm({ lang: "en" }), [
      { field: "attachments", name: "big.jpg", bytes: huge },
    ]);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain("big.jpg: larger than 10 MB");
    expect(tooBig.body).toContain("Nave 4, Polígono Sur");

    const photo = jpegWithMetadata();
    const six = Array.from({ length: 6 }, (_, i) => ({ field: "attachments", name: `p${i}.jpg`, bytes: photo }));
    const tooMany = await post("/report", accidentForm({ lang: "en" }), six);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain("At most 5 files");
    expect(await reportCount()).toBe(before);
  });

  it("answers every wrong receipt with the same page, and refuses cross-site posts", async () => {
    const pages = [];
    for (const receipt of ["11111 22222 33333 44444 55555", "garbage", ""]) {
      const response = await post("/report/follow-up", { lang: "en", receipt });
      expect(response.statusCode).toBe(401);
      pages.push(response.body.replace(/value="[^"]*"/g, ""));
    }
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toContain("This receipt does not match a report.");

    const form = await multipartForm(accidentForm());
    const crossSite = await t.app.inject({
      method: "POST",
      url: "/report",
      headers: { ...form.headers, "sec-fetch-site": "cross-site", "accept-language": "es" },
      payload: form.payload,
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.headers["content-type"]).toContain("text/html");
    expect(crossSite.body).toContain('<html lang="es">');
  });
});

describe("naming the agreement that was broken", () => {
  const germanAgreement = DEMO_LIBRARY.agreements.find((a) => a.countries.includes("DE") && a.clauses.length > 1);
  let unionInGermany: string;

  beforeAll(async () => {
    const german = { ...DEMO_LIBRARY, agreements: DEMO_LIBRARY.agreements.filter((a) => a.countries.includes("DE")) };
    await loadLibrary(t.db, orgs.organizationId, german);
    unionInGermany = (await createOrganization(t.db, { name: "Bühnenunion", kind: "union", country: "DE" })).id;
    await grantRole(t.db, unionInGermany, {
      email: orgs.people.officer.email,
      displayName: "Test officer",
      role: "officer",
    });
  });

  const violation = (agreement: unknown) => ({
    kind: "violation",
    category: "agreement_breach",
    organizationId: unionInGermany,
    workplace: { name: "Studio Babelsberg", address: "August-Bebel-Straße 26", city: "Potsdam", country: "DE" },
    description: "We shot fourteen hours on Tuesday and again on Wednesday.",
    contact: null,
    language: "de",
    agreement,
  });

  it("accepts an agreement and clause the library holds, and refuses others by field", async () => {
    const agreement = germanAgreement as NonNullable<typeof germanAgreement>;
    const clause = agreement.clauses[1]?.id as string;
    const post = (reference: unknown) =>
      t.app.inject({ method: "POST", url: "/api/v1/reports", payload: violation(reference) });
    expect((await post({ agreementId: agreement.id, clauseId: clause })).statusCode).toBe(201);
    expect((await post({ agreementId: agreement.id })).statusCode).toBe(201);
    const unknown = await post({ agreementId: "no-such-agreement" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { path: "body.agreement.agreementId", message: "Not in the library" },
    ]);
    const wrongClause = await post({ agreementId: agreement.id, clauseId: "no-such-clause" });
    expect(wrongClause.json().error.fields).toEqual([
      { path: "body.agreement.clauseId", message: "Not a clause of this agreement" },
    ]);
  });

  it("offers the country's agreements and their clauses in one choice on the page, checked on sending", async () => {
    const agreement = germanAgreement as NonNullable<typeof germanAgreement>;
    const clause = agreement.clauses[1]?.id as string;
    const page = await t.app.inject({ method: "GET", url: "/report?lang=de&kind=violation&country=DE" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<optgroup label="${agreement.title}">`);
    expect(page.body).toContain(`value="${agreement.id}#${clause}"`);

    const fields = {
      lang: "de",
      kind: "violation",
      country: "DE",
      organizationId: unionInGermany,
      category: "agreement_breach",
      "workplace.name": "Studio Babelsberg",
      "workplace.address": "August-Bebel-Straße 26",
      "workplace.city": "Potsdam",
      description: "We shot fourteen hours on Tuesday and again on Wednesday.",
      anonymous: "yes",
    };
    const wrong = await post("/report", { ...fields, agreement: `${agreement.id}#no-such-clause` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#field-agreement"');
    expect(wrong.body).toContain("Studio Babelsberg");
    const filed = await post("/report", { ...fields, agreement: `${agreement.id}#${clause}` });
    expect(filed.statusCode).toBe(200);
    expect(filed.body).toMatch(RECEIPT);
  });

  it("filters receivers by sector: unions with an agreement in it, and unions whose sectors are unknown", async () => {
    const curated = new Set(
      DEMO_LIBRARY.agreements.filter((a) => a.countries.includes("DE")).flatMap((a) => a.sectors),
    );
    const covered = [...curated][0] as string;
    const uncovered = SECTORS.find((sector) => !curated.has(sector)) as string;
    const names = async (query: string) =>
      (await t.app.inject({ method: "GET", url: `/api/v1/reports/receivers?${query}` }))
        .json()
        .map((r: { name: string }) => r.name)
        .sort();
    expect(await names(`sector=${covered}`)).toEqual(["Bühnenunion", "Test Union"]);
    expect(await names(`sector=${uncovered}`)).toEqual(["Bühnenunion"]);
    expect(await names(`country=ES&sector=${uncovered}`)).toEqual([]);
    const page = await t.app.inject({
      method: "GET",
      url: `/report?lang=en&kind=accident&country=ES&sector=${uncovered}`,
    });
    expect(page.body).not.toContain(`value="${orgs.organizationId}"`);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/reports/receivers?sector=knitting" })).statusCode).toBe(
      400,
    );
  });
});
