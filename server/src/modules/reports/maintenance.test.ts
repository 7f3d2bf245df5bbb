import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type SignedIn,
  seedPeople,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganizations,
} from "../../../test/app.ts";
import { createSmtpMailer, type Mailer } from "../../platform/mail/mailer.ts";
import { createReaderKeysIfMissing } from "../identity/index.ts";
import { readLogEntries } from "../transparency/index.ts";
import { runReportsMaintenance } from "./index.ts";

const MARKER = "MAIL-MARKER-3f9a";
const DAY = 86_400_000;

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The message as a reader sees it: quoted-printable soft breaks and escapes undone. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "");
  const bytes = joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

let t: TestApp;
let orgs: TestOrganizations;
let smtp: SMTPServer;
let mailer: Mailer;
const inbox: Received[] = [];
let refuseMail = false;

beforeAll(async () => {
  t = await buildTestApp();
  orgs = await seedPeople(t.db, t.secretBox);
  await createReaderKeysIfMissing(t.db, orgs.people.officer.userId, TEST_PASSWORD);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(refuseMail ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decodeQuotedPrintable(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, "Guildhall <guildhall@test.guildhall.test>");
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

async function officerSession(): Promise<SignedIn> {
  return signIn(t, orgs.people.officer);
}

async function fileReport(): Promise<string> {
  t.clock.advance(1_000);
  const filed = await t.app.inject({
    method: "POST",
    url: "/api/v1/reports",
    payload: {
      kind: "violation",
      category: "unpaid_pay",
      organizationId: orgs.organizationId,
      workplace: { name: "Teatro Real rehearsals", address: "Plaza de Isabel II 7", city: "Madrid", country: "ES" },
      description: `Nobody was paid for the last three weeks ${MARKER}.`,
      contact: null,
      language: "es",
    },
  });
  expect(filed.statusCode).toBe(201);
  const officer = await officerSession();
  const [newest] = (
    await t.app.inject({
      method: "GET",
      url: `/api/v1/organizations/${orgs.organizationId}/reports`,
      headers: officer.headers,
    })
  ).json();
  return newest.id;
}

const maintain = () =>
  runReportsMaintenance(t.db, { mailer, publicOrigin: "https://guildhall.example.org" }, t.clock.now());

describe("reminder e-mails over SMTP", () => {
  it("tell each officer once a day how many cases are overdue, with a link and nothing from any case", async () => {
    await fileReport();
    expect((await maintain()).reminded).toBe(0);
    t.clock.advance(8 * DAY);

    const first = await maintain();
    expect(first.reminded).toBe(1);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0] as Received;
    expect(mail.to).toEqual([orgs.people.officer.email]);
    expect(mail.from).toBe("guildhall@test.guildhall.test");
    expect(mail.raw).toMatch(/Subject: Guildhall: 1 overdue case/);
    expect(mail.raw).toContain(`https://guildhall.example.org/cases?org=${orgs.organizationId}`);
    expect(mail.raw).toMatch(/\b1 {2}overdue: receipt not acknowledged/);
    expect(mail.raw).not.toContain(MARKER);
    expect(mail.raw).not.toContain("Teatro Real");

    expect((await maintain()).reminded).toBe(0);
    t.clock.advance(DAY);
    expect((await maintain()).reminded).toBe(1);
    expect(inbox).toHaveLength(2);
  });

  it("tries again on the next run when the mail server refuses", async () => {
    t.clock.advance(DAY);
    refuseMail = true;
    await expect(maintain()).rejects.toThrow(/Mailbox unavailable|550/);
    refuseMail = false;
    expect((await maintain()).reminded).toBe(1);
  });
});

describe("retention", () => {
  it("deletes closed cases past the organization's retention with their keys, and only those", async () => {
    const admin = await signIn(t, orgs.people.admin);
    const settings = await t.app.inject({
      method: "PUT",
      url: `/api/v1/organizations/${orgs.organizationId}/reports/settings`,
      headers: admin.headers,
      payload: { acknowledgeDays: 7, feedbackMonths: 3, retentionDays: 30 },
    });
    expect(settings.statusCode).toBe(200);
    const closed = await fileReport();
    const open = await fileReport();
    const officer = await officerSession();
    const close = await t.app.inject({
      method: "POST",
      url: `/api/v1/organizations/${orgs.organizationId}/reports/${closed}/status`,
      headers: officer.headers,
      payload: { status: "closed", outcome: "not_substantiated" },
    });
    expect(close.statusCode).toBe(200);

    t.clock.advance(29 * DAY);
    expect((await maintain()).expired).toBe(0);
    t.clock.advance(2 * DAY);
    expect((await maintain()).expired).toBe(1);

    const left = await t.db.selectFrom("reports").select("id").where("id", "in", [closed, open]).execute();
    expect(left.map((r) => r.id)).toEqual([open]);
    const seals = await t.db
      .selectFrom("report_key_seals")
      .select("report_id")
      .where("report_id", "=", closed)
      .execute();
    expect(seals).toEqual([]);
    const events = await t.db.selectFrom("report_events").select("log_index").where("action", "=", "expired").execute();
    expect(events).toHaveLength(1);
    const logIndex = Number(events[0]?.log_index);
    const [logged] = await readLogEntries(t.db, logIndex, logIndex + 1);
    expect(JSON.parse(logged?.json ?? "")).toMatchObject({ kind: "report.removed", reason: "expired" });
  });
});
