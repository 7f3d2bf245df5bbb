import { type ReportSubmission, reportSubmissionSchema } from "../common/reports.ts";
import { createOrganization, createReaderKeysIfMissing, grantRole } from "../server/src/modules/identity/index.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { openBenchDatabase } from "./database.ts";
import type { MeasureContext } from "./harness.ts";

/** Officers of the bench union: each report's key is sealed to every one of them. */
export const BENCH_OFFICERS = 3;

export interface ReportsFixture {
  db: Db;
  engine: "pglite" | "postgres";
  organizationId: string;
  /** The union's officers, each with a reader key. */
  officerIds: string[];
  submission: ReportSubmission;
}

/** A migrated database with a union whose officers hold reader keys, and a typical accident report. */
export async function openReportsFixture(context: MeasureContext): Promise<ReportsFixture> {
  const { database } = await openBenchDatabase(context);
  const { db } = database;
  const union = await createOrganization(db, { name: "Bench Reports Union", kind: "union", country: "ES" });
  if (database.engine === "postgres") {
    context.defer("delete the bench reports and union", async () => {
      await db.deleteFrom("report_events").where("organization_id", "=", union.id).execute();
      await db.deleteFrom("reports").where("organization_id", "=", union.id).execute();
      await db.deleteFrom("organizations").where("id", "=", union.id).execute();
    });
  }
  const officerIds: string[] = [];
  for (let index = 0; index < BENCH_OFFICERS; index++) {
    const email = `bench.officer.${index}.${union.id}@bench.guildhall.test`;
    const { userId } = await grantRole(db, union.id, {
      email,
      displayName: `Bench officer ${index}`,
      role: "officer",
      password: "bench password",
    });
    if (database.engine === "postgres") {
      context.defer(`delete bench officer ${index}`, () => db.deleteFrom("users").where("id", "=", userId).execute());
    }
    await createReaderKeysIfMissing(db, userId, "bench password");
    officerIds.push(userId);
  }
  return { db, engine: database.engine, organizationId: union.id, officerIds, submission: benchSubmission(union.id) };
}

/** A typical accident report, about 1 KB of JSON. */
export function benchSubmission(organizationId: string): ReportSubmission {
  return reportSubmissionSchema.parse({
    kind: "accident",
    organizationId,
    sector: "film",
    workplace: { name: "Night shoot, unit 2", address: "Calle de Alcalá 42", city: "Madrid", country: "ES" },
    description: "A lighting rig fell from the gantry at 2 a.m.; one electrician was hit on the shoulder. ".repeat(8),
    happenedOn: "2026-11-22",
    contact: null,
    language: "es",
    accident: {
      occurredAt: "2026-11-22T02:00:00+01:00",
      severity: "treated",
      medicalCare: true,
      employerReported: "no",
    },
  });
}

export function engineLabel(fixture: ReportsFixture): string {
  return fixture.engine === "postgres" ? "PostgreSQL via DATABASE_URL" : "embedded PGlite";
}
