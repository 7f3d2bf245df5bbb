import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agreement } from "../../../../common/agreements.ts";
import {
  addSignedInPerson,
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { createOrganization } from "../identity/index.ts";
import { readLogEntries } from "../transparency/index.ts";
import { DEMO_LIBRARY, loadLibrary } from "./index.ts";

let t: TestApp;
let orgs: TestOrganizations;
let officer: SignedIn;

const base = DEMO_LIBRARY.agreements.find((a) => a.id === "us-sag-aftra-tv-theatrical-2023") as Agreement;
const draft: Agreement = { ...base, id: "es-new-dubbing-2026", title: "Convenio de doblaje 2026", lineage: [] };

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  officer = await signIn(t, orgs.people.officer);
  await loadLibrary(t.db, orgs.organizationId, { ...DEMO_LIBRARY, agreements: [] });
});
afterAll(() => t.close());

const put = (agreement: Agreement, headers: Record<string, string>, id = agreement.id) =>
  t.app.inject({ method: "PUT", url: `/api/v1/agreements/${id}`, headers, payload: agreement });

describe("[AGREEMENTS] curation by union officers", () => {
  it("lets a union officer create, then update, an agreement and records who and when", async () => {
    const created = await put(draft, officer.headers);
    expect(created.statusCode, created.body).toBe(201);
    const search = (await t.app.inject({ method: "GET", url: "/api/v1/agreements?q=doblaje" })).json();
    expect(search.results.map((r: { id: string }) => r.id)).toEqual(["es-new-dubbing-2026"]);

    t.clock.advance(60_000);
    const updated = await put({ ...draft, title: "Convenio de doblaje 2026 (revisado)" }, officer.headers);
    expect(updated.statusCode).toBe(200);
    const changes = await t.db
      .selectFrom("agreement_changes")
      .selectAll()
      .where("agreement_id", "=", draft.id)
      .orderBy("id")
      .execute();
    expect(changes.map((c) => [c.action, c.user_id, c.organization_id])).toEqual([
      ["created", orgs.people.officer.userId, orgs.organizationId],
      ["updated", orgs.people.officer.userId, orgs.organizationId],
    ]);
    expect(changes[1]?.changed_at.getTime()).toBeGreaterThan(changes[0]?.changed_at.getTime() ?? 0);
    const history = (await t.app.inject({ method: "GET", url: `/api/v1/agreements/${draft.id}/changes` })).json();
    const log = { index: expect.any(Number), bundle: expect.any(String) };
    expect(history.changes).toEqual([
      { action: "updated", changedAt: changes[1]?.changed_at.toISOString(), organizationName: "Test Union", log },
      { action: "created", changedAt: changes[0]?.changed_at.toISOString(), organizationName: "Test Union", log },
    ]);
    expect(JSON.stringify(history)).not.toContain(orgs.people.officer.userId);

    const logged = (await readLogEntries(t.db, 0, 1000))
      .map((e) => JSON.parse(e.json))
      .filter((e) => e.kind === "agreement.saved" && e.agreement === draft.id);
    const revised = { ...draft, title: "Convenio de doblaje 2026 (revisado)" };
    const contentHash = `sha256:${createHash("sha256")
      .update(canonicalize(revised) as string)
      .digest("hex")}`;
    expect(logged.map((e) => [e.action, e.organization])).toEqual([
      ["created", orgs.organizationId],
      ["updated", orgs.organizationId],
    ]);
    expect(logged[1].content).toBe(contentHash);
    expect(JSON.stringify(logged)).not.toContain(orgs.people.officer.userId);
  });

  it("refuses members, anonymous callers and a mismatched id", async () => {
    const member = await signIn(t, orgs.people.member);
    expect((await put(draft, member.headers)).json().error.code).toBe("forbidden");
    expect((await put(draft, {})).json().error.code).toBe("unauthenticated");
    const mismatch = await put(draft, officer.headers, "another-id");
    expect(mismatch.json().error.fields).toEqual([{ path: "body.id", message: "Must equal the id in the address" }]);
  });

  it("keeps an agreement with the union that curates it", async () => {
    const otherUnion = await createOrganization(t.db, { name: "Other Union", kind: "union" });
    const { session } = await addSignedInPerson(t, otherUnion.id, {
      email: "rival@test.guildhall.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXC",
    });
    const response = await put({ ...draft, title: "Hijacked" }, session.headers);
    expect(response.statusCode).toBe(403);
    const exported = JSON.parse((await t.app.inject({ method: "GET", url: "/api/v1/agreements/export" })).body);
    const bulk = await t.app.inject({
      method: "POST",
      url: "/api/v1/agreements/library",
      headers: session.headers,
      payload: { ...exported, agreements: [{ ...draft, title: "Hijacked" }] },
    });
    expect(bulk.statusCode).toBe(403);
    expect(bulk.json().error.fields).toEqual([
      { path: "body.agreements.0.id", message: "Another union curates this agreement." },
    ]);
    const stored = (await t.app.inject({ method: "GET", url: `/api/v1/agreements/${draft.id}` })).json();
    expect(stored.title).toBe("Convenio de doblaje 2026 (revisado)");
  });

  it("refuses officers of organizations that are not unions", async () => {
    const studio = await createOrganization(t.db, { name: "Studio", kind: "producer" });
    const { session } = await addSignedInPerson(t, studio.id, {
      email: "studio-officer@test.guildhall.test",
      role: "officer",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXD",
    });
    expect((await put({ ...draft, id: "studio-deal" }, session.headers)).statusCode).toBe(403);
  });

  it("rejects a lineage link to an agreement that does not exist", async () => {
    const response = await put(
      {
        ...draft,
        id: "es-orphan",
        lineage: [
          { relation: "amends", agreementId: "missing-agreement", externalTitle: null, basis: "seen", note: null },
        ],
      },
      officer.headers,
    );
    expect(response.json().error.fields[0].path).toBe("body.lineage");
  });

  it("rejects findings that do not fit the taxonomy", async () => {
    const clause = draft.clauses[0];
    if (!clause) throw new Error("the base agreement has clauses");
    const badFindings = (finding: Partial<Agreement["clauses"][number]["findings"][number]>) => ({
      ...draft,
      id: "es-bad-findings",
      clauses: [{ ...clause, findings: [{ ...(clause.findings[0] as object), ...finding }] }],
    });
    const unknown = await put(badFindings({ code: "AI.NO_SUCH_THING" }) as Agreement, officer.headers);
    expect(unknown.json().error.fields).toEqual([
      { path: "body.clauses.0.findings.0.code", message: "Unknown taxonomy code AI.NO_SUCH_THING" },
    ]);
    const wrongKind = await put(
      badFindings({
        code: "WT.WEEK_MAX",
        present: "yes",
        value: { kind: "money", amount: "40", currency: "EUR", per: null },
      }) as Agreement,
      officer.headers,
    );
    expect(wrongKind.json().error.fields[0].path).toBe("body.clauses.0.findings.0.value");
  });
});

describe("[AGREEMENTS] bulk import by union officers", () => {
  const postLibrary = (payload: object, headers: Record<string, string>) =>
    t.app.inject({ method: "POST", url: "/api/v1/agreements/library", headers, payload });

  it("loads an exported library's agreements all or nothing, and refuses a changed taxonomy", async () => {
    const exported = JSON.parse((await t.app.inject({ method: "GET", url: "/api/v1/agreements/export" })).body);
    const fresh = DEMO_LIBRARY.agreements.filter((a) => a.id.startsWith("it-")).map((a) => ({ ...a, lineage: [] }));
    const file = { ...exported, agreements: fresh };
    const response = await postLibrary(file, officer.headers);
    expect(response.json(), response.body).toEqual({ created: fresh.length, updated: 0, unchanged: 0 });
    expect((await postLibrary(file, officer.headers)).json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: fresh.length,
    });
    const retitled = { ...file, agreements: fresh.map((a, i) => (i === 0 ? { ...a, title: `${a.title} (2)` } : a)) };
    expect((await postLibrary(retitled, officer.headers)).json()).toEqual({
      created: 0,
      updated: 1,
      unchanged: fresh.length - 1,
    });

    const broken = {
      ...file,
      agreements: [
        { ...draft, id: "es-bulk-new" },
        {
          ...fresh[0],
          clauses: [
            { ...fresh[0]?.clauses[0], findings: [{ ...fresh[0]?.clauses[0]?.findings[0], code: "PAY.NOPE" }] },
          ],
        },
      ],
    };
    const refused = await postLibrary(broken, officer.headers);
    expect(refused.json().error.fields[0].path).toBe("body.agreements.1.clauses.0.findings.0.code");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/agreements/es-bulk-new" })).statusCode).toBe(404);

    const renamed = { ...file, taxonomy: { ...file.taxonomy, version: "2099.1" } };
    expect((await postLibrary(renamed, officer.headers)).json().error.code).toBe("conflict");
    const member = await signIn(t, orgs.people.member);
    expect((await postLibrary(file, member.headers)).json().error.code).toBe("forbidden");
  });
});
