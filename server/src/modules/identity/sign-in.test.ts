import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  seedPeople,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganizations,
  totpCodeAt,
} from "../../../test/app.ts";
import { grantRole } from "./index.ts";

let t: TestApp;
let orgs: TestOrganizations;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
});
afterAll(() => t.close());

const signInRequest = (payload: object) => t.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload });

describe("[IDENTITY] sign-in", () => {
  it("signs a member in with a session cookie that is httpOnly and SameSite", async () => {
    const response = await signInRequest({ email: "member@test.guildhall.test", password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "signed_in", user: { email: "member@test.guildhall.test" } });
    const cookie = response.cookies.find((c) => c.name === "guildhall_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  });

  it("answers a wrong password and an unknown e-mail identically", async () => {
    const wrong = await signInRequest({ email: "producer@test.guildhall.test", password: "not the password" });
    const unknown = await signInRequest({ email: "nobody@test.guildhall.test", password: "not the password" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe("invalid_credentials");
  });

  it("names each bad field and never echoes the password", async () => {
    const response = await signInRequest({ email: "not-an-email", password: "" });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["body.email", "body.password"]);
  });

  it("locks an e-mail after five failures and tells how long, then lets it in after the lock", async () => {
    const email = "developer@test.guildhall.test";
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await signInRequest({ email, password: "wrong password" })).json().error.code).toBe(
        "invalid_credentials",
      );
    }
    const fifth = await signInRequest({ email, password: "wrong password" });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({ code: "locked_out", retryAfterSeconds: 60 });
    expect(fifth.headers["retry-after"]).toBe("60");
    const correctWhileLocked = await signInRequest({ email, password: TEST_PASSWORD });
    expect(correctWhileLocked.json().error.code).toBe("locked_out");
    t.clock.advance(61_000);
    expect((await signInRequest({ email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("locks unknown e-mails the same way, so locking reveals nothing", async () => {
    const email = "ghost@test.guildhall.test";
    let last = await signInRequest({ email, password: "x" });
    for (let attempt = 2; attempt <= 5; attempt++) last = await signInRequest({ email, password: "x" });
    expect(last.json().error.code).toBe("locked_out");
  });

  it("asks an enrolled officer for a TOTP code, refuses a wrong one and a replayed one", async () => {
    const officer = orgs.people.officer;
    const noCode = await signInRequest({ email: officer.email, password: TEST_PASSWORD });
    expect(noCode.json().error.code).toBe("totp_required");
    const wrongCode = await signInRequest({ email: officer.email, password: TEST_PASSWORD, totpCode: "000000" });
    expect(wrongCode.json().error.code).toBe("totp_invalid");
    t.clock.advance(30_000);
    const code = totpCodeAt(officer.totpSecret ?? "", t.clock.now());
    expect((await signInRequest({ email: officer.email, password: TEST_PASSWORD, totpCode: code })).statusCode).toBe(
      200,
    );
    const replay = await signInRequest({ email: officer.email, password: TEST_PASSWORD, totpCode: code });
    expect(replay.json().error.code).toBe("totp_invalid");
  });
});

describe("[IDENTITY] two-factor enrollment", () => {
  it("lets an officer without TOTP only enroll, then gives a full session", async () => {
    await grantRole(t.db, orgs.organizationId, {
      email: "new-officer@test.guildhall.test",
      displayName: "New Officer",
      role: "officer",
      password: TEST_PASSWORD,
    });
    const first = await signInRequest({ email: "new-officer@test.guildhall.test", password: TEST_PASSWORD });
    expect(first.json().status).toBe("totp_enrollment_required");
    const headers = { cookie: `guildhall_session=${first.cookies[0]?.value}`, "x-csrf-token": first.json().csrfToken };

    const blocked = await t.app.inject({ method: "GET", url: "/api/v1/organizations", headers });
    expect(blocked.json().error.code).toBe("totp_enrollment_required");

    const setup = await t.app.inject({ method: "POST", url: "/api/v1/auth/totp/setup", headers, payload: {} });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);

    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/totp/confirm",
      headers,
      payload: { code: "123456" },
    });
    expect(wrong.json().error.code).toBe("totp_invalid");
    const confirmed = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/totp/confirm",
      headers,
      payload: { code: totpCodeAt(secret, t.clock.now()) },
    });
    expect(confirmed.json()).toMatchObject({ status: "signed_in", user: { totpEnabled: true } });
    expect((await t.app.inject({ method: "GET", url: "/api/v1/organizations", headers })).statusCode).toBe(200);
  });

  it("keeps the TOTP secret sealed in the database", async () => {
    const row = await t.db
      .selectFrom("users")
      .select("totp_secret_sealed")
      .where("email", "=", orgs.people.admin.email)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_sealed).toMatch(/^v1\./);
    expect(row.totp_secret_sealed).not.toContain(orgs.people.admin.totpSecret);
  });
});

describe("[IDENTITY] sessions", () => {
  it("reports an expired session as expired, and an unknown one as unauthenticated", async () => {
    const session = await signIn(t, orgs.people.member);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: session.headers })).statusCode,
    ).toBe(200);
    t.clock.advance(13 * 3_600_000);
    const expired = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: session.headers });
    expect(expired.json().error.code).toBe("session_expired");
    const unknown = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/session",
      headers: { cookie: "guildhall_session=forged" },
    });
    expect(unknown.json().error.code).toBe("unauthenticated");
  });

  it("ends the session on sign-out", async () => {
    const session = await signIn(t, orgs.people.producer);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      headers: session.headers,
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: session.headers });
    expect(after.statusCode).toBe(401);
  });

  it("stores only a hash of the session token", async () => {
    const session = await signIn(t, orgs.people.auditor);
    const rows = await t.db.selectFrom("sessions").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash === session.cookie)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe("[IDENTITY] CSRF", () => {
  it("refuses a state change with the cookie but without the CSRF token", async () => {
    const session = await signIn(t, orgs.people.member);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      headers: { cookie: session.headers.cookie ?? "" },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { origin: "https://evil.example", host: "localhost:80" },
      payload: { email: orgs.people.member.email, password: TEST_PASSWORD },
    });
    expect(response.json().error.code).toBe("csrf_failed");
  });
});
