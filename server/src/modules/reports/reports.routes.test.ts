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
import { concat, id3v2Tag, mpegFrames, pngWithMetadata, TEXT_AUTHOR } from "../../platform/files/fixtures/build.ts";
import { createOrganization, createReaderKeysIfMissing, grantRole, officerReaderKeys } from "../identity/index.ts";
import { logSize, readLogEntries } from "../transparency/index.ts";

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

describe("reports API, officers' side", () => {
  async function fileReport(): Promise<{ receipt: string; reportId: string }> {
    const ids = async () => new Set((await t.db.selectFrom("reports").select("id").execute()).map((r) => r.id));
    const before = await ids();
    const filed = await t.app.inject({ method: "POST", url: "/api/v1/reports", payload: report(orgs.organizationId) });
    const { receipt } = filed.json() as { receipt: string };
    const added = [...(await ids())].filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    return { receipt, reportId: added[0] as string };
  }

  it("lets an officer read a case, write to the reporter, acknowledge and resolve it, each step recorded", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const { receipt, reportId } = await fileReport();
    const base = `/api/v1/organizations/${orgs.organizationId}/reports`;

    const queue = await t.app.inject({ method: "GET", url: base, headers: officer.headers });
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toContainEqual(expect.objectContaining({ id: reportId, status: "new", overdue: null }));
    expect(queue.body).not.toContain("Twelve rehearsal hours");

    const opened = await t.app.inject({ method: "GET", url: `${base}/${reportId}`, headers: officer.headers });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ id: reportId, content: { description: report("").description } });

    const reply = await t.app.inject({
      method: "POST",
      url: `${base}/${reportId}/messages`,
      headers: officer.headers,
      payload: { text: "Thank you. Which weeks were not paid?" },
    });
    expect(reply.statusCode).toBe(204);
    const acknowledged = await t.app.inject({
      method: "POST",
      url: `${base}/${reportId}/acknowledge`,
      headers: officer.headers,
    });
    expect(acknowledged.json()).toMatchObject({ status: "acknowledged", acknowledgedAt: t.clock.now().toISOString() });
    const again = await t.app.inject({
      method: "POST",
      url: `${base}/${reportId}/acknowledge`,
      headers: officer.headers,
    });
    expect(again.statusCode).toBe(409);

    const noOutcome = await t.app.inject({
      method: "POST",
      url: `${base}/${reportId}/status`,
      headers: officer.headers,
      payload: { status: "resolved" },
    });
    expect(noOutcome.statusCode).toBe(400);
    const resolved = await t.app.inject({
      method: "POST",
      url: `${base}/${reportId}/status`,
      headers: officer.headers,
      payload: { status: "resolved", outcome: "substantiated" },
    });
    expect(resolved.json()).toMatchObject({ status: "resolved", outcome: "substantiated" });

    const followUp = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(followUp.json()).toMatchObject({
      status: "resolved",
      outcome: "substantiated",
      messages: [{ author: "officer", text: "Thank you. Which weeks were not paid?" }],
    });

    const events = await t.db
      .selectFrom("report_events")
      .select(["action", "user_id"])
      .where("report_id", "=", reportId)
      .orderBy("id")
      .execute();
    const officerId = orgs.people.officer.userId;
    expect(events).toEqual([
      { action: "received", user_id: null },
      { action: "viewed", user_id: officerId },
      { action: "officer_message", user_id: officerId },
      { action: "acknowledged", user_id: officerId },
      { action: "status:resolved", user_id: officerId },
    ]);
  });

  it("marks cases whose deadline passed", async () => {
    const { reportId } = await fileReport();
    t.clock.advance(8 * 24 * 3_600_000);
    const officer = await signIn(t, orgs.people.officer);
    const queue = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.organizationId}/reports`,
      headers: officer.headers,
    });
    expect(queue.json()).toContainEqual(expect.objectContaining({ id: reportId, overdue: "acknowledge" }));
  });

  it("keeps cases from other roles and organizations, and from officers the case was not sealed to", async () => {
    const { reportId } = await fileReport();
    const url = `/api/v1/organizations/${orgs.organizationId}/reports/${reportId}`;
    for (const [person, status] of [
      [orgs.people.member, 403],
      [orgs.people.admin, 403],
      [orgs.outsiderAdmin, 404],
    ] as const) {
      const session = await signIn(t, person);
      const response = await t.app.inject({ method: "GET", url, headers: session.headers });
      expect(response.statusCode, person.email).toBe(status);
      expect(response.body).not.toContain("Twelve rehearsal hours");
    }

    // A new officer gets reader keys (and the recovery code, once) at first sign-in, but not older cases.
    const newcomer = await addSignedInPerson(t, orgs.organizationId, {
      email: "new.officer@test.guildhall.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ",
    });
    const keyHolders = (await officerReaderKeys(t.db, orgs.organizationId)).map((k) => k.userId);
    expect(keyHolders).toContain(newcomer.userId);
    const notShared = await t.app.inject({ method: "GET", url, headers: newcomer.session.headers });
    expect(notShared.statusCode).toBe(403);
    expect(notShared.json().error.message).toMatch(/not shared with you/);
    const { reportId: later } = await fileReport();
    const shared = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.organizationId}/reports/${later}`,
      headers: newcomer.session.headers,
    });
    expect(shared.statusCode).toBe(200);
  });

  it("shows the recovery code in the answer to the sign-in that made the keys, and never again", async () => {
    await grantRole(t.db, orgs.organizationId, {
      email: "second.officer@test.guildhall.test",
      displayName: "Second officer",
      role: "officer",
      password: TEST_PASSWORD,
    });
    const signInOnce = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email: "second.officer@test.guildhall.test", password: TEST_PASSWORD },
      });
    const first = await signInOnce();
    expect(first.statusCode).toBe(200);
    expect(first.json().recoveryCode).toMatch(/^\d{5}( \d{5}){4}$/);
    const second = await signInOnce();
    expect(second.json().recoveryCode).toBeUndefined();
  });
  it("shares cases with an officer who had none, and refuses to share with anyone else", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const { reportId } = await fileReport();
    const colleague = await addSignedInPerson(t, orgs.organizationId, {
      email: "colleague@test.guildhall.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXR",
    });
    const url = `/api/v1/organizations/${orgs.organizationId}/reports`;
    expect(
      (await t.app.inject({ method: "GET", url: `${url}/${reportId}`, headers: colleague.session.headers })).statusCode,
    ).toBe(403);

    const share = (userId: string) =>
      t.app.inject({ method: "POST", url: `${url}/share`, headers: officer.headers, payload: { userId } });
    const shared = await share(colleague.userId);
    expect(shared.statusCode).toBe(200);
    expect(shared.json().shared).toBeGreaterThanOrEqual(1);
    expect((await share(colleague.userId)).json()).toEqual({ shared: 0 });
    const opened = await t.app.inject({ method: "GET", url: `${url}/${reportId}`, headers: colleague.session.headers });
    expect(opened.statusCode).toBe(200);
    expect((await share(orgs.people.member.userId)).statusCode).toBe(400);
  });

  it("refers a case to another receiving organization, whose officers alone can then read it", async () => {
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
    const from = `/api/v1/organizations/${orgs.organizationId}/reports/${reportId}`;
    const toProducer = await t.app.inject({
      method: "POST",
      url: `${from}/refer`,
      headers: officer.headers,
      payload: { organizationId: orgs.otherOrganizationId },
    });
    expect(toProducer.statusCode).toBe(400);

    const referred = await t.app.inject({
      method: "POST",
      url: `${from}/refer`,
      headers: officer.headers,
      payload: { organizationId: inspectorate.id },
    });
    expect(referred.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: from, headers: officer.headers })).statusCode).toBe(404);
    const seals = await t.db
      .selectFrom("report_key_seals")
      .select("user_id")
      .where("report_id", "=", reportId)
      .execute();
    expect(seals.map((s) => s.user_id)).toEqual([inspector.userId]);

    const there = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${inspectorate.id}/reports/${reportId}`,
      headers: inspector.session.headers,
    });
    expect(there.statusCode).toBe(200);
    expect(there.json()).toMatchObject({ status: "new", content: { category: "unpaid_overtime" } });
    const followUp = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(followUp.json()).toMatchObject({ organizationName: "Labour Inspectorate", status: "new" });
  });

  it("deletes only closed cases, and with them every copy of the key: the receipt opens nothing", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const { receipt, reportId } = await fileReport();
    const url = `/api/v1/organizations/${orgs.organizationId}/reports/${reportId}`;
    expect((await t.app.inject({ method: "DELETE", url, headers: officer.headers })).statusCode).toBe(409);
    await t.app.inject({
      method: "POST",
      url: `${url}/status`,
      headers: officer.headers,
      payload: { status: "closed", outcome: "withdrawn" },
    });
    expect((await t.app.inject({ method: "DELETE", url, headers: officer.headers })).statusCode).toBe(204);
    expect(
      await t.db.selectFrom("report_key_seals").select("user_id").where("report_id", "=", reportId).execute(),
    ).toEqual([]);
    const followUp = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(followUp.statusCode).toBe(401);
    const deleted = await t.db
      .selectFrom("report_events")
      .select(["report_id", "user_id"])
      .where("action", "=", "deleted")
      .execute();
    expect(deleted).toContainEqual({ report_id: null, user_id: orgs.people.officer.userId });
  });
});

describe("reports and the transparency log", () => {
  it("logs each status change of a case under a commitment, with nothing the reporter wrote", async () => {
    const start = await logSize(t.db);
    const officer = await signIn(t, orgs.people.officer);
    t.clock.advance(1_000);
    const filed = await t.app.inject({ method: "POST", url: "/api/v1/reports", payload: report(orgs.organizationId) });
    expect(filed.statusCode).toBe(201);
    const base = `/api/v1/organizations/${orgs.organizationId}/reports`;
    const [newest] = (await t.app.inject({ method: "GET", url: base, headers: officer.headers })).json();
    await t.app.inject({ method: "POST", url: `${base}/${newest.id}/acknowledge`, headers: officer.headers });
    await t.app.inject({
      method: "POST",
      url: `${base}/${newest.id}/status`,
      headers: officer.headers,
      payload: { status: "closed", outcome: "withdrawn" },
    });
    await t.app.inject({ method: "DELETE", url: `${base}/${newest.id}`, headers: officer.headers });

    const entries = await readLogEntries(t.db, start, start + 100);
    const parsed = entries.map((e) => JSON.parse(e.json));
    expect(parsed.map((e) => [e.kind, e.status ?? e.reason, e.outcome ?? null])).toEqual([
      ["report.status", "new", null],
      ["report.status", "acknowledged", null],
      ["report.status", "closed", "withdrawn"],
      ["report.removed", "deleted", null],
    ]);
    expect(new Set(parsed.map((e) => e.report)).size).toBe(1);
    expect(parsed[0].report).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parsed.every((e) => e.organization === orgs.organizationId)).toBe(true);
    const text = entries.map((e) => e.json).join("\n");
    expect(text).not.toContain(newest.id);
    expect(text).not.toContain("rehearsal");
  });
});

describe("reports API, attachments", () => {
  const upload = async (url: string, fields: Record<string, string>, files: Parameters<typeof multipartForm>[1]) =>
    t.app.inject({ method: "POST", url, ...(await multipartForm(fields, files)) });

  it("files a report with files, cleaned unless kept, which only the officers can download", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const png = pngWithMetadata();
    const song = concat(id3v2Tag("Recorded-by-Jo-7f1"), mpegFrames(4));
    const filed = await upload("/api/v1/reports/with-files", { report: JSON.stringify(report(orgs.organizationId)) }, [
      { field: "attachments", name: "../../etc/set.png", bytes: png, type: "text/plain" },
      { field: "attachments", name: "voice.mp3", bytes: song },
    ]);
    expect(filed.statusCode).toBe(201);
    const { receipt, attachments } = filed.json();
    expect(attachments).toMatchObject([
      { name: "set.png", mediaType: "image/png", metadata: "removed", size: expect.any(Number) },
      { name: "voice.mp3", mediaType: "audio/mpeg", metadata: "removed" },
    ]);

    const kept = await upload(
      "/api/v1/reports/follow-up/messages/with-files",
      { receipt, text: "The original photo, with its location.", keepMetadata: "true" },
      [{ field: "attachments", name: "original.png", bytes: png }],
    );
    expect(kept.statusCode).toBe(201);
    expect(kept.json().attachments).toMatchObject([{ name: "original.png", metadata: "kept", size: png.length }]);

    const view = (
      await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } })
    ).json();
    expect(view.attachments.map((a: { name: string }) => a.name)).toEqual(["set.png", "voice.mp3", "original.png"]);
    const reportId = (
      await t.db
        .selectFrom("report_attachments")
        .select("report_id")
        .where("id", "=", attachments[0].id)
        .executeTakeFirstOrThrow()
    ).report_id;
    const url = (id: string) => `/api/v1/organizations/${orgs.organizationId}/reports/${reportId}/attachments/${id}`;
    const cleaned = await t.app.inject({ method: "GET", url: url(attachments[0].id), headers: officer.headers });
    expect(cleaned.statusCode).toBe(200);
    expect(cleaned.headers["content-type"]).toBe("image/png");
    expect(cleaned.rawPayload.includes(TEXT_AUTHOR)).toBe(false);
    const original = await t.app.inject({ method: "GET", url: url(view.attachments[2].id), headers: officer.headers });
    expect(original.rawPayload.includes(TEXT_AUTHOR)).toBe(true);
    const audio = await t.app.inject({ method: "GET", url: url(attachments[1].id), headers: officer.headers });
    expect(audio.rawPayload.includes("Recorded-by-Jo-7f1")).toBe(false);

    const member = await signIn(t, orgs.people.member);
    const refused = await t.app.inject({ method: "GET", url: url(attachments[0].id), headers: member.headers });
    expect(refused.statusCode).toBe(403);
    const events = await t.db.selectFrom("report_events").select("action").where("report_id", "=", reportId).execute();
    expect(events.filter((e) => e.action === "attachment_viewed")).toHaveLength(3);
  });

  it("refuses files of other types, too large, too many, and a report that is not valid, storing nothing", async () => {
    const count = async () => (await t.db.selectFrom("report_attachments").select("id").execute()).length;
    const before = await count();
    const valid = { report: JSON.stringify(report(orgs.organizationId)) };
    const html = await upload("/api/v1/reports/with-files", valid, [
      {
        field: "attachments",
        name: "photo.jpg",
        bytes: new TextEncoder().encode("<html><script>x</script>"),
        type: "image/jpeg",
      },
    ]);
    expect(html.statusCode).toBe(400);
    expect(html.json().error.fields[0].path).toBe("attachments.0");

    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    const tooLarge = await upload("/api/v1/reports/with-files", valid, [
      { field: "attachments", name: "big.png", bytes: huge },
    ]);
    expect(tooLarge.statusCode).toBe(413);

    const png = pngWithMetadata();
    const six = Array.from({ length: 6 }, (_, i) => ({ field: "attachments", name: `${i}.png`, bytes: png }));
    expect((await upload("/api/v1/reports/with-files", valid, six)).statusCode).toBe(400);

    const broken = await upload("/api/v1/reports/with-files", { report: "{not json" }, []);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe("validation_failed");
    const vague = await upload(
      "/api/v1/reports/with-files",
      { report: JSON.stringify(report(orgs.organizationId, { description: "short" })) },
      [{ field: "attachments", name: "ok.png", bytes: png }],
    );
    expect(vague.json().error.fields.map((f: { path: string }) => f.path)).toContain("body.report.description");
    expect(await count()).toBe(before);
  });
});
