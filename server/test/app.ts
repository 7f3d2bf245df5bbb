import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { generateSync } from "otplib";
import type { Role } from "../../common/identity.ts";
import { buildApp } from "../src/app.ts";
import { createOrganization, enrollTotpSecret, grantRole } from "../src/modules/identity/index.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { createSecretBox, type SecretBox } from "../src/platform/crypto/secret-box.ts";
import { getSodium } from "../src/platform/crypto/sodium.ts";
import type { DatabaseHandle, Db } from "../src/platform/db/database.ts";
import { createTestDatabase } from "./database.ts";

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date("2026-11-23T09:00:00Z")) {}
  now = (): Date => new Date(this.current);
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  listen: DatabaseHandle["listen"];
  secretBox: SecretBox;
  clock: TestClock;
  close(): Promise<void>;
}

/** The whole application on a fresh database, with a test clock and silent logs. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: { beforeReady?: (app: FastifyInstance) => void; webRoot?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "guildhall-test-"));
  const sodium = await getSodium();
  const secretBox = await createSecretBox(sodium.randombytes_buf(32));
  const clock = new TestClock();
  const app = await buildInstance(
    { db: database.db, listen: database.listen, secretBox, clock, dataDir },
    env,
    options,
  );
  return {
    app,
    db: database.db,
    listen: database.listen,
    secretBox,
    clock,
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Another server instance on the same database (as behind a load balancer); close it before the first. */
export async function buildAnotherInstance(first: TestApp, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "guildhall-test-"));
  return buildInstance({ ...first, dataDir }, env, {
    beforeReady: (app) => app.addHook("onClose", () => rm(dataDir, { recursive: true, force: true })),
  });
}

async function buildInstance(
  shared: Pick<TestApp, "db" | "listen" | "secretBox" | "clock"> & { dataDir: string },
  env: Record<string, string>,
  options: { beforeReady?: (app: FastifyInstance) => void; webRoot?: string } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    GUILDHALL_DATA_DIR: shared.dataDir,
    GUILDHALL_LOG_LEVEL: "silent",
    GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE: "10000",
    GUILDHALL_RATE_LIMIT_PER_MINUTE: "100000",
    ...env,
  });
  const app = await buildApp({
    config,
    db: shared.db,
    secretBox: shared.secretBox,
    now: shared.clock.now,
    webRoot: options.webRoot ?? path.join(shared.dataDir, "no-web"),
    listen: shared.listen,
  });
  options.beforeReady?.(app);
  await app.ready();
  return app;
}

export const TEST_PASSWORD = "correct horse battery staple";

export interface TestPerson {
  email: string;
  role: Role;
  userId: string;
  totpSecret: string | null;
}

export interface TestOrganizations {
  /** The organization in which one person holds each role. */
  organizationId: string;
  /** Another organization, with its own admin, for cross-tenant checks. */
  otherOrganizationId: string;
  people: Record<Role, TestPerson>;
  outsiderAdmin: TestPerson;
}

/** One person per role in one union, plus an admin of another organization. */
export async function seedPeople(db: Db, secretBox: SecretBox): Promise<TestOrganizations> {
  const union = await createOrganization(db, { name: "Test Union", kind: "union", country: "ES" });
  const other = await createOrganization(db, { name: "Other Studio", kind: "producer", country: "FR" });
  const roles: Role[] = ["member", "officer", "admin", "producer", "developer", "auditor"];
  const people = {} as Record<Role, TestPerson>;
  for (const role of roles) {
    people[role] = await addPerson(db, secretBox, union.id, `${role}@test.guildhall.test`, role);
  }
  const outsiderAdmin = await addPerson(db, secretBox, other.id, "admin@other.guildhall.test", "admin");
  return { organizationId: union.id, otherOrganizationId: other.id, people, outsiderAdmin };
}

async function addPerson(
  db: Db,
  secretBox: SecretBox,
  organizationId: string,
  email: string,
  role: Role,
): Promise<TestPerson> {
  const member = await grantRole(db, organizationId, {
    email,
    displayName: `Test ${role}`,
    role,
    password: TEST_PASSWORD,
  });
  let totpSecret: string | null = null;
  if (role === "officer" || role === "admin") {
    totpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await enrollTotpSecret({ db, secretBox }, member.userId, totpSecret);
  }
  return { email, role, userId: member.userId, totpSecret };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/** Signs a person in through the API; moves the clock past the last TOTP step first. */
export async function signIn(testApp: TestApp, person: Pick<TestPerson, "email" | "totpSecret">): Promise<SignedIn> {
  testApp.clock.advance(30_000);
  const totpCode = person.totpSecret ? totpCodeAt(person.totpSecret, testApp.clock.now()) : undefined;
  const response = await testApp.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email: person.email, password: TEST_PASSWORD, ...(totpCode ? { totpCode } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${person.email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "guildhall_session");
  if (!cookie) throw new Error("no session cookie");
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie: cookie.value,
    csrfToken,
    headers: { cookie: `guildhall_session=${cookie.value}`, "x-csrf-token": csrfToken },
  };
}

export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Adds a person with a role (and a TOTP secret when given) to an organization and signs them in. */
export async function addSignedInPerson(
  testApp: TestApp,
  organizationId: string,
  person: { email: string; role: Role; totpSecret?: string },
): Promise<TestPerson & { session: SignedIn }> {
  const member = await grantRole(testApp.db, organizationId, {
    email: person.email,
    displayName: person.email.split("@")[0] ?? person.email,
    role: person.role,
    password: TEST_PASSWORD,
  });
  const totpSecret = person.totpSecret ?? null;
  if (totpSecret) await enrollTotpSecret(testApp, member.userId, totpSecret);
  const session = await signIn(testApp, { email: person.email, totpSecret });
  return { email: person.email, role: person.role, userId: member.userId, totpSecret, session };
}
