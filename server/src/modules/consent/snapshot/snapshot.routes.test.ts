import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USE_TYPES } from "../../../../../common/consent.ts";
import {
  openSnapshot,
  openSnapshotFile,
  SNAPSHOT_FALSE_POSITIVE_RATE,
  type SnapshotFile,
  snapshotName,
} from "../../../../../common/consent-snapshot.ts";
import { decodeBase64, encodeBase64 } from "../../../../../common/transparency-verify.ts";
import {
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  type TestApp,
  type TestOrganizations,
} from "../../../../test/app.ts";
import { generateNoteKeys } from "../../../platform/transparency/note.ts";
import { createOrganization, issueApiKey } from "../../identity/index.ts";
import { readLogEntries } from "../../transparency/index.ts";

const ORIGIN = "guildhall.test/log";
const MINUTE = 60_000;

let t: TestApp;
let orgs: TestOrganizations;
let member: SignedIn;
let apiKey: string;

const sha = (i: number) => i.toString(16).padStart(64, "0");

beforeAll(async () => {
  t = await buildTestApp({ GUILDHALL_LOG_ORIGIN: ORIGIN });
  orgs = await seedPeople(t.db, t.secretBox);
  const lab = await createOrganization(t.db, { name: "Model Lab", kind: "producer", country: "US" });
  apiKey = (await issueApiKey(t.db, lab.id, "crawler", null)).secret;
  member = await signIn(t, orgs.people.member);
  await register({
    sha256: sha(1),
    fingerprint: "0123456789abcdef",
    identifiers: [{ scheme: "isrc", value: "US-S1Z-99-00001" }],
  });
  await register({
    sha256: sha(2),
    identifiers: [{ scheme: "url", value: "https://example.org/poems/1" }],
    permittedUses: ["inference"],
  });
  await register({ sha256: sha(3), permittedUses: [...USE_TYPES] });
});
afterAll(() => t.close());

async function register(work: {
  sha256: string;
  fingerprint?: string;
  identifiers?: { scheme: string; value: string }[];
  permittedUses?: string[];
}): Promise<void> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/v1/organizations/${orgs.organizationId}/consent/assets`,
    headers: member.headers,
    payload: { kind: "work", workKind: "text", title: `Work ${work.sha256.slice(-4)}`, ...work },
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function download(headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "GET",
    url: "/api/v1/consent/snapshot",
    headers: { authorization: `Bearer ${apiKey}`, ...headers },
  });
}

async function logKeys(): Promise<string[]> {
  const response = await t.app.inject({ method: "GET", url: "/api/v1/log/keys" });
  return response.json<{ keys: { verifierKey: string }[] }>().keys.map((key) => key.verifierKey);
}

describe("GET /consent/snapshot", () => {
  let file: SnapshotFile;

  it("gives a snapshot signed with the log's key, in which every reserved use of every name hits", async () => {
    const response = await download();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    file = response.json<SnapshotFile>();
    expect(file).toMatchObject({ format: "guildhall-consent-snapshot-v1", origin: ORIGIN, keyCount: 3 + 2 * 7 });
    expect(file.falsePositiveRate).toBe(SNAPSHOT_FALSE_POSITIVE_RATE);
    expect(response.headers.etag).toBe(`"${Buffer.from(file.sha256, "base64").toString("hex")}"`);

    const snapshot = await openSnapshotFile(response.body, await logKeys());
    expect(snapshot.keyCount).toBe(file.keyCount);
    expect(snapshot.statement.logIndex).toBe(file.logIndex);
    const reservedEverywhere = [
      snapshotName({ sha256: sha(1) }),
      snapshotName({ fingerprint: "0123456789ABCDEF" }),
      snapshotName({ identifier: { scheme: "isrc", value: "USS1Z9900001" } }),
    ];
    for (const use of USE_TYPES) {
      for (const name of reservedEverywhere)
        expect(snapshot.mayBeReserved(use, name as string), `${use} ${name}`).toBe(true);
    }
    // The second work permits inference by its own policy; the third permits everything.
    const second = [
      snapshotName({ sha256: sha(2) }),
      snapshotName({ identifier: { scheme: "url", value: "https://EXAMPLE.org/poems/1" } }),
    ];
    for (const name of second as string[]) {
      expect(snapshot.mayBeReserved("inference", name)).toBe(false);
      expect(snapshot.mayBeReserved("training", name)).toBe(true);
    }
    for (const use of USE_TYPES) expect(snapshot.mayBeReserved(use, `sha256:${sha(3)}`)).toBe(false);
  });

  it("lets through about falsePositiveRate of items the registry does not hold", async () => {
    const snapshot = await openSnapshotFile(JSON.stringify(file), await logKeys());
    let hits = 0;
    const trials = 100_000;
    for (let i = 0; i < trials; i++) {
      if (snapshot.mayBeReserved("training", `sha256:${randomBytes(32).toString("hex")}`)) hits++;
    }
    // Expected 3.1 at most (two probes of 2^-16); 15 is beyond 6 standard deviations.
    expect(hits).toBeLessThanOrEqual(15);
  });

  it("puts the snapshot's SHA-256 on the transparency log", async () => {
    const [entry] = await readLogEntries(t.db, file.logIndex as number, (file.logIndex as number) + 1);
    const logged = JSON.parse(entry?.json ?? "null");
    expect(logged).toMatchObject({ kind: "consent.snapshot", sha256: file.sha256, keys: file.keyCount });
  });

  it("refuses altered bytes, another key, and a note that does not match its header", async () => {
    const keys = await logKeys();
    const bytes = decodeBase64(file.snapshot) as Uint8Array;
    const altered = Uint8Array.from(bytes);
    altered[altered.length - 1] = (altered[altered.length - 1] as number) ^ 1;
    await expect(openSnapshot(altered, file.note, keys)).rejects.toMatchObject({ problem: "hash" });
    await expect(
      openSnapshotFile(JSON.stringify({ ...file, snapshot: encodeBase64(altered) }), keys),
    ).rejects.toMatchObject({ problem: "hash" });

    const impostor = await generateNoteKeys(ORIGIN);
    await expect(openSnapshot(bytes, file.note, [impostor.verifierKey])).rejects.toMatchObject({
      problem: "signature",
    });
    const edited = file.note.replace(`\n${file.keyCount}\n`, `\n${file.keyCount + 1}\n`);
    await expect(openSnapshot(bytes, edited, keys)).rejects.toMatchObject({ problem: "signature" });
    await expect(openSnapshot(bytes, file.note, [])).rejects.toMatchObject({ problem: "malformed" });
    await expect(openSnapshotFile("not json", keys)).rejects.toMatchObject({ problem: "malformed" });
  });

  it("answers 304 to a client that has this snapshot", async () => {
    const response = await download({
      "if-none-match": `W/"x", "${Buffer.from(file.sha256, "base64").toString("hex")}"`,
    });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe("");
  });

  it("is only for organizations' API keys", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/consent/snapshot" });
    expect(anonymous.statusCode).toBe(401);
    const person = await t.app.inject({ method: "GET", url: "/api/v1/consent/snapshot", headers: member.headers });
    expect(person.statusCode).toBe(403);
    const wrongKey = await t.app.inject({
      method: "GET",
      url: "/api/v1/consent/snapshot",
      headers: { authorization: "Bearer gh_nope_nope" },
    });
    expect(wrongKey.statusCode).toBe(401);
  });

  it("is made again after a change, at most once a minute, and not when nothing changed", async () => {
    t.clock.advance(2 * MINUTE);
    const unchanged = (await download()).json<SnapshotFile>();
    expect(unchanged.sha256).toBe(file.sha256);
    expect(unchanged.logIndex).toBe(file.logIndex);

    await register({ sha256: sha(4), identifiers: [{ scheme: "doi", value: "10.1000/new" }] });
    const rebuilt = (await download()).json<SnapshotFile>();
    expect(rebuilt.sha256).not.toBe(file.sha256);
    expect(rebuilt.keyCount).toBe(file.keyCount + 2);
    expect(rebuilt.logIndex).toBeGreaterThan(file.logIndex as number);
    const snapshot = await openSnapshotFile(JSON.stringify(rebuilt), await logKeys());
    expect(snapshot.mayBeReserved("training", `sha256:${sha(4)}`)).toBe(true);
    expect(snapshot.mayBeReserved("training", "doi:10.1000/new")).toBe(true);

    await register({ sha256: sha(5) });
    const debounced = (await download()).json<SnapshotFile>();
    expect(debounced.sha256).toBe(rebuilt.sha256);
    t.clock.advance(MINUTE);
    const next = (await download()).json<SnapshotFile>();
    expect(next.keyCount).toBe(rebuilt.keyCount + 1);
    const latest = await openSnapshotFile(JSON.stringify(next), await logKeys());
    expect(latest.mayBeReserved("fine_tuning", `sha256:${sha(5)}`)).toBe(true);
  });

  it("reserves every use of a striking union's members' works, even those their policy permits", async () => {
    const officer = await signIn(t, orgs.people.officer);
    const strike = await t.app.inject({
      method: "PUT",
      url: `/api/v1/organizations/${orgs.organizationId}/consent/strike`,
      headers: officer.headers,
      payload: { onStrike: true },
    });
    expect(strike.statusCode, strike.body).toBe(200);
    t.clock.advance(MINUTE);
    const during = await openSnapshotFile((await download()).body, await logKeys());
    for (const use of USE_TYPES) expect(during.mayBeReserved(use, `sha256:${sha(3)}`)).toBe(true);
  });
});
