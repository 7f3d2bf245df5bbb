import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedPeople, TEST_PASSWORD, type TestApp, type TestOrganizations } from "../../../test/app.ts";
import { createReaderKeysIfMissing } from "../identity/index.ts";

let t: TestApp;
let orgs: TestOrganizations;

function report(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: "violation",
    category: "unpaid_overtime",
    organizationId,
    sector: "theatre_dance",
    workplace: { name: "Teatro Real rehearsals", address: "Plaza de Isabel II 7", city: "Madrid", country: "ES" },
    description: "Twelve rehearsal hours a week were never paid since September.",
    contact: null,
    language: "es",
    ...overrides,
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  await createReaderKeysIfMissing(t.db, orgs.people.officer.userId, TEST_PASSWORD);
});
afterAll(() => t.close());

describe("reports API, reporter's side", () => {
  it("lists the organizations that can receive reports", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/reports/receivers?country=es" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ id: orgs.organizationId, name: "Test Union", kind: "union", country: "ES" }]);
    const none = await t.app.inject({ method: "GET", url: "/api/v1/reports/receivers?country=FR" });
    expect(none.json()).toEqual([]);
  });

  it("files a report and answers with the receipt once; the receipt alone follows it up and adds messages", async () => {
    const filed = await t.app.inject({ method: "POST", url: "/api/v1/reports", payload: report(orgs.organizationId) });
    expect(filed.statusCode).toBe(201);
    expect(filed.headers["cache-control"]).toBe("no-store");
    const { receipt } = filed.json() as { receipt: string };
    expect(receipt).toMatch(/^\d{5}( \d{5}){4}$/);

    const answered = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports/follow-up/messages",
      payload: { receipt, text: "The production is at the theatre every weekday." },
    });
    expect(answered.statusCode).toBe(204);

    const followUp = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.headers["cache-control"]).toBe("no-store");
    expect(followUp.json()).toMatchObject({
      status: "new",
      organizationName: "Test Union",
      content: { kind: "violation", category: "unpaid_overtime", workplace: { city: "Madrid" } },
      messages: [{ author: "reporter", text: "The production is at the theatre every weekday." }],
    });
  });

  it("answers every wrong receipt the same way", async () => {
    const bodies = [];
    for (const receipt of ["11111 22222 33333 44444 55555", "not a receipt", "1"]) {
      const response = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
      expect(response.statusCode).toBe(401);
      bodies.push(response.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] as string)).toEqual({
      error: { code: "invalid_receipt", message: "This receipt does not match a report." },
    });
  });

  it("refuses bad input with the field named, other organizations, and cross-site posts, storing nothing", async () => {
    const count = async () => (await t.db.selectFrom("reports").select("id").execute()).length;
    const before = await count();
    const vague = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      payload: report(orgs.organizationId, {
        workplace: { name: "Somewhere", address: "Madrid", city: "Madrid", country: "ES" },
      }),
    });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().error.fields.map((f: { path: string }) => f.path)).toContain("body.workplace.address");

    const tooLong = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      payload: report(orgs.organizationId, { description: "x".repeat(10_001) }),
    });
    expect(tooLong.statusCode).toBe(400);

    const producer = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      payload: report(orgs.otherOrganizationId),
    });
    expect(producer.statusCode).toBe(400);
    expect(producer.json().error.fields).toEqual([
      { path: "body.organizationId", message: "Does not receive reports" },
    ]);

    const crossSite = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports",
      headers: { "sec-fetch-site": "cross-site" },
      payload: report(orgs.organizationId),
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });
});
