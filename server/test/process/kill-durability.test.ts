// A server killed with SIGKILL in the middle of a stream of writes must, once restarted on the
// same data folder, still hold every write it had acknowledged.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  type GuildhallProcess,
  killAllChildren,
  makeDataDir,
  ON_POSTGRES,
  organizationWhere,
  removeDataDirs,
  type Session,
  signIn,
  startServer,
  TotpCodes,
  withSession,
} from "./harness.ts";

/** Kill / restart cycles: at least MIN_CYCLES, more while the test is within its time budget. */
const MIN_CYCLES = 2;
const MAX_CYCLES = 5;
const CYCLE_BUDGET_MS = 60_000;
/** Requests in flight at once; PGlite runs one query at a time, so this mostly queues. */
const PARALLEL = 6;
/** Per cycle the server is killed after a random number of acknowledged writes in this range. */
const KILL_AFTER_ACKS = [80, 400] as const;
/** Hard bound on requests per cycle, in case the kill never lands. */
const MAX_REQUESTS_PER_CYCLE = 700;
/** One write in this many adds a member (user + membership in one transaction) instead of a key. */
const MEMBER_EVERY = 25;

const SERVER_ENV = {
  GUILDHALL_LOG_LEVEL: "warn",
  GUILDHALL_RATE_LIMIT_PER_MINUTE: "1000000",
  GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE: "1000",
};

afterEach(killAllChildren);
afterAll(removeDataDirs);

interface Acknowledged {
  apiKeys: Set<string>;
  members: Set<string>;
}

interface CycleResult {
  sent: number;
  acked: number;
  failedInFlight: number;
  unexpected: string[];
}

/**
 * Writes in PARALLEL lanes until the server dies; kills it with SIGKILL as soon as `killAfter`
 * writes of this cycle have been acknowledged, while the other lanes still have requests in flight.
 */
async function writeUntilKilled(
  server: GuildhallProcess,
  session: Session,
  organizationId: string,
  cycle: number,
  killAfter: number,
  acknowledged: Acknowledged,
): Promise<CycleResult> {
  const result: CycleResult = { sent: 0, acked: 0, failedInFlight: 0, unexpected: [] };
  let stopped = false;
  const lane = async (laneNumber: number) => {
    for (let n = 0; !stopped && result.sent < MAX_REQUESTS_PER_CYCLE; n++) {
      result.sent++;
      const addsMember = n % MEMBER_EVERY === MEMBER_EVERY - 1;
      const name = `c${cycle}-l${laneNumber}-n${n}`;
      const email = `${name}@durability.test`;
      const request = addsMember
        ? withSession(session, {
            method: "POST",
            body: JSON.stringify({ email, displayName: name, role: "member", password: "durability-password-1" }),
          })
        : withSession(session, { method: "POST", body: JSON.stringify({ name }) });
      const url = `${server.baseUrl}/api/v1/organizations/${organizationId}/${addsMember ? "members" : "api-keys"}`;
      let status: number;
      try {
        const response = await fetch(url, request);
        status = response.status;
        // Headers arrived: the handler finished, so a 201 is an acknowledgement even if the body is cut off.
        await response.arrayBuffer().catch(() => undefined);
      } catch {
        result.failedInFlight++;
        stopped = true;
        return;
      }
      if (status !== 201) {
        result.unexpected.push(`${url} -> ${status}`);
        continue;
      }
      (addsMember ? acknowledged.members : acknowledged.apiKeys).add(addsMember ? email : name);
      result.acked++;
      if (result.acked === killAfter) {
        stopped = true;
        server.child.kill("SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, (_, i) => lane(i)));
  if (server.running) server.child.kill("SIGKILL");
  const exit = await server.exited;
  expect(exit.signal).toBe("SIGKILL");
  return result;
}

async function assertAllPresent(server: GuildhallProcess, session: Session, acknowledged: Acknowledged) {
  const organizationId = organizationWhere(session, "admin");
  const keysResponse = await fetch(
    `${server.baseUrl}/api/v1/organizations/${organizationId}/api-keys`,
    withSession(session),
  );
  expect(keysResponse.status).toBe(200);
  const { apiKeys } = (await keysResponse.json()) as { apiKeys: { id: string; name: string }[] };
  const keyNames = new Set(apiKeys.map((k) => k.name));
  const missingKeys = [...acknowledged.apiKeys].filter((name) => !keyNames.has(name));
  expect(missingKeys, "acknowledged API keys lost after SIGKILL").toEqual([]);

  const membersResponse = await fetch(
    `${server.baseUrl}/api/v1/organizations/${organizationId}/members`,
    withSession(session),
  );
  expect(membersResponse.status).toBe(200);
  const { members } = (await membersResponse.json()) as { members: { email: string }[] };
  const emails = new Set(members.map((m) => m.email));
  const missingMembers = [...acknowledged.members].filter((email) => !emails.has(email));
  expect(missingMembers, "acknowledged members lost after SIGKILL").toEqual([]);
  return { keys: apiKeys.length, members: members.length };
}

describe.skipIf(ON_POSTGRES)("[PROCESS] SIGKILL during writes (embedded database)", () => {
  it(`keeps every acknowledged write across ${MIN_CYCLES}-${MAX_CYCLES} kill -9 / restart cycles`, {
    timeout: 150_000,
  }, async () => {
    const dataDir = await makeDataDir();
    const codes = new TotpCodes();
    const acknowledged: Acknowledged = { apiKeys: new Set(), members: new Set() };
    const log: string[] = [];
    let freshSignIns = 0;

    let server = await startServer(dataDir, SERVER_ENV);
    await server.waitFor("/api/ready");
    let session = await signIn(server.baseUrl, DEMO_ADMIN, DEMO_PASSWORD, await codes.next());
    const organizationId = organizationWhere(session, "admin");

    const testStarted = Date.now();
    let cycles = 0;
    for (let cycle = 1; cycle <= MAX_CYCLES; cycle++) {
      if (cycle > MIN_CYCLES && Date.now() - testStarted > CYCLE_BUDGET_MS) break;
      cycles = cycle;
      const [low, high] = KILL_AFTER_ACKS;
      const killAfter = low + Math.floor(Math.random() * (high - low));
      const started = Date.now();
      const result = await writeUntilKilled(server, session, organizationId, cycle, killAfter, acknowledged);
      expect(result.unexpected, "writes refused for another reason than the kill").toEqual([]);
      // Answers already on their way when the kill landed count as acknowledged too.
      expect(result.acked).toBeGreaterThanOrEqual(killAfter);

      server = await startServer(dataDir, SERVER_ENV);
      await server.waitFor("/api/ready");
      expect(server.stdout, "a restart must not seed again").not.toContain("Demo sign-ins");
      // Sessions live in the database: the one from before the kill must still work.
      const surviving = await fetch(`${server.baseUrl}/api/v1/auth/session`, withSession(session));
      expect(surviving.status, "the session from before the kill").toBe(200);
      await surviving.body?.cancel();
      // A fresh sign-in too, whenever the TOTP clock allows one without waiting.
      const code = codes.now();
      if (code) {
        session = await signIn(server.baseUrl, DEMO_ADMIN, DEMO_PASSWORD, code);
        freshSignIns++;
      }
      const counts = await assertAllPresent(server, session, acknowledged);
      log.push(
        `cycle ${cycle}: ${result.sent} sent, ${result.acked} acked, ${result.failedInFlight} cut off, ` +
          `${Date.now() - started} ms; ${code ? "fresh sign-in" : "surviving session"}; after restart ${counts.keys} keys, ${counts.members} members`,
      );
    }
    console.log(log.join("\n"));
    expect(cycles).toBeGreaterThanOrEqual(MIN_CYCLES);
    expect(freshSignIns, "at least one fresh admin sign-in after a restart").toBeGreaterThan(0);
    expect(server.stdout + server.stderr).not.toMatch(/"level":(50|60)/);
    const graceful = await server.kill("SIGTERM");
    expect(graceful.code).toBe(0);
  });
});
