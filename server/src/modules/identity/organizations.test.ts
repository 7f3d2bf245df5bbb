import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";

let t: TestApp;
let orgs: TestOrganizations;
let admin: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  admin = await signIn(t, orgs.people.admin);
});
afterAll(() => t.close());

const membersUrl = () => `/api/v1/organizations/${orgs.organizationId}/members`;
const keysUrl = () => `/api/v1/organizations/${orgs.organizationId}/api-keys`;

describe("[IDENTITY] organizations and members", () => {
  it("lists the caller's organizations with the role held in each", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/organizations", headers: admin.headers });
    expect(response.json().organizations).toEqual([
      expect.objectContaining({ id: orgs.organizationId, name: "Test Union", role: "admin" }),
    ]);
  });

  it("adds a new person with a role, then refuses the same role twice", async () => {
    const payload = {
      email: "Newcomer@Test.Guildhall.Test",
      displayName: "New Comer",
      role: "member",
      password: "a long enough password",
    };
    const created = await t.app.inject({ method: "POST", url: membersUrl(), headers: admin.headers, payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: "newcomer@test.guildhall.test", role: "member", totpEnabled: false });
    const withPassword = await t.app.inject({ method: "POST", url: membersUrl(), headers: admin.headers, payload });
    expect(withPassword.json().error.fields).toEqual([
      { path: "password", message: "Leave empty: the person already has an account" },
    ]);
    const { password: _unused, ...withoutPassword } = payload;
    const again = await t.app.inject({
      method: "POST",
      url: membersUrl(),
      headers: admin.headers,
      payload: withoutPassword,
    });
    expect(again.statusCode).toBe(409);
    const officerRole = await t.app.inject({
      method: "POST",
      url: membersUrl(),
      headers: admin.headers,
      payload: { ...withoutPassword, role: "officer" },
    });
    expect(officerRole.statusCode).toBe(201);
    const list = await t.app.inject({ method: "GET", url: membersUrl(), headers: admin.headers });
    expect(list.json().members.map((m: { email: string }) => m.email)).toContain("newcomer@test.guildhall.test");
  });

  it("asks for a password when the person is new and rejects a short one", async () => {
    const missing = await t.app.inject({
      method: "POST",
      url: membersUrl(),
      headers: admin.headers,
      payload: { email: "nopass@test.guildhall.test", displayName: "No Pass", role: "member" },
    });
    expect(missing.json().error.fields).toEqual([{ path: "password", message: "Required for a new user" }]);
    const short = await t.app.inject({
      method: "POST",
      url: membersUrl(),
      headers: admin.headers,
      payload: { email: "short@test.guildhall.test", displayName: "Short", role: "member", password: "short" },
    });
    expect(short.json().error.fields[0].path).toBe("body.password");
  });

  it("removes a role, and never the last admin", async () => {
    const removed = await t.app.inject({
      method: "DELETE",
      url: `${membersUrl()}/${orgs.people.auditor.userId}/roles/auditor`,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    const lastAdmin = await t.app.inject({
      method: "DELETE",
      url: `${membersUrl()}/${orgs.people.admin.userId}/roles/admin`,
      headers: admin.headers,
    });
    expect(lastAdmin.statusCode).toBe(409);
  });

  it("refuses to hand a role to an account that belongs to another organization", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: membersUrl(),
      headers: admin.headers,
      payload: { email: orgs.outsiderAdmin.email, displayName: "Someone", role: "member" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).not.toContain("Test admin");
    const memberships = await t.db
      .selectFrom("memberships")
      .select("organization_id")
      .where("user_id", "=", orgs.outsiderAdmin.userId)
      .execute();
    expect(memberships.map((m) => m.organization_id)).toEqual([orgs.otherOrganizationId]);
  });

  it("cannot remove a role in another organization by naming its ids under its own", async () => {
    const response = await t.app.inject({
      method: "DELETE",
      url: `${membersUrl()}/${orgs.outsiderAdmin.userId}/roles/admin`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(404);
    const still = await t.db
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", orgs.outsiderAdmin.userId)
      .execute();
    expect(still).toEqual([{ role: "admin" }]);
  });

  it("does not reveal another organization's members to its outsiders", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.otherOrganizationId}/members`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("[IDENTITY] API keys", () => {
  it("shows the secret once, stores only its hash, authenticates with it and stops after revocation", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: keysUrl(),
      headers: admin.headers,
      payload: { name: "Permission checks" },
    });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^gh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);

    const listed = await t.app.inject({ method: "GET", url: keysUrl(), headers: admin.headers });
    expect(JSON.stringify(listed.json())).not.toContain(secret.slice("gh_".length + 13));
    const stored = await t.db
      .selectFrom("api_keys")
      .select("secret_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret.slice("gh_".length + 13));

    const read = () =>
      t.app.inject({
        method: "GET",
        url: `/api/v1/organizations/${orgs.organizationId}`,
        headers: { authorization: `Bearer ${secret}` },
      });
    expect((await read()).json()).toMatchObject({ id: orgs.organizationId, name: "Test Union" });

    const otherOrg = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.otherOrganizationId}`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(otherOrg.statusCode).toBe(404);

    expect(
      (await t.app.inject({ method: "DELETE", url: `${keysUrl()}/${id}`, headers: admin.headers })).statusCode,
    ).toBe(204);
    const afterRevoke = await read();
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().error.code).toBe("unauthenticated");
  });

  it("refuses a tampered key", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: keysUrl(),
      headers: admin.headers,
      payload: { name: "Tamper" },
    });
    const secret: string = created.json().secret;
    const tampered = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    const response = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.organizationId}`,
      headers: { authorization: `Bearer ${tampered}` },
    });
    expect(response.statusCode).toBe(401);
  });
});
