import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../common/identity.ts";
import { buildTestApp, type SignedIn, seedPeople, signIn, type TestApp, type TestOrganizations } from "../test/app.ts";
import { issueApiKey } from "./modules/identity/index.ts";

/**
 * The reviewed access policy: who may reach each route. A route missing here fails the suite,
 * and so does any caller who reaches a route this table does not allow them.
 */
const ALL_ROLES: Role[] = ["member", "officer", "admin", "producer", "developer", "auditor"];
type Caller = Role | "anonymous" | "outsider_admin" | "api_key";
const SIGNED_IN: Caller[] = [...ALL_ROLES, "outsider_admin"];
const EVERYONE: Caller[] = ["anonymous", ...SIGNED_IN, "api_key"];

const POLICY: Record<string, Caller[]> = {
  "GET /api/health": EVERYONE,
  "GET /api/ready": EVERYONE,
  "POST /api/v1/auth/sign-in": EVERYONE,
  "GET /api/v1/agreements": EVERYONE,
  "GET /api/v1/agreements/taxonomy": EVERYONE,
  "GET /api/v1/agreements/compare": EVERYONE,
  "GET /api/v1/agreements/compare.csv": EVERYONE,
  "GET /api/v1/agreements/export": EVERYONE,
  "GET /api/v1/agreements/:agreementId": EVERYONE,
  "GET /api/v1/agreements/:agreementId/changes": EVERYONE,
  "POST /api/v1/agreements/library": ["officer"],
  "PUT /api/v1/agreements/:agreementId": ["officer"],
  "POST /api/v1/agreements/imports": ["officer"],
  "GET /api/v1/agreements/imports": ["officer"],
  "GET /api/v1/agreements/imports/:importId": ["officer"],
  "PATCH /api/v1/agreements/imports/:importId/suggestions/:suggestionId": ["officer"],
  "POST /api/v1/agreements/imports/:importId/commit": ["officer"],
  "DELETE /api/v1/agreements/imports/:importId": ["officer"],
  "GET /api/v1/reports/receivers": EVERYONE,
  "GET /api/v1/log/entries": EVERYONE,
  "GET /api/v1/log/checkpoint": EVERYONE,
  "GET /api/v1/log/keys": EVERYONE,
  "GET /api/v1/log/checkpoints": EVERYONE,
  "GET /api/v1/log/bundle": EVERYONE,
  "GET /api/v1/log/stats": EVERYONE,
  "GET /api/v1/log/proofs/inclusion": EVERYONE,
  "GET /api/v1/log/proofs/consistency": EVERYONE,
  "GET /api/v1/reports/figures": EVERYONE,
  "GET /api/v1/reports/figures.csv": EVERYONE,
  "POST /api/v1/reports": EVERYONE,
  "POST /api/v1/reports/follow-up": EVERYONE,
  "POST /api/v1/reports/follow-up/messages": EVERYONE,
  "POST /api/v1/reports/with-files": EVERYONE,
  "POST /api/v1/reports/follow-up/messages/with-files": EVERYONE,
  "POST /report": EVERYONE,
  "POST /report/follow-up": EVERYONE,
  "POST /report/follow-up/messages": EVERYONE,
  "GET /api/v1/organizations/:orgId/reports/:reportId/attachments/:attachmentId": ["officer"],
  "GET /api/v1/organizations/:orgId/reports/officers": ["officer"],
  "GET /api/v1/organizations/:orgId/reports/reminders": ["officer"],
  "GET /api/v1/organizations/:orgId/reports/settings": ["officer", "admin"],
  "PUT /api/v1/organizations/:orgId/reports/settings": ["officer", "admin"],
  "POST /api/v1/organizations/:orgId/reports/:reportId/assign": ["officer"],
  "PUT /api/v1/organizations/:orgId/reports/:reportId/labels": ["officer"],
  "POST /api/v1/organizations/:orgId/reports/:reportId/notes": ["officer"],
  "GET /api/v1/organizations/:orgId/reports": ["officer"],
  "GET /api/v1/organizations/:orgId/reports/:reportId": ["officer"],
  "POST /api/v1/organizations/:orgId/reports/:reportId/acknowledge": ["officer"],
  "POST /api/v1/organizations/:orgId/reports/:reportId/status": ["officer"],
  "POST /api/v1/organizations/:orgId/reports/:reportId/messages": ["officer"],
  "POST /api/v1/organizations/:orgId/reports/share": ["officer"],
  "POST /api/v1/organizations/:orgId/reports/:reportId/refer": ["officer"],
  "DELETE /api/v1/organizations/:orgId/reports/:reportId": ["officer"],
  "GET /api/v1/auth/session": SIGNED_IN,
  "POST /api/v1/auth/sign-out": SIGNED_IN,
  "POST /api/v1/auth/totp/setup": SIGNED_IN,
  "POST /api/v1/auth/totp/confirm": SIGNED_IN,
  "GET /api/v1/organizations": SIGNED_IN,
  "GET /api/v1/organizations/:orgId": [...ALL_ROLES, "api_key"],
  "GET /api/v1/organizations/:orgId/members": ["admin"],
  "POST /api/v1/organizations/:orgId/members": ["admin"],
  "DELETE /api/v1/organizations/:orgId/members/:userId/roles/:role": ["admin"],
  "GET /api/v1/organizations/:orgId/api-keys": ["admin"],
  "POST /api/v1/organizations/:orgId/api-keys": ["admin"],
  "DELETE /api/v1/organizations/:orgId/api-keys/:keyId": ["admin"],
  "POST /api/v1/organizations/:orgId/consent/assets": ["member"],
  "GET /api/v1/organizations/:orgId/consent/assets": ["member", "officer"],
  "POST /api/v1/organizations/:orgId/consent/requests": ["producer", "developer"],
  "GET /api/v1/organizations/:orgId/consent/requests": ["producer", "developer"],
  "GET /api/v1/consent/inbox": SIGNED_IN,
  "POST /api/v1/consent/requests/:requestId/answer": SIGNED_IN,
  "POST /api/v1/consent/requests/:requestId/withdraw": SIGNED_IN,
  "GET /api/v1/organizations/:orgId/consent/strike": ["officer", "admin"],
  "PUT /api/v1/organizations/:orgId/consent/strike": ["officer", "admin"],
  "POST /api/v1/consent/check": ["api_key"],
  "GET /api/v1/consent/snapshot": ["api_key"],
  "POST /api/v1/consent/fingerprints": SIGNED_IN,
  "GET /api/v1/consent/requests/:requestId/record": SIGNED_IN,
};

const REFUSALS = new Set(["unauthenticated", "forbidden", "totp_enrollment_required", "csrf_failed"]);

let t: TestApp;
let orgs: TestOrganizations;
let apiKeySecret: string;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  apiKeySecret = (await issueApiKey(t.db, orgs.organizationId, "access test", null)).secret;
});
afterAll(() => t.close());

async function headersFor(caller: Caller): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  if (caller === "api_key") return { authorization: `Bearer ${apiKeySecret}` };
  const person = caller === "outsider_admin" ? orgs.outsiderAdmin : orgs.people[caller];
  const session: SignedIn = await signIn(t, person);
  return session.headers;
}

function concreteUrl(url: string): string {
  return url
    .replace(":orgId", orgs.organizationId)
    .replace(":userId", "00000000-0000-4000-8000-000000000000")
    .replace(":keyId", "00000000-0000-4000-8000-000000000000")
    .replace(":reportId", "00000000-0000-4000-8000-000000000000")
    .replace(":attachmentId", "00000000-0000-4000-8000-000000000000")
    .replace(":requestId", "00000000-0000-4000-8000-000000000000")
    .replace(":role", "member");
}

function wasRefused(status: number, body: { error?: { code: string; message: string } }): boolean {
  if (!body.error) return false;
  if (REFUSALS.has(body.error.code)) return true;
  return status === 404 && body.error.message === "No such organization.";
}

describe("[ACCESS] every route, every role", () => {
  it("has a reviewed policy for every API route the app serves", () => {
    const served = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(served).toEqual(Object.keys(POLICY).sort());
  });

  const callers: Caller[] = ["anonymous", ...ALL_ROLES, "outsider_admin", "api_key"];
  for (const caller of callers) {
    // One sign-in per route (a route may end the session), each an Argon2id run: slow on a busy machine.
    it(`lets ${caller} reach exactly the routes the policy allows`, { timeout: 300_000 }, async () => {
      const mismatches: string[] = [];
      for (const route of t.app.apiRoutes) {
        const key = `${route.method} ${route.url}`;
        const headers = await headersFor(caller);
        const response = await t.app.inject({
          method: route.method as "GET",
          url: concreteUrl(route.url),
          headers,
          ...(route.method === "GET" ? {} : { payload: {} }),
        });
        // Refusals are JSON; a CSV or other answer means the route was reached.
        const json = String(response.headers["content-type"] ?? "").startsWith("application/json");
        const refused = wasRefused(response.statusCode, json && response.body ? response.json() : {});
        const allowed = POLICY[key]?.includes(caller) ?? false;
        if (refused === allowed) mismatches.push(`${key}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
