import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  addSignedInPerson,
  buildTestApp,
  seedPeople,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganizations,
  totpCodeAt,
} from "../../../test/app.ts";
import { createOrganization, grantRole, issueApiKey } from "./index.ts";

let t: TestApp;
let orgs: TestOrganizations;

beforeAll(async () => {
  const webRoot = mkdtempSync(path.join(os.tmpdir(), "guildhall-web-"));
  writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Guildhall</title>");
  t = await buildTestApp(
    {},
    {
      webRoot,
      beforeReady(app) {
        app.post(
          "/test/form",
          { config: { access: { kind: "signed_in" } }, schema: { body: z.object({ note: z.string() }).strict() } },
          async (request) => ({ received: request.body }),
        );
      },
    },
  );
  orgs = await seedPeople(t.db, t.secretBox);
});
afterAll(() => t.close());

const signInRequest = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload, headers });

describe("[IDENTITY] concurrency", () => {
  it("counts every one of many parallel wrong guesses, so they lock the e-mail", async () => {
    const email = orgs.people.producer.email;
    const answers = await Promise.all(Array.from({ length: 8 }, () => signInRequest({ email, password: "guess" })));
    expect(answers.filter((a) => a.json().error.code === "locked_out").length).toBeGreaterThanOrEqual(4);
    expect((await signInRequest({ email, password: TEST_PASSWORD })).json().error.code).toBe("locked_out");
  });

  it("accepts one TOTP code only once even when sent in parallel", async () => {
    const officer = orgs.people.officer;
    t.clock.advance(30_000);
    const totpCode = totpCodeAt(officer.totpSecret ?? "", t.clock.now());
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => signInRequest({ email: officer.email, password: TEST_PASSWORD, totpCode })),
    );
    expect(answers.map((a) => a.statusCode).filter((s) => s === 200)).toHaveLength(1);
  });

  it("never lets two admins remove each other at once", async () => {
    const org = await createOrganization(t.db, { name: "Duo", kind: "union" });
    const first = await addSignedInPerson(t, org.id, {
      email: "duo0@test.guildhall.test",
      role: "admin",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXA",
    });
    const second = await addSignedInPerson(t, org.id, {
      email: "duo1@test.guildhall.test",
      role: "admin",
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXB",
    });
    const answers = await Promise.all([
      t.app.inject({
        method: "DELETE",
        url: `/api/v1/organizations/${org.id}/members/${second.userId}/roles/admin`,
        headers: first.session.headers,
      }),
      t.app.inject({
        method: "DELETE",
        url: `/api/v1/organizations/${org.id}/members/${first.userId}/roles/admin`,
        headers: second.session.headers,
      }),
    ]);
    const left = await t.db
      .selectFrom("memberships")
      .select("user_id")
      .where("organization_id", "=", org.id)
      .where("role", "=", "admin")
      .execute();
    expect(left).toHaveLength(1);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([
      204,
      answers.find((a) => a.statusCode !== 204)?.statusCode,
    ]);
  });
});

describe("[IDENTITY] second factor", () => {
  it("puts a signed-in member who is made admin into enrollment at once", async () => {
    const email = "promoted@test.guildhall.test";
    await grantRole(t.db, orgs.organizationId, {
      email,
      displayName: "Promoted",
      role: "member",
      password: TEST_PASSWORD,
    });
    const session = await signIn(t, { email, totpSecret: null });
    await grantRole(t.db, orgs.organizationId, { email, displayName: "Promoted", role: "admin" });
    const keys = await t.app.inject({
      method: "POST",
      url: `/api/v1/organizations/${orgs.organizationId}/api-keys`,
      headers: session.headers,
      payload: { name: "sneaky" },
    });
    expect(keys.json().error.code).toBe("totp_enrollment_required");
  });

  it("refuses to set up two-factor again for an enrolled user", async () => {
    const session = await signIn(t, orgs.people.admin);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/totp/setup",
      headers: session.headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(409);
  });

  it("asks a fully signed-in person for the password before binding an authenticator", async () => {
    const session = await signIn(t, orgs.people.member);
    const url = "/api/v1/auth/totp/setup";
    const without = await t.app.inject({ method: "POST", url, headers: session.headers, payload: {} });
    expect(without.json().error.code).toBe("invalid_credentials");
    const wrong = await t.app.inject({
      method: "POST",
      url,
      headers: session.headers,
      payload: { password: "not it" },
    });
    expect(wrong.json().error.code).toBe("invalid_credentials");
    const right = await t.app.inject({
      method: "POST",
      url,
      headers: session.headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(right.json().secret).toMatch(/^[A-Z2-7]+$/);
  });
});

describe("[IDENTITY] sessions, cookies and CSRF", () => {
  it("marks session answers as not cacheable and ends the browser's previous session on a new sign-in", async () => {
    const first = await signIn(t, orgs.people.developer);
    t.clock.advance(1_000);
    const second = await signInRequest(
      { email: orgs.people.developer.email, password: TEST_PASSWORD },
      { cookie: first.headers.cookie ?? "" },
    );
    expect(second.headers["cache-control"]).toBe("no-store");
    const old = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: first.headers });
    expect(old.statusCode).toBe(401);
  });

  it("refuses a state change that the browser marks as cross-site", async () => {
    const session = await signIn(t, orgs.people.member);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      headers: { ...session.headers, "sec-fetch-site": "cross-site" },
      payload: {},
    });
    expect(response.json().error.code).toBe("csrf_failed");
  });

  it("accepts a form post with the session's _csrf field, strips it, and refuses one without", async () => {
    const session = await signIn(t, orgs.people.member);
    const form = (body: string) =>
      t.app.inject({
        method: "POST",
        url: "/test/form",
        headers: { cookie: session.headers.cookie ?? "", "content-type": "application/x-www-form-urlencoded" },
        payload: body,
      });
    const accepted = await form(`note=hello&_csrf=${encodeURIComponent(session.csrfToken)}`);
    expect(accepted.json()).toEqual({ received: { note: "hello" } });
    expect((await form("note=hello&_csrf=forged")).json().error.code).toBe("csrf_failed");
    expect((await form("note=hello")).json().error.code).toBe("csrf_failed");
  });

  it("answers API paths in any case, and missing files, with JSON, never with the web app", async () => {
    for (const url of ["/api", "/API/v1/organizations-nope", "/api?x=1"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe("not_found");
    }
    expect((await t.app.inject({ method: "GET", url: "/admin" })).body).toContain("<title>Guildhall</title>");
    const missingAsset = await t.app.inject({ method: "GET", url: "/assets/old-build.js" });
    expect(missingAsset.statusCode).toBe(404);
    expect(missingAsset.headers["content-type"]).toContain("application/json");
  });
});

describe("[IDENTITY] cross-organization ids", () => {
  it("cannot revoke another organization's API key through its own organization's path", async () => {
    const foreign = await issueApiKey(t.db, orgs.otherOrganizationId, "theirs", null);
    const admin = await signIn(t, orgs.people.admin);
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/organizations/${orgs.organizationId}/api-keys/${foreign.id}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(404);
    const read = await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.otherOrganizationId}`,
      headers: { authorization: `Bearer ${foreign.secret}` },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe("[IDENTITY] secure deployments", () => {
  it("names the cookie __Host- and marks it Secure when served over HTTPS", async () => {
    const secure = await buildTestApp({ GUILDHALL_SECURE_COOKIES: "true" });
    try {
      const people = await seedPeople(secure.db, secure.secretBox);
      const response = await secure.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email: people.people.member.email, password: TEST_PASSWORD },
      });
      expect(response.cookies[0]).toMatchObject({
        name: "__Host-guildhall_session",
        secure: true,
        httpOnly: true,
        path: "/",
      });
      expect(String(response.headers["strict-transport-security"])).toContain("max-age=");
    } finally {
      await secure.close();
    }
  });
});
