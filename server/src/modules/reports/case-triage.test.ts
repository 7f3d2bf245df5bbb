import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addSignedInPerson,
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { createReaderKeysIfMissing } from "../identity/index.ts";

let t: TestApp;
let orgs: TestOrganizations;
let officer: SignedIn;
let base: string;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  await createReaderKeysIfMissing(t.db, orgs.people.officer.userId, TEST_PASSWORD);
  officer = await signIn(t, orgs.people.officer);
  base = `/api/v1/organizations/${orgs.organizationId}/reports`;
});
afterAll(() => t.close());

async function fileReport(description = "Twelve rehearsal hours a week were never paid since September.") {
  t.clock.advance(1_000);
  const filed = await t.app.inject({
    method: "POST",
    url: "/api/v1/reports",
    payload: {
      kind: "violation",
      category: "unpaid_overtime",
      organizationId: orgs.organizationId,
      workplace: { name: "Teatro Real rehearsals", address: "Plaza de Isabel II 7", city: "Madrid", country: "ES" },
      description,
      contact: null,
      language: "es",
    },
  });
  expect(filed.statusCode).toBe(201);
  const [newest] = (await t.app.inject({ method: "GET", url: base, headers: officer.headers })).json();
  return { receipt: filed.json().receipt as string, reportId: newest.id as string };
}

const call = (method: "GET" | "POST" | "PUT", url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe("case deadlines and retention per organization", () => {
  it("start at the EU directive's 7 days and 3 months; officers and admins change them for new cases only", async () => {
    const admin = await signIn(t, orgs.people.admin);
    const settings = `${base}/settings`;
    expect((await call("GET", settings, admin.headers)).json()).toEqual({
      acknowledgeDays: 7,
      feedbackMonths: 3,
      retentionDays: null,
    });
    const before = await fileReport();

    const changed = await call("PUT", settings, admin.headers, {
      acknowledgeDays: 14,
      feedbackMonths: 2,
      retentionDays: 90,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ acknowledgeDays: 14, feedbackMonths: 2, retentionDays: 90 });
    const after = await fileReport();
    const received = t.clock.now().getTime();
    const opened = (id: string) => call("GET", `${base}/${id}`, officer.headers).then((r) => r.json());
    expect(new Date((await opened(after.reportId)).acknowledgeBy).getTime() - received).toBe(14 * 86_400_000);
    expect(new Date((await opened(before.reportId)).acknowledgeBy).getTime()).toBeLessThan(received + 8 * 86_400_000);

    const invalid = await call("PUT", settings, admin.headers, {
      acknowledgeDays: 0,
      feedbackMonths: 3,
      retentionDays: 5,
    });
    expect(invalid.statusCode).toBe(400);
    const member = await signIn(t, orgs.people.member);
    expect(
      (await call("PUT", settings, member.headers, { acknowledgeDays: 1, feedbackMonths: 1, retentionDays: null }))
        .statusCode,
    ).toBe(403);
    await call("PUT", settings, admin.headers, { acknowledgeDays: 7, feedbackMonths: 3, retentionDays: null });
  });
});

describe("case triage", () => {
  it("assigns a case to an officer who can open it, and filters the queue by assignee", async () => {
    const { reportId } = await fileReport();
    const assigned = await call("POST", `${base}/${reportId}/assign`, officer.headers, {
      userId: orgs.people.officer.userId,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ id: reportId, assignedTo: orgs.people.officer.userId });
    const mine = (await call("GET", `${base}?assigned=me`, officer.headers)).json();
    expect(mine.map((c: { id: string }) => c.id)).toContain(reportId);
    const nobody = (await call("GET", `${base}?assigned=nobody`, officer.headers)).json();
    expect(nobody.map((c: { id: string }) => c.id)).not.toContain(reportId);

    const newcomer = await addSignedInPerson(t, orgs.organizationId, {
      email: "second-officer@test.guildhall.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    });
    const cannotOpen = await call("POST", `${base}/${reportId}/assign`, officer.headers, { userId: newcomer.userId });
    expect(cannotOpen.statusCode).toBe(409);
    const notOfficer = await call("POST", `${base}/${reportId}/assign`, officer.headers, {
      userId: orgs.people.member.userId,
    });
    expect(notOfficer.statusCode).toBe(400);
    await call("POST", `${base}/share`, officer.headers, { userId: newcomer.userId });
    const nowShared = await call("POST", `${base}/${reportId}/assign`, officer.headers, { userId: newcomer.userId });
    expect(nowShared.json().assignedTo).toBe(newcomer.userId);
    const officers = (await call("GET", `${base}/officers`, officer.headers)).json();
    expect(officers).toEqual(
      expect.arrayContaining([{ userId: newcomer.userId, displayName: "second-officer", hasKey: true }]),
    );
    const unassigned = await call("POST", `${base}/${reportId}/assign`, officer.headers, { userId: null });
    expect(unassigned.json().assignedTo).toBeNull();
  });

  it("labels a case with short tags, filters by label, and refuses markup", async () => {
    const { reportId } = await fileReport();
    const labelled = await call("PUT", `${base}/${reportId}/labels`, officer.headers, {
      labels: ["urgent", "Noche cerrada", "urgent"],
    });
    expect(labelled.json().labels).toEqual(["Noche cerrada", "urgent"]);
    const urgent = (await call("GET", `${base}?label=urgent`, officer.headers)).json();
    expect(urgent.map((c: { id: string }) => c.id)).toEqual([reportId]);
    const markup = await call("PUT", `${base}/${reportId}/labels`, officer.headers, { labels: ["<b>x</b>"] });
    expect(markup.statusCode).toBe(400);
    const tooMany = await call("PUT", `${base}/${reportId}/labels`, officer.headers, {
      labels: Array.from({ length: 11 }, (_, i) => `l${i}`),
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it("keeps internal notes encrypted, shown to officers with their author and never to the reporter", async () => {
    const { receipt, reportId } = await fileReport();
    const note = "NOTE-MARKER-77c1: the stage manager confirmed the hours.";
    expect((await call("POST", `${base}/${reportId}/notes`, officer.headers, { text: note })).statusCode).toBe(204);
    const view = (await call("GET", `${base}/${reportId}`, officer.headers)).json();
    expect(view.notes).toEqual([
      {
        authorUserId: orgs.people.officer.userId,
        authorName: "Test officer",
        at: t.clock.now().toISOString(),
        text: note,
      },
    ]);
    const reporter = await t.app.inject({ method: "POST", url: "/api/v1/reports/follow-up", payload: { receipt } });
    expect(reporter.body).not.toContain("NOTE-MARKER-77c1");
    const stored = await t.db.selectFrom("report_notes").select("content").execute();
    expect(stored.some((row) => Buffer.from(row.content).includes("NOTE-MARKER-77c1"))).toBe(false);
  });

  it("counts cases due soon and overdue for the in-app reminder, and marks them in the queue", async () => {
    const reminders = async () => {
      const response = await call("GET", `${base}/reminders`, officer.headers);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const start = await reminders();
    const { reportId } = await fileReport();
    t.clock.advance(6 * 86_400_000);
    officer = await signIn(t, orgs.people.officer);
    const soon = await reminders();
    expect(soon.dueSoon).toBeGreaterThan(start.dueSoon);
    const queued = (await call("GET", base, officer.headers)).json().find((c: { id: string }) => c.id === reportId);
    expect(queued).toMatchObject({ dueSoon: "acknowledge", overdue: null });
    t.clock.advance(2 * 86_400_000);
    officer = await signIn(t, orgs.people.officer);
    const late = await reminders();
    expect(late.overdueAcknowledge).toBeGreaterThan(start.overdueAcknowledge);
    const member = await signIn(t, orgs.people.member);
    expect((await call("GET", `${base}/reminders`, member.headers)).statusCode).toBe(403);
  });
});
