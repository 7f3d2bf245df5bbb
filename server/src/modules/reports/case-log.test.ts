import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addSignedInPerson,
  buildTestApp,
  seedPeople,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { multipartForm } from "../../../test/documents.ts";
import { createOrganization, createReaderKeysIfMissing } from "../identity/index.ts";
import { checkProofBundle, ensureLogKey, readLogEntries, signNewCheckpoint } from "../transparency/index.ts";

let t: TestApp;
let orgs: TestOrganizations;
let verifierKey: string;

const DESCRIPTION = "Twelve rehearsal hours a week were never paid since September.";

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  await createReaderKeysIfMissing(t.db, orgs.people.officer.userId, TEST_PASSWORD);
  const { origin } = (await t.app.inject({ method: "GET", url: "/api/v1/log/keys" })).json();
  verifierKey = await ensureLogKey(t.db, t.secretBox, origin, t.clock.now());
});
afterAll(() => t.close());

async function fileReport(): Promise<{ receipt: string; reportId: string }> {
  const filed = await t.app.inject({
    method: "POST",
    url: "/api/v1/reports",
    payload: {
      kind: "violation",
      category: "unpaid_overtime",
      organizationId: orgs.organizationId,
      workplace: { name: "Teatro Real rehearsals", address: "Plaza de Isabel II 7", city: "Madrid", country: "ES" },
      description: DESCRIPTION,
      contact: null,
      language: "es",
    },
  });
  expect(filed.statusCode).toBe(201);
  const { receipt } = filed.json() as { receipt: string };
  // The clock stands still; move it on so the next report is the newest one.
  t.clock.advance(1000);
  const newest = await t.db
    .selectFrom("reports")
    .select("id")
    .where("organization_id", "=", orgs.organizationId)
    .orderBy("received_at", "desc")
    .executeTakeFirstOrThrow();
  return { receipt, reportId: newest.id };
}

const caseUrl = (organizationId: string, reportId: string) =>
  `/api/v1/organizations/${organizationId}/reports/${reportId}`;
const bundleUrl = (index: number) => `/api/v1/log/bundle?index=${index}`;

/** The case's events, with the log entry each names (if any). */
async function eventsOf(reportId: string) {
  const rows = await t.db
    .selectFrom("report_events")
    .select(["action", "organization_id", "log_index"])
    .where("report_id", "=", reportId)
    .orderBy("id")
    .execute();
  return rows.map(({ action, organization_id, log_index }) => ({
    action,
    organization: organization_id,
    log: log_index === null ? null : Number(log_index),
  }));
}

describe("case answers and the transparency log", () => {
  it("a status change answers with its log entry, whose bundle checks once a checkpoint covers it", async () => {
    const officer = await signIn(t, orgs.people.officer);
    t.clock.advance(1_000);
    const { receipt, reportId } = await fileReport();
    const url = caseUrl(orgs.organizationId, reportId);
    const filed = (await t.app.inject({ method: "GET", url, headers: officer.headers })).json();
    expect(filed.log).toEqual({ index: expect.any(Number), bundle: bundleUrl(filed.log.index) });

    const acknowledged = await t.app.inject({ method: "POST", url: `${url}/acknowledge`, headers: officer.headers });
    expect(acknowledged.json().log.index).toBeGreaterThan(filed.log.index);
    const resolved = await t.app.inject({
      method: "POST",
      url: `${url}/status`,
      headers: officer.headers,
      payload: { status: "resolved", outcome: "substantiated" },
    });
    expect(resolved.statusCode).toBe(200);
    const { index } = resolved.json().log;
    expect(resolved.json().log).toEqual({ index, bundle: bundleUrl(index) });
    expect(index).toBeGreaterThan(acknowledged.json().log.index);

    const early = await t.app.inject({ method: "GET", url: `${url}?proof=bundle`, headers: officer.headers });
    expect(early.json().log).toEqual({ index, bundle: bundleUrl(index), proof: null });
    expect((await t.app.inject({ method: "GET", url: bundleUrl(index) })).statusCode).toBe(409);

    await signNewCheckpoint(t.db, t.secretBox, t.clock.now());
    const bundle = await t.app.inject({ method: "GET", url: bundleUrl(index) });
    expect(bundle.statusCode).toBe(200);
    await expect(checkProofBundle(bundle.body, verifierKey)).resolves.toMatchObject({ index });
    const entry = bundle.json().entry as string;
    expect(JSON.parse(entry)).toMatchObject({
      kind: "report.status",
      status: "resolved",
      outcome: "substantiated",
      organization: orgs.organizationId,
      report: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(entry).not.toContain(reportId);
    expect(entry).not.toContain("rehearsal");

    const inline = await t.app.inject({ method: "GET", url: `${url}?proof=bundle`, headers: officer.headers });
    expect(inline.json().log).toEqual({ index, bundle: bundleUrl(index), proof: bundle.json() });
    const plain = await t.app.inject({ method: "GET", url, headers: officer.headers });
    expect(plain.json().log).toEqual({ index, bundle: bundleUrl(index) });
    const refused = await t.app.inject({ method: "GET", url: `${url}?proof=all`, headers: officer.headers });
    expect(refused.statusCode).toBe(400);
    const queue = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.organizationId}/reports`,
      headers: officer.headers,
    });
    expect(queue.json().find((c: { id: string }) => c.id === reportId).log.index).toBe(index);

    const followUp = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(followUp.json()).toMatchObject({ status: "resolved", log: { index, bundle: bundleUrl(index) } });
    expect(followUp.json().log.proof).toBeUndefined();
    const withProof = await t.app.inject({
      method: "POST",
      url: "/api/v1/reports/follow-up?proof=bundle",
      payload: { receipt },
    });
    expect(withProof.json().log.proof).toEqual(bundle.json());

    const organization = orgs.organizationId;
    expect(await eventsOf(reportId)).toEqual([
      { action: "received", organization, log: filed.log.index },
      { action: "viewed", organization, log: null },
      { action: "acknowledged", organization, log: acknowledged.json().log.index },
      { action: "status:resolved", organization, log: index },
      ...Array(3).fill({ action: "viewed", organization, log: null }),
    ]);
  });

  it("shows the reporter the entry on the page without JavaScript, in their language", async () => {
    const { receipt, reportId } = await fileReport();
    const [received] = await eventsOf(reportId);
    const index = received?.log as number;
    const texts = { en: "entry", es: "entrada", fr: "l’entrée", de: "Eintrag" };
    for (const [lang, word] of Object.entries(texts)) {
      const page = await t.app.inject({
        method: "POST",
        url: "/report/follow-up",
        ...(await multipartForm({ lang, receipt })),
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`${word} ${index} `);
      expect(page.body).toContain('href="/transparency"');
      expect(page.body).not.toContain(`index=${index}`);
    }
  });

  it("records a referral's and a removal's entries on both organizations' events and the case's status", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const { receipt, reportId } = await fileReport();
    const inspectorate = await createOrganization(t.db, {
      name: "Labour Inspectorate",
      kind: "authority",
      country: "ES",
    });
    const inspector = await addSignedInPerson(t, inspectorate.id, {
      email: "inspector@test.guildhall.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXS",
    });
    const referred = await t.app.inject({
      method: "POST",
      url: `${caseUrl(orgs.organizationId, reportId)}/refer`,
      headers: officer.headers,
      payload: { organizationId: inspectorate.id },
    });
    expect(referred.statusCode).toBe(204);
    const events = await eventsOf(reportId);
    const referral = events.filter((e) => e.action.startsWith("referred_"));
    expect(referral.map((e) => e.organization)).toEqual([orgs.organizationId, inspectorate.id]);
    const index = referral[0]?.log as number;
    expect(referral[1]?.log).toBe(index);
    const [entry] = await readLogEntries(t.db, index, index + 1);
    expect(JSON.parse(entry?.json ?? "")).toMatchObject({
      kind: "report.referred",
      from: orgs.organizationId,
      to: inspectorate.id,
    });

    const there = caseUrl(inspectorate.id, reportId);
    const view = await t.app.inject({ method: "GET", url: there, headers: inspector.session.headers });
    expect(view.json()).toMatchObject({ status: "new", log: { index } });
    const followUp = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(followUp.json().log.index).toBe(index);

    const closed = await t.app.inject({
      method: "POST",
      url: `${there}/status`,
      headers: inspector.session.headers,
      payload: { status: "closed", outcome: "withdrawn" },
    });
    expect(closed.statusCode).toBe(200);
    const deleted = await t.app.inject({ method: "DELETE", url: there, headers: inspector.session.headers });
    expect(deleted.statusCode).toBe(204);
    const removal = await t.db
      .selectFrom("report_events")
      .select("log_index")
      .where("action", "=", "deleted")
      .where("organization_id", "=", inspectorate.id)
      .executeTakeFirstOrThrow();
    const removalIndex = Number(removal.log_index);
    const [removedEntry] = await readLogEntries(t.db, removalIndex, removalIndex + 1);
    expect(JSON.parse(removedEntry?.json ?? "")).toMatchObject({ kind: "report.removed", reason: "deleted" });
  });
});
