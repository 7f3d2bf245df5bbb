import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryFileSchema } from "../../../../common/agreements-import.ts";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { createOrganization } from "../identity/index.ts";
import { DEMO_LIBRARY, importLibraryFile, loadLibrary } from "./index.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const union = await createOrganization(t.db, { name: "Curators", kind: "union" });
  await loadLibrary(t.db, union.id, DEMO_LIBRARY);
});
afterAll(() => t.close());

const get = async (url: string) => {
  const response = await t.app.inject({ method: "GET", url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe("[AGREEMENTS] the shipped library", () => {
  it("loads every agreement and every taxonomy code", async () => {
    expect((await get("/api/v1/agreements?pageSize=1")).total).toBe(DEMO_LIBRARY.agreements.length);
    expect((await get("/api/v1/agreements/taxonomy")).codes).toHaveLength(DEMO_LIBRARY.taxonomy.codes.length);
  });

  it("answers the negotiator's question: who requires notice before a digital replica, and how much", async () => {
    const body = await get("/api/v1/agreements?code=AI.NOTICE&max=48");
    expect(body.results.map((r: { id: string }) => r.id)).toContain("us-sag-aftra-tv-theatrical-2023");
    for (const result of body.results) {
      const agreement = await get(`/api/v1/agreements/${result.id}`);
      const notices = agreement.clauses
        .flatMap((c: { findings: { code: string; value: { kind: string; value: string } | null }[] }) => c.findings)
        .filter((f: { code: string }) => f.code === "AI.NOTICE");
      expect(notices.length).toBeGreaterThan(0);
    }
  });

  it("round-trips an agreement exactly as shipped", async () => {
    const shipped = DEMO_LIBRARY.agreements.find((a) => a.id === "us-sag-aftra-tv-theatrical-2023");
    const { baselines: _baselines, log, ...served } = await get("/api/v1/agreements/us-sag-aftra-tv-theatrical-2023");
    expect(served).toEqual(JSON.parse(JSON.stringify(shipped)));
    expect(log).toEqual({ index: expect.any(Number), bundle: `/api/v1/log/bundle?index=${log.index}` });
  });
});

describe("[AGREEMENTS] compare and export", () => {
  const findingCount = DEMO_LIBRARY.agreements.flatMap((a) => a.clauses.flatMap((c) => c.findings)).length;

  it("builds the AI provisions view over every agreement, each cell backed by evidence", async () => {
    const body = await get("/api/v1/agreements/compare?families=AI,JOB,ALGO,PART");
    expect(body.agreements).toHaveLength(DEMO_LIBRARY.agreements.length);
    expect(body.codes.every((code: string) => /^(AI|JOB|ALGO|PART)\./.test(code))).toBe(true);
    const expected = DEMO_LIBRARY.agreements.flatMap((a) =>
      a.clauses.flatMap((c) => c.findings.filter((f) => /^(AI|JOB|ALGO|PART)\./.test(f.code))),
    ).length;
    const served = body.cells.flatMap((cell: { findings: { evidence: unknown[] }[] }) => cell.findings);
    expect(served).toHaveLength(expected);
    expect(served.every((f: { evidence: unknown[] }) => f.evidence.length > 0)).toBe(true);
  });

  it("compares chosen agreements on chosen codes, as JSON and as CSV", async () => {
    const url =
      "/api/v1/agreements/compare?ids=us-sag-aftra-tv-theatrical-2023,ca-actra-ipa-2025&codes=AI.NOTICE,WT.DAY_MAX";
    const body = await get(url);
    expect(body.agreements.map((a: { id: string }) => a.id).sort()).toEqual([
      "ca-actra-ipa-2025",
      "us-sag-aftra-tv-theatrical-2023",
    ]);
    expect(body.cells.filter((c: { code: string }) => c.code === "AI.NOTICE")).toHaveLength(2);
    const csv = await t.app.inject({ method: "GET", url: url.replace("compare?", "compare.csv?") });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1)).toEqual(["AI.NOTICE,PT48H,PT48H", "WT.DAY_MAX,,"]);
  });

  it("says which agreement it does not know, and asks for codes", async () => {
    const unknown = await t.app.inject({ method: "GET", url: "/api/v1/agreements/compare?ids=nope&codes=AI.NOTICE" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("nope");
    const noCodes = await t.app.inject({ method: "GET", url: "/api/v1/agreements/compare" });
    expect(noCodes.json().error.fields[0].path).toBe("querystring.codes");
  });

  it("exports one CSV row per finding", async () => {
    const csv = await t.app.inject({ method: "GET", url: "/api/v1/agreements/export?format=csv" });
    expect(csv.body.trim().split("\r\n")).toHaveLength(findingCount + 1);
  });

  it("exports JSON that the bulk import loads into an empty database as the same library", async () => {
    const exported = await get("/api/v1/agreements/export");
    const copy = await buildTestApp();
    try {
      const union = await createOrganization(copy.db, { name: "Copy", kind: "union" });
      await importLibraryFile(copy.db, union.id, libraryFileSchema.parse(exported));
      const again = await copy.app.inject({ method: "GET", url: "/api/v1/agreements/export" });
      expect(JSON.parse(again.body)).toEqual(exported);
    } finally {
      await copy.close();
    }
  });
});
