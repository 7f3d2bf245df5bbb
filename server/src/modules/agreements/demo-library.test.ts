import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { createOrganization } from "../identity/index.ts";
import { DEMO_LIBRARY, loadLibrary } from "./index.ts";

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
    const { baselines: _baselines, ...served } = await get("/api/v1/agreements/us-sag-aftra-tv-theatrical-2023");
    expect(served).toEqual(JSON.parse(JSON.stringify(shipped)));
  });
});
