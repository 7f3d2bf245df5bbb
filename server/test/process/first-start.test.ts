// The first start of the embedded database: leftovers of a crashed creation, a SIGKILL while the
// data folder is being created or seeded, a graceful SIGTERM, and seeding exactly once.
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_MEMBER,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  type GuildhallProcess,
  killAllChildren,
  makeDataDir,
  ON_POSTGRES,
  organizationWhere,
  postSignIn,
  removeDataDirs,
  signIn,
  sleep,
  startServer,
  TotpCodes,
  withSession,
} from "./harness.ts";

const ENV = { GUILDHALL_LOG_LEVEL: "info" };

afterEach(killAllChildren);
afterAll(removeDataDirs);

/** Polls until `check` holds, failing if the server dies first. */
async function until(
  server: GuildhallProcess,
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (!server.running) throw new Error(`guildhall exited while waiting for ${what}\n${server.output}`);
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}\n${server.output}`);
}

const randomBetween = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

const partialFolders = async (dataDir: string) =>
  (await readdir(dataDir)).filter((entry) => entry.startsWith("pgdata.partial-"));

/** Every demo person exists with the demo password; officer and admin are asked for their TOTP code. */
async function expectCompleteDemoData(server: GuildhallProcess) {
  const answers: Record<string, string> = {};
  for (const person of DEMO_PEOPLE) {
    const response = await postSignIn(server.baseUrl, { email: person.email, password: DEMO_PASSWORD });
    const body = (await response.json()) as { status?: string; error?: { code: string } };
    answers[person.email] = response.status === 200 ? String(body.status) : String(body.error?.code);
  }
  expect(answers).toEqual(
    Object.fromEntries(DEMO_PEOPLE.map((p) => [p.email, p.totp ? "totp_required" : "signed_in"])),
  );
}

const demoListings = (stdout: string) =>
  stdout.split("Demo sign-ins (password for all: guildhall-demo-2026):").length - 1;

describe.skipIf(ON_POSTGRES)("[PROCESS] first start of the embedded database", () => {
  it("clears a half-created data folder left by a crash, then creates, seeds and answers", {
    timeout: 120_000,
  }, async () => {
    const dataDir = await makeDataDir();
    const leftover = path.join(dataDir, "pgdata.partial-12345");
    await mkdir(path.join(leftover, "base", "1"), { recursive: true });
    await writeFile(path.join(leftover, "PG_VERSION"), "junk\n");
    await writeFile(path.join(leftover, "base", "1", "1259"), Buffer.alloc(8192, 0xab));
    await writeFile(path.join(leftover, "postmaster.pid"), "12345\n");

    const server = await startServer(dataDir, ENV);
    await server.waitFor("/api/ready");
    expect(demoListings(server.stdout)).toBe(1);
    expect(await partialFolders(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, "pgdata", "PG_VERSION"))).toBe(true);
    await signIn(server.baseUrl, DEMO_MEMBER, DEMO_PASSWORD);
    const receivers = await fetch(`${server.baseUrl}/api/v1/reports/receivers?country=DE`);
    expect(await receivers.json(), "the demo union receives reports from the start").toMatchObject([
      { name: "Screen and Stage Union", kind: "union" },
    ]);
  });

  it("comes up healthy after a SIGKILL while the data folder was being created", { timeout: 120_000 }, async () => {
    const dataDir = await makeDataDir();
    const first = await startServer(dataDir, ENV);
    // initdb runs in pgdata.partial-<pid>; kill somewhere inside it.
    await until(first, "the partial data folder", async () => (await partialFolders(dataDir)).length > 0);
    await sleep(randomBetween(150, 1_500));
    const killedBeforeRename = !existsSync(path.join(dataDir, "pgdata"));
    const exit = await first.kill("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");
    expect(first.stdout, "killed before the server listened").not.toContain("Server listening");
    expect(killedBeforeRename, "killed before pgdata was complete").toBe(true);

    const second = await startServer(dataDir, ENV);
    await second.waitFor("/api/ready");
    expect(await partialFolders(dataDir)).toEqual([]);
    expect(demoListings(second.stdout)).toBe(1);
    await expectCompleteDemoData(second);
    await signIn(second.baseUrl, DEMO_MEMBER, DEMO_PASSWORD);
  });

  it("comes up healthy after a SIGKILL very early in the first start", { timeout: 120_000 }, async () => {
    const dataDir = await makeDataDir();
    const first = await startServer(dataDir, ENV);
    await sleep(randomBetween(300, 1_500));
    await first.kill("SIGKILL");
    expect(first.stdout).not.toContain("Server listening");

    const second = await startServer(dataDir, ENV);
    await second.waitFor("/api/ready");
    await expectCompleteDemoData(second);
  });

  it("has the complete demo data after a SIGKILL while migrating or seeding", { timeout: 120_000 }, async () => {
    const dataDir = await makeDataDir();
    const first = await startServer(dataDir, ENV);
    // The data folder is complete; migrations and the demo seed follow (about a second each).
    await until(first, "migrations applied", () => first.stdout.includes('"msg":"migrations applied"'));
    await sleep(randomBetween(100, 700));
    await first.kill("SIGKILL");
    expect(demoListings(first.stdout), "killed before the seed finished").toBe(0);

    const second = await startServer(dataDir, ENV);
    await second.waitFor("/api/ready");
    await expectCompleteDemoData(second);
  });

  it("prints the demo sign-ins once, stops cleanly on SIGTERM and keeps its data", { timeout: 120_000 }, async () => {
    const dataDir = await makeDataDir();
    const codes = new TotpCodes();
    const first = await startServer(dataDir, ENV);
    await first.waitFor("/api/ready");
    expect(demoListings(first.stdout)).toBe(1);
    for (const person of DEMO_PEOPLE) expect(first.stdout).toContain(person.email);
    expect(first.stdout).toContain(DEMO_PASSWORD);

    const member = await signIn(first.baseUrl, DEMO_MEMBER, DEMO_PASSWORD);
    const admin = await signIn(first.baseUrl, DEMO_ADMIN, DEMO_PASSWORD, await codes.next());
    const organizationId = organizationWhere(admin, "admin");
    const created = await fetch(
      `${first.baseUrl}/api/v1/organizations/${organizationId}/api-keys`,
      withSession(admin, { method: "POST", body: JSON.stringify({ name: "written before SIGTERM" }) }),
    );
    expect(created.status).toBe(201);
    const { id: keyId } = (await created.json()) as { id: string };

    const sentAt = Date.now();
    const exit = await first.kill("SIGTERM");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(first.stdout).toContain('"msg":"shutting down"');

    const second = await startServer(dataDir, ENV);
    await second.waitFor("/api/ready");
    expect(demoListings(second.stdout), "a second start must not seed again").toBe(0);
    expect(second.stdout).not.toContain("demo data seeded");

    // The sessions and the key written before the shutdown are still there.
    const memberSession = await fetch(`${second.baseUrl}/api/v1/auth/session`, withSession(member));
    expect(memberSession.status).toBe(200);
    const keys = await fetch(`${second.baseUrl}/api/v1/organizations/${organizationId}/api-keys`, withSession(admin));
    expect(keys.status).toBe(200);
    const { apiKeys } = (await keys.json()) as { apiKeys: { id: string; name: string }[] };
    expect(apiKeys.filter((k) => k.name === "written before SIGTERM").map((k) => k.id)).toEqual([keyId]);
    // Exactly one copy of the demo organizations and people.
    const members = await fetch(`${second.baseUrl}/api/v1/organizations/${organizationId}/members`, withSession(admin));
    const { members: list } = (await members.json()) as { members: { email: string }[] };
    expect(list.map((m) => m.email).sort()).toEqual([
      "admin@demo.guildhall.test",
      "member@demo.guildhall.test",
      "officer@demo.guildhall.test",
    ]);
    await signIn(second.baseUrl, DEMO_MEMBER, DEMO_PASSWORD);

    const secondExit = await second.kill("SIGTERM");
    expect(secondExit.code).toBe(0);
  });
});
