// What a real server writes to its logs at the most talkative useful level: no passwords, session
// tokens, CSRF tokens or API key secrets, and nothing that identifies the caller (IP, user agent).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_MEMBER,
  DEMO_PASSWORD,
  killAllChildren,
  makeDataDir,
  marker,
  ON_POSTGRES,
  organizationWhere,
  postSignIn,
  removeDataDirs,
  type Session,
  signIn,
  startServer,
  TotpCodes,
} from "./harness.ts";

afterEach(killAllChildren);
afterAll(removeDataDirs);

/** Lines of the output that are JSON log records. */
function logRecords(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(ON_POSTGRES)("[PROCESS] logs of a running server (embedded database)", () => {
  it("never contain secrets, tokens or who called", { timeout: 120_000 }, async () => {
    const dataDir = await makeDataDir();
    const server = await startServer(dataDir, {
      GUILDHALL_LOG_LEVEL: "debug",
      GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE: "1000",
    });
    await server.waitFor("/api/ready");
    const codes = new TotpCodes();

    const userAgent = marker("GuildhallLogProbeAgent");
    const forwardedFor = "10.97.98.99";
    const headers = { "user-agent": userAgent, "x-forwarded-for": forwardedFor };
    const secrets: Record<string, string> = {};
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string>) },
      });
      await response.arrayBuffer();
      return response.status;
    };

    // Wrong passwords, for a person without and one with a second factor.
    secrets.wrongMemberPassword = marker("WrongPasswordMember");
    secrets.wrongAdminPassword = marker("WrongPasswordAdmin");
    const wrongMember = await postSignIn(
      server.baseUrl,
      { email: DEMO_MEMBER, password: secrets.wrongMemberPassword },
      headers,
    );
    expect(wrongMember.status).toBe(401);
    const wrongAdmin = await postSignIn(
      server.baseUrl,
      { email: DEMO_ADMIN, password: secrets.wrongAdminPassword, totpCode: "000000" },
      headers,
    );
    expect(wrongAdmin.status).toBe(401);

    // Right ones.
    const member = await signIn(server.baseUrl, DEMO_MEMBER, DEMO_PASSWORD);
    const admin = await signIn(server.baseUrl, DEMO_ADMIN, DEMO_PASSWORD, await codes.next());
    const sessionHeaders = (session: Session) => ({ cookie: session.cookie, "x-csrf-token": session.csrfToken });
    secrets.memberSessionToken = member.token;
    secrets.memberCsrfToken = member.csrfToken;
    secrets.adminSessionToken = admin.token;
    secrets.adminCsrfToken = admin.csrfToken;
    const organizationId = organizationWhere(admin, "admin");

    expect(await call("/api/v1/auth/session", { headers: sessionHeaders(member) })).toBe(200);
    expect(await call(`/api/v1/organizations/${organizationId}/members`, { headers: sessionHeaders(admin) })).toBe(200);

    // An API key: created with cookie + CSRF header, then used as a bearer token.
    const created = await fetch(`${server.baseUrl}/api/v1/organizations/${organizationId}/api-keys`, {
      method: "POST",
      headers: { ...headers, ...sessionHeaders(admin), "content-type": "application/json" },
      body: JSON.stringify({ name: "log probe" }),
    });
    expect(created.status).toBe(201);
    secrets.apiKeySecret = ((await created.json()) as { secret: string }).secret;
    expect(
      await call(`/api/v1/organizations/${organizationId}`, {
        headers: { authorization: `Bearer ${secrets.apiKeySecret}` },
      }),
    ).toBe(200);

    // Bearer tokens that are not valid keys, one shaped like a key and one not.
    secrets.fakeKeySecret = marker("FakeKeySecret").padEnd(43, "x").slice(0, 43);
    const fakeKey = `gh_ABCDEFGHJKLM_${secrets.fakeKeySecret}`;
    secrets.freeformBearer = marker("FreeformBearer");
    expect(
      await call(`/api/v1/organizations/${organizationId}`, { headers: { authorization: `Bearer ${fakeKey}` } }),
    ).toBe(401);
    expect(
      await call(`/api/v1/organizations/${organizationId}`, {
        headers: { authorization: `Bearer ${secrets.freeformBearer}` },
      }),
    ).toBe(401);

    // A wrong CSRF token, a secret in a query string, and a sign-out (which clears the cookie).
    secrets.wrongCsrfToken = marker("WrongCsrf");
    expect(
      await call(`/api/v1/organizations/${organizationId}/api-keys`, {
        method: "POST",
        headers: { cookie: admin.cookie, "x-csrf-token": secrets.wrongCsrfToken, "content-type": "application/json" },
        body: JSON.stringify({ name: "refused" }),
      }),
    ).toBe(403);
    secrets.queryToken = marker("QueryToken");
    expect(await call(`/api/health?token=${secrets.queryToken}`)).toBe(200);
    expect(
      await call("/api/v1/auth/sign-out", {
        method: "POST",
        headers: { ...sessionHeaders(member), "content-type": "application/json" },
        body: "{}",
      }),
    ).toBe(204);

    const exit = await server.kill("SIGTERM");
    expect(exit.code).toBe(0);
    const output = `${server.stdout}\n${server.stderr}`;

    // The log is not empty: requests were logged, with their paths.
    const records = logRecords(server.stdout);
    const requestRecords = records.filter((r) => r.req !== undefined);
    const loggedPaths = new Set(requestRecords.map((r) => (r.req as { path?: string }).path));
    expect(loggedPaths).toContain("/api/v1/auth/sign-in");
    expect(loggedPaths).toContain(`/api/v1/organizations/${organizationId}/api-keys`);
    expect(loggedPaths).toContain("/api/health");

    // No secret anywhere in stdout or stderr.
    const leaked = Object.entries(secrets)
      .filter(([, value]) => output.includes(value))
      .map(([name]) => name);
    expect(leaked, "secrets found in the logs").toEqual([]);
    // The demo password is printed once in the first-start banner, never in a log record.
    expect(records.filter((r) => JSON.stringify(r).includes(DEMO_PASSWORD))).toEqual([]);

    // Nothing about who called: no address, no forwarded address, no user agent.
    expect(output).not.toContain(userAgent);
    expect(output).not.toContain(forwardedFor);
    for (const record of requestRecords) {
      const req = record.req as Record<string, unknown>;
      expect(Object.keys(req).sort()).toEqual(["id", "method", "path"]);
      expect(JSON.stringify(req)).not.toContain("127.0.0.1");
    }
    const mentionsLoopback = records.filter(
      (r) => JSON.stringify(r).includes("127.0.0.1") && !String(r.msg).startsWith("Server listening at"),
    );
    expect(mentionsLoopback).toEqual([]);
  });
});
