import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildAnotherInstance,
  buildTestApp,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";

let t: TestApp;
let other: FastifyInstance;
let orgs: TestOrganizations;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildAnotherInstance(t);
  orgs = await seedPeople(t.db, t.secretBox);
});
afterAll(async () => {
  await other.close();
  await t.close();
});

describe("API keys on several instances", () => {
  it("stop working everywhere once revoked, though each instance remembers the keys it has read", async () => {
    const admin = await signIn(t, orgs.people.admin);
    const keysUrl = `/api/v1/organizations/${orgs.organizationId}/api-keys`;
    const created = await t.app.inject({
      method: "POST",
      url: keysUrl,
      headers: admin.headers,
      payload: { name: "pipeline" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json<{ id: string; secret: string }>();
    const use = (app: FastifyInstance, key = secret) =>
      app.inject({
        method: "GET",
        url: `/api/v1/organizations/${orgs.organizationId}`,
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await use(t.app)).statusCode).toBe(200);
    expect((await use(other)).statusCode).toBe(200);
    expect((await use(other, `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`)).statusCode).toBe(401);

    const revoked = await t.app.inject({ method: "DELETE", url: `${keysUrl}/${id}`, headers: admin.headers });
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await use(t.app)).statusCode).toBe(401);
    await vi.waitFor(async () => expect((await use(other)).statusCode).toBe(401), { timeout: 5000 });
  });
});
