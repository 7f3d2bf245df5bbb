import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportCommit, ImportDraft, Suggestion } from "../../../../common/agreements-import.ts";
import {
  addSignedInPerson,
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { makeDocx, makePdf, multipartUpload } from "../../../test/documents.ts";
import { createOrganization } from "../identity/index.ts";
import { DEMO_LIBRARY, loadLibrary } from "./index.ts";

let t: TestApp;
let orgs: TestOrganizations;
let officer: SignedIn;

const SPANISH_AGREEMENT = [
  "Convenio colectivo de la industria del doblaje",
  "",
  "Artículo 1. Ámbito funcional",
  "El presente convenio será de aplicación a las empresas de doblaje y a sus actores y actrices.",
  "",
  "Artículo 5. Jornada",
  "La jornada ordinaria de trabajo será de 40 horas semanales.",
  "",
  "Artículo 6. Horas extraordinarias",
  "Las horas extraordinarias se abonarán con un recargo del 50 % sobre el salario hora.",
  "",
  "Artículo 9. Réplicas digitales",
  "La empresa comunicará toda sesión de escaneo con una antelación mínima de 48 horas.",
].join("\n");

const commit: ImportCommit = {
  id: "es-doblaje-import-2026",
  title: "Convenio colectivo de la industria del doblaje",
  titleEn: "Dubbing industry collective agreement",
  status: "concluded",
  parties: [{ name: "Test Union", role: "union" }],
  countries: ["ES"],
  level: "sector",
  sectors: ["dubbing"],
  occupations: ["voice_performer"],
  dates: {
    tentative: null,
    signed: "2026-03",
    ratified: null,
    ratificationVoteShare: null,
    inForceFrom: "2026-01-01",
    inForceTo: "2028-12-31",
    openEnded: false,
    note: null,
  },
  sourceUrl: null,
  sourceTitle: "convenio-doblaje.txt",
};

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  officer = await signIn(t, orgs.people.officer);
  const german = DEMO_LIBRARY.agreements.filter((a) => a.id === "de-tv-ffs-2024");
  await loadLibrary(t.db, orgs.organizationId, { ...DEMO_LIBRARY, agreements: german });
});
afterAll(() => t.close());

const upload = (filename: string, content: Uint8Array | string, headers = officer.headers) => {
  const body = multipartUpload(filename, typeof content === "string" ? Buffer.from(content) : content);
  return t.app.inject({
    method: "POST",
    url: "/api/v1/agreements/imports",
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
};

const countImports = async () =>
  Number(
    (
      await t.db
        .selectFrom("agreement_imports")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const suggestionFor = (draft: ImportDraft, code: string): Suggestion => {
  const found = draft.clauses.flatMap((c) => c.suggestions).find((s) => s.code === code);
  if (!found) throw new Error(`no suggestion for ${code}`);
  return found;
};

describe("[AGREEMENTS] importing a document", () => {
  it("splits a Spanish text into articles, detects Spanish and suggests explained findings", async () => {
    const response = await upload("convenio-doblaje.txt", SPANISH_AGREEMENT);
    expect(response.statusCode, response.body).toBe(201);
    const draft: ImportDraft = response.json();
    expect(draft.language).toBe("es");
    expect(draft.source).toEqual({
      kind: "text",
      filename: "convenio-doblaje.txt",
      bytes: Buffer.byteLength(SPANISH_AGREEMENT),
      pages: null,
    });
    expect(draft.clauses.map((c) => [c.id, c.articleRef])).toEqual([
      ["preamble", null],
      ["art-1", "Artículo 1. Ámbito funcional"],
      ["art-5", "Artículo 5. Jornada"],
      ["art-6", "Artículo 6. Horas extraordinarias"],
      ["art-9", "Artículo 9. Réplicas digitales"],
    ]);
    const premium = suggestionFor(draft, "OT.RATE");
    expect(premium.suggestedValue).toEqual({ kind: "number", value: 50, unit: "percent" });
    expect(premium.decision).toBe("pending");
    const clause = draft.clauses.find((c) => c.id === "art-6");
    for (const span of [...premium.explanation.triggers, premium.explanation.valueSpan]) {
      expect(span && clause?.text.slice(span.start, span.end)).toBe(span?.text);
    }
    expect(suggestionFor(draft, "AI.NOTICE").suggestedValue).toEqual({ kind: "duration", value: "PT48H" });
    expect(suggestionFor(draft, "WT.WEEK_MAX").suggestedValue).toEqual({ kind: "number", value: 40, unit: "hours" });
  });

  it("reads PDF text layers and Word documents", async () => {
    const pdf = await makePdf([
      ["Artikel 1 Geltungsbereich", "Dieser Tarifvertrag gilt für Film- und Fernsehschaffende."],
      ["Artikel 2 Arbeitszeit", "Die wöchentliche Arbeitszeit beträgt 40 Stunden."],
    ]);
    const fromPdf: ImportDraft = (await upload("tarifvertrag.pdf", pdf)).json();
    expect(fromPdf.source.kind).toBe("pdf");
    expect(fromPdf.source.pages).toBe(2);
    expect(fromPdf.clauses.map((c) => c.articleRef)).toEqual(["Artikel 1 Geltungsbereich", "Artikel 2 Arbeitszeit"]);
    expect(suggestionFor(fromPdf, "WT.WEEK_MAX").suggestedValue).toEqual({ kind: "number", value: 40, unit: "hours" });

    const docx = await makeDocx([
      "Article 1 – Champ d'application",
      "Le présent accord s'applique aux artistes interprètes du doublage.",
      "Article 2 – Heures supplémentaires",
      "Les heures supplémentaires donnent lieu à une majoration de 25 % du salaire horaire.",
    ]);
    const fromDocx: ImportDraft = (await upload("accord.docx", docx)).json();
    expect(fromDocx.source.kind).toBe("docx");
    expect(fromDocx.language).toBe("fr");
    expect(suggestionFor(fromDocx, "OT.RATE").suggestedValue).toEqual({ kind: "number", value: 25, unit: "percent" });
  });

  it("accepts pasted text", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/agreements/imports",
      headers: officer.headers,
      payload: { text: "Article 4. Overtime\nOvertime shall be paid at time and a half." },
    });
    expect(response.statusCode, response.body).toBe(201);
    const draft: ImportDraft = response.json();
    expect(draft.source.kind).toBe("paste");
    expect(suggestionFor(draft, "OT.RATE").suggestedValue).toEqual({ kind: "multiplier", value: 1.5 });
  });

  it("answers bad files with a clear error and stores nothing", async () => {
    const before = await countImports();
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    const latin1 = Buffer.from("Artículo 5. La jornada será de 40 horas.", "latin1");
    const cases: [string, Uint8Array | string, string][] = [
      ["empty.txt", "", "import_empty"],
      ["blank.txt", "   \n\n  ", "import_empty"],
      ["photo.png", png, "import_unsupported"],
      ["old.txt", latin1, "import_encoding"],
      ["broken.pdf", "%PDF-1.7 this is not really a PDF", "import_unsupported"],
      ["fake.docx", Buffer.from("504b030414000000080000000000", "hex"), "import_unsupported"],
      ["huge.txt", Buffer.alloc(21 * 1024 * 1024, 0x61), "import_too_large"],
    ];
    for (const [name, content, code] of cases) {
      const response = await upload(name, content);
      expect(response.json().error.code, name).toBe(code);
      expect(response.statusCode, name).toBe(code === "import_too_large" ? 413 : 400);
      expect(response.json().error.message.length, name).toBeGreaterThan(10);
    }
    expect(await countImports()).toBe(before);
  });

  it("lets officers accept, edit and reject suggestions, then commit the agreement with its findings", async () => {
    const draft: ImportDraft = (await upload("convenio-doblaje.txt", SPANISH_AGREEMENT)).json();
    const premium = suggestionFor(draft, "OT.RATE");
    const notice = suggestionFor(draft, "AI.NOTICE");
    const week = suggestionFor(draft, "WT.WEEK_MAX");
    const decide = (s: Suggestion, body: object) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/v1/agreements/imports/${draft.id}/suggestions/${s.id}`,
        headers: officer.headers,
        payload: body,
      });
    expect((await decide(premium, { decision: "accepted" })).json()).toMatchObject({
      decision: "accepted",
      decidedBy: orgs.people.officer.userId,
    });
    const edited = await decide(notice, { decision: "accepted", value: { kind: "duration", value: "PT72H" } });
    expect(edited.json().value).toEqual({ kind: "duration", value: "PT72H" });
    expect(edited.json().suggestedValue).toEqual({ kind: "duration", value: "PT48H" });
    const wrongKind = await decide(week, { decision: "accepted", value: { kind: "duration", value: "PT40H" } });
    expect(wrongKind.json().error.code).toBe("validation_failed");
    expect((await decide(week, { decision: "rejected" })).json().decision).toBe("rejected");

    const reread: ImportDraft = (
      await t.app.inject({ method: "GET", url: `/api/v1/agreements/imports/${draft.id}`, headers: officer.headers })
    ).json();
    expect(suggestionFor(reread, "AI.NOTICE").value).toEqual({ kind: "duration", value: "PT72H" });

    const committed = await t.app.inject({
      method: "POST",
      url: `/api/v1/agreements/imports/${draft.id}/commit`,
      headers: officer.headers,
      payload: commit,
    });
    expect(committed.statusCode, committed.body).toBe(201);
    const agreement = (await t.app.inject({ method: "GET", url: `/api/v1/agreements/${commit.id}` })).json();
    expect(agreement.languages).toEqual(["es"]);
    expect(agreement.sources[0].url).toBe(`urn:guildhall:import:${draft.id}`);
    const findings = agreement.clauses.flatMap((c: { findings: { code: string }[] }) => c.findings);
    expect(findings.map((f: { code: string }) => f.code).sort()).toEqual(["AI.NOTICE", "OT.RATE"]);
    const overtime = findings.find((f: { code: string }) => f.code === "OT.RATE");
    expect(overtime).toMatchObject({
      present: "yes",
      verified: true,
      value: { kind: "number", value: 50, unit: "percent" },
    });
    expect(overtime.evidence[0].note).toContain("Artículo 6. Horas extraordinarias");
    expect(overtime.evidence[0].note).toContain("recargo del 50 %");

    const compared = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/agreements/compare?ids=${commit.id},de-tv-ffs-2024&codes=OT.RATE`,
      })
    ).json();
    expect(JSON.stringify(compared)).toContain('"value":50');

    const again = await t.app.inject({
      method: "POST",
      url: `/api/v1/agreements/imports/${draft.id}/commit`,
      headers: officer.headers,
      payload: commit,
    });
    expect(again.json().error.code).toBe("conflict");
    expect((await decide(premium, { decision: "rejected" })).json().error.code).toBe("conflict");
  });

  it("refuses to overwrite an existing agreement on commit", async () => {
    const draft: ImportDraft = (await upload("again.txt", SPANISH_AGREEMENT)).json();
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/agreements/imports/${draft.id}/commit`,
      headers: officer.headers,
      payload: { ...commit, id: "de-tv-ffs-2024" },
    });
    expect(response.json().error.code).toBe("conflict");
    const still = (
      await t.app.inject({ method: "GET", url: `/api/v1/agreements/imports/${draft.id}`, headers: officer.headers })
    ).json();
    expect(still.status).toBe("draft");
  });

  it("keeps drafts to officers of the importing union, and lets them discard one", async () => {
    const draft: ImportDraft = (await upload("private.txt", SPANISH_AGREEMENT)).json();
    const otherUnion = await createOrganization(t.db, { name: "Other Union", kind: "union", country: "FR" });
    const { session: outsider } = await addSignedInPerson(t, otherUnion.id, {
      email: "outsider-officer@example.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    });
    const read = await t.app.inject({
      method: "GET",
      url: `/api/v1/agreements/imports/${draft.id}`,
      headers: outsider.headers,
    });
    expect(read.json().error.code).toBe("not_found");
    const list = (
      await t.app.inject({ method: "GET", url: "/api/v1/agreements/imports", headers: outsider.headers })
    ).json();
    expect(list.imports).toEqual([]);
    const ours = (
      await t.app.inject({ method: "GET", url: "/api/v1/agreements/imports", headers: officer.headers })
    ).json();
    expect(ours.imports.map((i: { id: string }) => i.id)).toContain(draft.id);

    const member = await signIn(t, orgs.people.member);
    expect((await upload("x.txt", SPANISH_AGREEMENT, member.headers)).json().error.code).toBe("forbidden");
    expect((await upload("x.txt", SPANISH_AGREEMENT, {})).json().error.code).toBe("unauthenticated");

    const discard = (headers: Record<string, string>) =>
      t.app.inject({ method: "DELETE", url: `/api/v1/agreements/imports/${draft.id}`, headers });
    expect((await discard(outsider.headers)).json().error.code).toBe("not_found");
    expect((await discard(officer.headers)).statusCode).toBe(204);
    const gone = await t.db
      .selectFrom("agreement_import_suggestions")
      .select("id")
      .where("import_id", "=", draft.id)
      .execute();
    expect(gone).toEqual([]);
  });
});
