import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agreement, Finding, Taxonomy, TaxonomyCode } from "../../../../common/agreements.ts";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { createOrganization } from "../identity/index.ts";
import { loadLibrary } from "./index.ts";

const SOURCE = "https://example.org/agreement";

function code(id: string, family: TaxonomyCode["family"], valueKinds: TaxonomyCode["valueKinds"]): TaxonomyCode {
  const label = { en: id, es: `${id} (es)`, fr: `${id} (fr)`, de: `${id} (de)` };
  return { code: id, family, valueKinds, labels: label, definitions: label, validFrom: "2026-01-01", validTo: null };
}

const taxonomy: Taxonomy = {
  version: "2026.1",
  languages: ["en", "es", "fr", "de"],
  families: [],
  codes: [
    code("AI.NOTICE", "AI", ["duration"]),
    code("WT.DAY_MAX", "WT", ["number"]),
    code("PAY.MIN", "PAY", ["money"]),
  ],
};

function finding(codeId: string, value: Finding["value"]): Finding {
  return {
    code: codeId,
    present: "yes",
    value,
    appliesTo: "all",
    classification: null,
    strength: "notice",
    effectiveFrom: null,
    effectiveTo: null,
    confidence: 0.9,
    verified: false,
    evidence: [{ url: SOURCE, basis: "seen", note: "test fixture" }],
    note: null,
  };
}

function agreement(id: string, overrides: Partial<Agreement>, clauses: Agreement["clauses"]): Agreement {
  return {
    id,
    title: id,
    titleEn: null,
    titleKind: "descriptive",
    status: "concluded",
    parties: [{ name: `${id} union`, role: "union" }],
    countries: ["ES"],
    subdivisions: [],
    level: "sector",
    sectors: ["film"],
    occupations: [],
    coverage: {
      employees: true,
      freelancers: false,
      influencers: false,
      background: "unknown",
      minors: "unknown",
      note: null,
    },
    workersCovered: null,
    dates: {
      tentative: null,
      signed: null,
      ratified: null,
      ratificationVoteShare: null,
      inForceFrom: "2024-01",
      inForceTo: "2026",
      openEnded: false,
      note: null,
    },
    languages: ["es"],
    lineage: [],
    sources: [{ url: SOURCE, title: "Fixture", kind: "primary" }],
    clauses,
    notes: [],
    ...overrides,
  };
}

const library = {
  taxonomy,
  baselines: [],
  agreements: [
    agreement("es-cine-2024", { title: "Convenio del cine" }, [
      {
        id: "ia",
        articleRef: "Art. 12",
        textKind: "summary",
        text: "Los actores dan su consentimiento antes de crear una réplica digital, con 48 horas de aviso.",
        language: "es",
        findings: [finding("AI.NOTICE", { kind: "duration", value: "PT48H" })],
      },
    ]),
    agreement(
      "de-film-2025",
      {
        title: "Tarifvertrag Film",
        countries: ["DE"],
        languages: ["de"],
        coverage: {
          employees: true,
          freelancers: true,
          influencers: false,
          background: false,
          minors: false,
          note: null,
        },
        dates: {
          tentative: null,
          signed: null,
          ratified: null,
          ratificationVoteShare: null,
          inForceFrom: "2025-03-01",
          inForceTo: null,
          openEnded: true,
          note: null,
        },
      },
      [
        {
          id: "arbeitszeit",
          articleRef: "§ 5",
          textKind: "summary",
          text: "Die tägliche Arbeitszeit der Filmschaffenden beträgt höchstens zwölf Stunden.",
          language: "de",
          findings: [finding("WT.DAY_MAX", { kind: "number", value: 12, unit: "hours" })],
        },
        {
          id: "gage",
          articleRef: "§ 9",
          textKind: "summary",
          text: "Schauspieler erhalten eine Mindestgage pro Drehtag.",
          language: "de",
          findings: [
            finding("PAY.MIN", {
              kind: "money",
              amount: "1050.00",
              currency: "EUR",
              per: { quantity: 1, unit: "day" },
            }),
          ],
        },
      ],
    ),
    agreement(
      "us-tv-2023",
      { title: "TV Agreement", countries: ["US"], languages: ["en"], sectors: ["tv", "streaming"] },
      [
        {
          id: "replicas",
          articleRef: null,
          textKind: "summary",
          text: "Performers must consent before digital replicas are created; notice of 72 hours applies.",
          language: "en",
          findings: [finding("AI.NOTICE", { kind: "duration", value: "PT72H" })],
        },
      ],
    ),
  ],
};

let t: TestApp;
let curatorId: string;
beforeAll(async () => {
  t = await buildTestApp();
  curatorId = (await createOrganization(t.db, { name: "Curators", kind: "union" })).id;
  await loadLibrary(t.db, curatorId, library);
});
afterAll(() => t.close());

const search = async (query: string) => {
  const response = await t.app.inject({ method: "GET", url: `/api/v1/agreements?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const ids = (body: { results: { id: string }[] }) => body.results.map((r) => r.id).sort();

describe("[AGREEMENTS] search", () => {
  it("lists the whole library without a query, with facets", async () => {
    const body = await search("");
    expect(body.total).toBe(3);
    expect(body.facets.countries).toEqual(
      expect.arrayContaining([
        { value: "DE", count: 1 },
        { value: "ES", count: 1 },
      ]),
    );
    expect(body.facets.codes).toEqual(expect.arrayContaining([{ value: "AI.NOTICE", count: 2 }]));
  });

  it("stems in each clause's own language", async () => {
    expect(ids(await search("q=consentimientos"))).toEqual(["es-cine-2024"]);
    expect(ids(await search("q=Arbeitszeiten"))).toEqual(["de-film-2025"]);
    expect(ids(await search("q=consenting"))).toEqual(["us-tv-2023"]);
  });

  it("marks the matched words in plain-text snippet parts, never HTML", async () => {
    const body = await search("q=consentimiento");
    const parts = body.results[0].snippets[0].parts;
    expect(parts.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text)).toEqual([
      "consentimiento",
    ]);
    expect(JSON.stringify(body)).not.toContain("<b>");
  });

  it("filters by country, sector, coverage, date in force and coded value ranges", async () => {
    expect(ids(await search("country=de"))).toEqual(["de-film-2025"]);
    expect(ids(await search("sector=streaming"))).toEqual(["us-tv-2023"]);
    expect(ids(await search("covers=freelancers"))).toEqual(["de-film-2025"]);
    expect(ids(await search("inForceOn=2024-06-01"))).toEqual(["es-cine-2024", "us-tv-2023"]);
    expect(ids(await search("inForceOn=2027-01-01"))).toEqual(["de-film-2025"]);
    expect(ids(await search("code=AI.NOTICE&max=48"))).toEqual(["es-cine-2024"]);
    expect(ids(await search("code=PAY.MIN&min=1000"))).toEqual(["de-film-2025"]);
  });

  it("paginates and refuses bad filters with the field named", async () => {
    const first = await search("pageSize=2&page=1");
    const second = await search("pageSize=2&page=2");
    expect(first.results).toHaveLength(2);
    expect(second.results).toHaveLength(1);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/agreements?country=Germany&pageSize=500" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["querystring.country", "querystring.pageSize"]);
  });
});

describe("[AGREEMENTS] reading", () => {
  it("returns an agreement with its clauses and findings as loaded", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/agreements/de-film-2025" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.clauses.map((c: { id: string }) => c.id)).toEqual(["arbeitszeit", "gage"]);
    expect(body.clauses[1].findings[0].value).toEqual({
      kind: "money",
      amount: "1050.00",
      currency: "EUR",
      per: { quantity: 1, unit: "day" },
    });
  });

  it("answers not found for an unknown agreement and the taxonomy with its labels", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/agreements/nope" })).statusCode).toBe(404);
    const taxonomyBody = (await t.app.inject({ method: "GET", url: "/api/v1/agreements/taxonomy" })).json();
    expect(taxonomyBody.version).toBe("2026.1");
    expect(taxonomyBody.codes.map((c: { code: string }) => c.code)).toEqual(["AI.NOTICE", "PAY.MIN", "WT.DAY_MAX"]);
  });

  it("replaces an agreement's clauses when it is loaded again", async () => {
    const [first] = library.agreements;
    if (!first) throw new Error("fixture");
    await loadLibrary(t.db, curatorId, { ...library, agreements: [{ ...first, clauses: [] }] });
    const body = (await t.app.inject({ method: "GET", url: "/api/v1/agreements/es-cine-2024" })).json();
    expect(body.clauses).toEqual([]);
    expect(ids(await search("q=consentimiento"))).toEqual([]);
  });
});
