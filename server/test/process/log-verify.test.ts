// The verifier as an auditor runs it: against a remote server over HTTP with a key of their own,
// on a single proof bundle offline, and on the server's own database once it has stopped.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { killAllChildren, makeDataDir, ON_POSTGRES, removeDataDirs, runCli, sleep, startServer } from "./harness.ts";

afterEach(killAllChildren);
afterAll(removeDataDirs);

describe.skipIf(ON_POSTGRES)("[PROCESS] guildhall log verify (embedded database)", () => {
  it("verifies a live log over HTTP, a proof bundle offline, and the stopped server's database; a forged bundle fails", {
    timeout: 180_000,
  }, async () => {
    const dataDir = await makeDataDir();
    const env = { GUILDHALL_DATA_DIR: dataDir, GUILDHALL_LOG_LEVEL: "warn", GUILDHALL_CHECKPOINT_SECONDS: "1" };
    const server = await startServer(dataDir, env);
    await server.waitFor("/api/ready");
    const receivers = (await (await fetch(`${server.baseUrl}/api/v1/reports/receivers`)).json()) as { id: string }[];
    for (let i = 0; i < 3; i++) {
      const filed = await fetch(`${server.baseUrl}/api/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          kind: "accident",
          organizationId: receivers[0]?.id,
          workplace: { name: "Studio 3", address: "Oberlandstraße 26", city: "Berlin", country: "DE" },
          description: "A cable across the stage tripped a dancer.",
          accident: { occurredAt: "2026-11-20T02:00", severity: "minor", medicalCare: false, employerReported: "no" },
          contact: null,
          language: "de",
        }),
      });
      expect(filed.status).toBe(201);
    }
    let bundle: Response | undefined;
    for (let attempt = 0; attempt < 40; attempt++) {
      bundle = await fetch(`${server.baseUrl}/api/v1/log/bundle?index=2`);
      if (bundle.status === 200) break;
      await bundle.arrayBuffer();
      await sleep(250);
    }
    expect(bundle?.status).toBe(200);
    const bundleFile = path.join(dataDir, "bundle.json");
    const bundleText = await (bundle as Response).text();
    await writeFile(bundleFile, bundleText);
    const { keys } = (await (await fetch(`${server.baseUrl}/api/v1/log/keys`)).json()) as {
      keys: { verifierKey: string }[];
    };
    const key = keys[0]?.verifierKey as string;
    const savedCheckpoint = path.join(dataDir, "checkpoint.txt");
    await writeFile(savedCheckpoint, await (await fetch(`${server.baseUrl}/api/v1/log/checkpoint`)).text());

    const remote = await runCli(
      ["log", "verify", "--url", server.baseUrl, "--key", key, "--since", savedCheckpoint],
      env,
    );
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toMatch(/The log is consistent: \d+ entries, \d+ signed checkpoints/);
    expect(remote.stderr).toMatch(/verified \d+ of \d+ entries/);

    const offline = await runCli(["log", "verify-bundle", bundleFile, "--key", key], env);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toMatch(/^Entry 2 is in the log of \d+ entries/);
    const forgedFile = path.join(dataDir, "forged.json");
    const forgedBundle = JSON.parse(bundleText) as { entry: string };
    forgedBundle.entry = forgedBundle.entry.replace('"kind":"', '"kind":"forged.');
    await writeFile(forgedFile, JSON.stringify(forgedBundle));
    const forged = await runCli(["log", "verify-bundle", forgedFile, "--key", key], env);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/^guildhall: The audit path does not lead from entry 2 to the root/m);

    expect((await server.kill("SIGTERM")).code).toBe(0);
    const local = await runCli(["log", "verify"], env);
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).toContain("trusting the keys the log itself lists");
    expect(local.stdout).toMatch(/The log is consistent/);
  });
});
