import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReportSubmission, reportSubmissionSchema } from "../../../../common/reports.ts";
import { createTestDatabase } from "../../../test/database.ts";
import { decryptText, openSealed } from "../../platform/crypto/envelope.ts";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { concat, fixture, latin1, pngChunk } from "../../platform/files/fixtures/build.ts";
import { AppError } from "../../platform/http/app-error.ts";
import {
  createOrganization,
  createReaderKeysIfMissing,
  grantRole,
  listReportReceivers,
  unlockReaderKey,
} from "../identity/index.ts";
import { addReporterMessage, followUpReport, submitReport } from "./index.ts";
import { prepareAttachments } from "./use-cases/attachments.ts";
import { addMonths } from "./use-cases/deadlines.ts";

const PASSWORD = "correct horse battery staple";
const NOW = new Date("2026-11-30T02:10:00Z");
const MARKER = "ZQX-7731-plaintext-marker";

function accidentReport(organizationId: string, marker = MARKER): ReportSubmission {
  return reportSubmissionSchema.parse({
    kind: "accident",
    organizationId,
    sector: "film",
    workplace: { name: `Rodaje ${marker}`, address: "Calle de Alcalá 42", city: "Madrid", country: "es" },
    description: `A lighting rig fell at 2 a.m.; ${marker}.`,
    happenedOn: "2026-11-29",
    contact: null,
    language: "es",
    accident: {
      occurredAt: "2026-11-30T02:00:00+01:00",
      severity: "treated",
      medicalCare: true,
      employerReported: "no",
    },
  });
}

async function person(db: DatabaseHandle["db"], organizationId: string, email: string, role: "officer" | "member") {
  const { userId } = await grantRole(db, organizationId, { email, displayName: email, role, password: PASSWORD });
  return userId;
}

describe("reports: filed without an account, readable only by the union's officers and the receipt", () => {
  let database: DatabaseHandle;
  let db: DatabaseHandle["db"];
  let union: string;
  let otherUnion: string;
  let producer: string;
  let officers: { a: string; b: string; keyless: string; member: string; otherUnion: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    union = (await createOrganization(db, { name: "Sindicato de Técnicos", kind: "union", country: "ES" })).id;
    otherUnion = (await createOrganization(db, { name: "Other Union", kind: "union", country: "FR" })).id;
    producer = (await createOrganization(db, { name: "Studio", kind: "producer", country: "ES" })).id;
    officers = {
      a: await person(db, union, "a@union.test", "officer"),
      b: await person(db, union, "b@union.test", "officer"),
      keyless: await person(db, union, "keyless@union.test", "officer"),
      member: await person(db, union, "member@union.test", "member"),
      otherUnion: await person(db, otherUnion, "x@other.test", "officer"),
    };
    for (const userId of [officers.a, officers.b, officers.member, officers.otherUnion]) {
      const created = await createReaderKeysIfMissing(db, userId, PASSWORD);
      expect(created?.recoveryCode).toMatch(/^\d{5}( \d{5}){4}$/);
    }
    expect(await createReaderKeysIfMissing(db, officers.a, PASSWORD)).toBeNull();
  });
  afterAll(() => database.close());

  it("offers only unions and authorities with an officer holding a key", async () => {
    const receivers = await listReportReceivers(db);
    expect(receivers.map((r) => r.id).sort()).toEqual([union, otherUnion].sort());
    expect((await listReportReceivers(db, { country: "ES" })).map((r) => r.id)).toEqual([union]);
  });

  it("gives a receipt that shows the report, its deadlines and its messages, and nothing for a wrong one", async () => {
    const submission = accidentReport(union);
    const { receipt } = await submitReport(db, submission, NOW);
    expect(receipt).toMatch(/^\d{5}( \d{5}){4}$/);

    const view = await followUpReport(db, receipt.replaceAll(" ", "-"));
    const { organizationId: _organization, sector: _sector, ...content } = submission;
    expect(view).toMatchObject({
      status: "new",
      outcome: null,
      receivedAt: NOW.toISOString(),
      acknowledgeBy: "2026-12-07T02:10:00.000Z",
      feedbackBy: "2027-02-28T02:10:00.000Z",
      acknowledgedAt: null,
      organizationName: "Sindicato de Técnicos",
      messages: [],
    });
    expect(view.content).toEqual(JSON.parse(JSON.stringify(content)));

    await addReporterMessage(db, receipt, `I also have photos ${MARKER}`, new Date(NOW.getTime() + 60_000));
    expect((await followUpReport(db, receipt)).messages).toEqual([
      { author: "reporter", at: new Date(NOW.getTime() + 60_000).toISOString(), text: `I also have photos ${MARKER}` },
    ]);

    const digits = receipt.replaceAll(" ", "");
    const oneDigitOff = `${digits.slice(0, -1)}${(Number(digits.at(-1)) + 1) % 10}`;
    for (const wrong of [oneDigitOff, "hello", "", `${digits}1`]) {
      const error = await followUpReport(db, wrong).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "invalid_receipt", message: "This receipt does not match a report." });
    }
    await expect(addReporterMessage(db, oneDigitOff, "x", NOW)).rejects.toMatchObject({ code: "invalid_receipt" });
  });

  it("seals the report's key to each of the union's officers with a key, and to no one else", async () => {
    const { reportId } = await submitReport(db, accidentReport(union), NOW);
    const seals = await db.selectFrom("report_key_seals").selectAll().where("report_id", "=", reportId).execute();
    expect(seals.map((s) => s.user_id).sort()).toEqual([officers.a, officers.b].sort());
    const report = await db
      .selectFrom("reports")
      .select("content")
      .where("id", "=", reportId)
      .executeTakeFirstOrThrow();

    for (const seal of seals) {
      const keys = await unlockReaderKey(db, seal.user_id, PASSWORD);
      if (!keys) throw new Error("the officer's key should unlock");
      const recordKey = await openSealed(Uint8Array.from(seal.sealed_key), keys);
      expect(await decryptText(Uint8Array.from(report.content), recordKey)).toContain(MARKER);
    }
    expect(await unlockReaderKey(db, officers.a, "wrong password")).toBeNull();
    const outsider = await unlockReaderKey(db, officers.otherUnion, PASSWORD);
    if (!outsider) throw new Error("the other union's officer has a key");
    await expect(openSealed(Uint8Array.from(seals[0]?.sealed_key ?? []), outsider)).rejects.toThrow(/decrypted/);
  });

  it("refuses organizations that cannot receive reports, and stores nothing", async () => {
    const keylessUnion = (await createOrganization(db, { name: "Keyless", kind: "union", country: "ES" })).id;
    const before = await db.selectFrom("reports").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow();
    for (const organizationId of [producer, keylessUnion]) {
      await expect(submitReport(db, accidentReport(organizationId), NOW)).rejects.toMatchObject({
        code: "validation_failed",
        fields: [{ path: "body.organizationId", message: "Does not receive reports" }],
      });
    }
    const after = await db.selectFrom("reports").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("keeps no plaintext of any report in the database, and logs events without content", async () => {
    const marker = "UNIQUE-MARKER-5c1e2b7d";
    const { receipt } = await submitReport(
      db,
      reportSubmissionSchema.parse({
        ...accidentReport(union, marker),
        contact: { name: `Ana ${marker}`, email: "ana@example.org", phone: "+34 600 000 000" },
      }),
      NOW,
      await prepareAttachments(
        [
          {
            name: `${marker}.png`,
            bytes: concat(
              fixture("canvas.png").slice(0, -12),
              pngChunk("tEXt", latin1(`Author\0${marker}`)),
              fixture("canvas.png").slice(-12),
            ),
          },
        ],
        true,
      ),
    );
    await addReporterMessage(db, receipt, `more ${marker}`, NOW);
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
    const hexMarker = Buffer.from(marker).toString("hex");
    let rows = 0;
    for (const { table_name } of tables.rows) {
      const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(db);
      for (const { row } of dump.rows) {
        rows++;
        expect(row, table_name).not.toContain(marker);
        expect(row, table_name).not.toContain(hexMarker);
        expect(row, table_name).not.toContain("ana@example.org");
        expect(row.replaceAll(" ", ""), table_name).not.toContain(receipt.replaceAll(" ", ""));
      }
    }
    expect(rows).toBeGreaterThan(10);
    const events = await db.selectFrom("report_events").select(["action", "user_id"]).orderBy("id").execute();
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(["received", "reporter_message"]));
    const view = await followUpReport(db, receipt);
    expect(view.attachments).toMatchObject([{ name: `${marker}.png`, metadata: "kept" }]);
    expect(events.every((e) => e.user_id === null)).toBe(true);
  });
});

describe("report submissions are checked at the edge", () => {
  const valid = accidentReport("3f0b7c8e-1d2a-4c5b-9e6f-7a8b9c0d1e2f");

  it("asks for a workplace precise enough to find, and contact details only if not anonymous", () => {
    const oneWord = reportSubmissionSchema.safeParse({
      ...valid,
      workplace: { ...valid.workplace, address: "Madrid" },
    });
    expect(oneWord.success).toBe(false);
    expect(oneWord.error?.issues.map((i) => i.path.join("."))).toContain("workplace.address");
    const sameAsCity = reportSubmissionSchema.safeParse({
      ...valid,
      workplace: { ...valid.workplace, address: "san sebastián", city: "San Sebastián" },
    });
    expect(sameAsCity.success).toBe(false);
    expect(reportSubmissionSchema.safeParse({ ...valid, contact: { name: "Ana" } }).success).toBe(false);
    expect(reportSubmissionSchema.safeParse({ ...valid, contact: { phone: "call me" } }).success).toBe(false);
    expect(reportSubmissionSchema.safeParse({ ...valid, description: "short" }).success).toBe(false);
    expect(reportSubmissionSchema.safeParse({ ...valid, kind: "violation" }).success).toBe(false);
    expect(reportSubmissionSchema.safeParse({ ...valid, contact: null }).success).toBe(true);
  });

  it("counts deadlines in calendar months, ending on a short month's last day", () => {
    expect(addMonths(new Date("2026-11-30T10:00:00Z"), 3).toISOString()).toBe("2027-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2027-11-30T10:00:00Z"), 3).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(addMonths(new Date("2026-01-15T00:00:00Z"), 3).toISOString()).toBe("2026-04-15T00:00:00.000Z");
  });
});
