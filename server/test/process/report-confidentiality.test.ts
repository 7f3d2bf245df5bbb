// The promise, checked on a real server process: a copy of the data folder and the logs
// holds no plaintext of any report, whatever path it came in by.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { concat, fixture, latin1, pngChunk } from "../../src/platform/files/fixtures/build.ts";
import {
  DEMO_PASSWORD,
  killAllChildren,
  makeDataDir,
  marker,
  ON_POSTGRES,
  organizationWhere,
  removeDataDirs,
  signIn,
  startServer,
  TotpCodes,
  withSession,
} from "./harness.ts";

afterEach(killAllChildren);
afterAll(removeDataDirs);

const DEMO_OFFICER = "officer@demo.guildhall.test";

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe.skipIf(ON_POSTGRES)("[PROCESS] report confidentiality at rest (embedded database)", () => {
  it("keeps no report text, contact, file, message, note or receipt in the data folder or the logs", {
    timeout: 180_000,
  }, async () => {
    const dataDir = await makeDataDir();
    const server = await startServer(dataDir, { GUILDHALL_LOG_LEVEL: "debug" });
    await server.waitFor("/api/ready");
    const secrets = {
      description: marker("ReportDescription"),
      workplace: marker("WorkplaceName"),
      contactName: marker("ContactName"),
      email: `${marker("contact").toLowerCase()}@example.org`,
      formDescription: marker("FormDescription"),
      fileName: marker("FileName"),
      fileAuthor: marker("FileAuthor"),
      reporterMessage: marker("ReporterMessage"),
      officerMessage: marker("OfficerMessage"),
      note: marker("InternalNote"),
    };

    const receivers = (await (await fetch(`${server.baseUrl}/api/v1/reports/receivers?country=DE`)).json()) as {
      id: string;
    }[];
    const organizationId = receivers[0]?.id as string;
    expect(organizationId).toBeDefined();
    const filed = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "violation",
        category: "harassment_violence",
        organizationId,
        workplace: { name: secrets.workplace, address: "Oberlandstraße 26", city: "Berlin", country: "DE" },
        description: `It happened again on set: ${secrets.description}`,
        contact: { name: secrets.contactName, email: secrets.email },
        language: "de",
      }),
    });
    expect(filed.status).toBe(201);
    const { receipt } = (await filed.json()) as { receipt: string };

    // The same through the page without JavaScript, with a photo whose author is kept on purpose.
    const png = fixture("canvas.png");
    const photo = concat(png.slice(0, -12), pngChunk("tEXt", latin1(`Author\0${secrets.fileAuthor}`)), png.slice(-12));
    const form = new FormData();
    for (const [name, value] of Object.entries({
      lang: "de",
      kind: "accident",
      country: "DE",
      organizationId,
      "workplace.name": "Studio 3",
      "workplace.address": "Oberlandstraße 26",
      "workplace.city": "Berlin",
      "accident.occurredAt": "2026-11-20T02:00",
      "accident.severity": "minor",
      "accident.medicalCare": "no",
      "accident.employerReported": "unknown",
      description: `A cable across the stage: ${secrets.formDescription}`,
      anonymous: "yes",
      keepMetadata: "true",
    })) {
      form.append(name, value);
    }
    form.append("attachments", new Blob([Buffer.from(photo)], { type: "image/png" }), `${secrets.fileName}.png`);
    const page = await fetch(`${server.baseUrl}/report`, { method: "POST", body: form });
    expect(page.status).toBe(200);
    const formReceipt = /\d{5} \d{5} \d{5} \d{5} \d{5}/.exec(await page.text())?.[0] as string;
    expect(formReceipt).toBeDefined();

    const answered = await fetch(`${server.baseUrl}/api/v1/reports/follow-up/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ receipt, text: secrets.reporterMessage }),
    });
    expect(answered.status).toBe(204);

    const officer = await signIn(server.baseUrl, DEMO_OFFICER, DEMO_PASSWORD, await new TotpCodes().next());
    const orgId = organizationWhere(officer, "officer");
    expect(orgId).toBe(organizationId);
    const queue = (await (
      await fetch(`${server.baseUrl}/api/v1/organizations/${orgId}/reports`, withSession(officer))
    ).json()) as { id: string }[];
    expect(queue).toHaveLength(2);
    for (const { id } of queue) {
      const base = `${server.baseUrl}/api/v1/organizations/${orgId}/reports/${id}`;
      const opened = await fetch(base, withSession(officer));
      expect(opened.status).toBe(200);
      const text = await opened.text();
      expect(text.includes(secrets.description) || text.includes(secrets.formDescription)).toBe(true);
      const reply = { method: "POST", body: JSON.stringify({ text: secrets.officerMessage }) };
      expect((await fetch(`${base}/messages`, withSession(officer, reply))).status).toBe(204);
      const note = { method: "POST", body: JSON.stringify({ text: secrets.note }) };
      expect((await fetch(`${base}/notes`, withSession(officer, note))).status).toBe(204);
    }

    expect((await server.kill("SIGTERM")).code).toBe(0);
    const needles = [
      ...Object.values(secrets),
      receipt.replaceAll(" ", ""),
      receipt,
      formReceipt.replaceAll(" ", ""),
      formReceipt,
    ].map((needle) => ({ needle, bytes: Buffer.from(needle, "utf8") }));
    const files = await filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(100);
    // The scan does see table data: what is kept in clear on purpose is found.
    let clearTextSeen = false;
    for (const file of files) {
      const content = await readFile(file);
      clearTextSeen ||= content.includes(Buffer.from("Screen and Stage Union"));
      for (const { needle, bytes } of needles) {
        expect(content.includes(bytes), `${needle} in ${path.relative(dataDir, file)}`).toBe(false);
      }
    }
    expect(clearTextSeen).toBe(true);
    const logs = `${server.stdout}\n${server.stderr}`;
    expect(logs).toContain('"msg":"request completed"');
    for (const { needle } of needles) expect(logs, `${needle} in the logs`).not.toContain(needle);
  });
});
