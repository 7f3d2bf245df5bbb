// `guildhall consent snapshot-check` as an AI developer runs it: on a downloaded file with the log's
// key, and straight from a running Guildhall with the organization's API key.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedPeople, signIn, type TestApp } from "../../../../test/app.ts";
import { runCli } from "../../../../test/process/harness.ts";
import { createOrganization, issueApiKey } from "../../identity/index.ts";

let t: TestApp;
let dir: string;
let apiKey: string;
let base: string;
let verifierKey: string;

const sha = (i: number) => i.toString(16).padStart(64, "0");

beforeAll(async () => {
  t = await buildTestApp({ GUILDHALL_LOG_ORIGIN: "guildhall.test/log" });
  dir = await mkdtemp(path.join(os.tmpdir(), "guildhall-snapshot-"));
  const orgs = await seedPeople(t.db, t.secretBox);
  const lab = await createOrganization(t.db, { name: "Model Lab", kind: "producer", country: "US" });
  apiKey = (await issueApiKey(t.db, lab.id, "crawler", null)).secret;
  const member = await signIn(t, orgs.people.member);
  for (const work of [
    { sha256: sha(1), identifiers: [{ scheme: "isrc", value: "USS1Z9900001" }] },
    { sha256: sha(2), permittedUses: ["inference"] },
  ]) {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/organizations/${orgs.organizationId}/consent/assets`,
      headers: member.headers,
      payload: { kind: "work", workKind: "audio", title: "A song", ...work },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  // The log's key is made with the first snapshot (a server makes it on start): download one first.
  await fetch(`${base}/api/v1/consent/snapshot`, { headers: { authorization: `Bearer ${apiKey}` } });
  verifierKey = ((await (await fetch(`${base}/api/v1/log/keys`)).json()) as { keys: { verifierKey: string }[] }).keys[0]
    ?.verifierKey as string;
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const ITEMS = [
  "training|isrc:US-S1Z-99-00001",
  `inference|sha256:${sha(1).toUpperCase()}`,
  `inference|sha256:${sha(2)}`,
  `fine_tuning|sha256:${sha(2)}`,
  `training|sha256:${sha(9)}`,
  "training|url:https://example.org/not-registered",
  "swimming|isrc:US-S1Z-99-00001",
  "",
].join("\n");

describe("guildhall consent snapshot-check", () => {
  it("downloads the snapshot with the API key, then checks a saved copy offline with the log's key", {
    timeout: 120_000,
  }, async () => {
    const saved = path.join(dir, "snapshot.json");
    const online = await runCli(
      ["consent", "snapshot-check", "--url", base, "--save", saved],
      { GUILDHALL_API_KEY: apiKey },
      60_000,
      ITEMS,
    );
    expect(online.code, online.stderr).toBe(0);
    expect(online.stderr).toContain("trusting the keys the log itself lists");
    const hits = ["training|isrc:USS1Z9900001", `inference|sha256:${sha(1)}`, `fine_tuning|sha256:${sha(2)}`];
    expect(online.stdout).toBe(`${hits.join("\n")}\n`);
    expect(online.stderr).toMatch(/Checked 6 item\(s\) in [\d.]+ s: 3 may be reserved/);
    expect(online.stderr).toContain("1 line(s) not understood");

    const offline = await runCli(
      ["consent", "snapshot-check", "--snapshot", saved, "--key", verifierKey],
      {},
      60_000,
      ITEMS,
    );
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toBe(online.stdout);

    const file = JSON.parse(await readFile(saved, "utf8")) as { snapshot: string };
    const forged = path.join(dir, "forged.json");
    await writeFile(forged, JSON.stringify({ ...file, snapshot: `AAAA${file.snapshot.slice(4)}` }));
    const refused = await runCli(
      ["consent", "snapshot-check", "--snapshot", forged, "--key", verifierKey],
      {},
      60_000,
      "",
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^guildhall: The snapshot's bytes are not the ones the note signed/m);

    const noKey = await runCli(["consent", "snapshot-check", "--url", base], {}, 60_000, "");
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain("GUILDHALL_API_KEY");
  });
});
