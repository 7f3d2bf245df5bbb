import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportSubmissionSchema } from "../../../../common/reports.ts";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { createOrganization, createReaderKeysIfMissing, grantRole } from "../identity/index.ts";
import { submitReport } from "./index.ts";
import { reportFigures, suppress } from "./use-cases/figures.ts";

const DAY = 24 * 3_600_000;

describe("public figures suppress small cells", () => {
  it("hides counts under 5, and the next smallest when only one would be hidden", () => {
    const cells = (...counts: number[]) => counts.map((count, index) => ({ key: index, count }));
    expect(suppress(cells(1)).map((c) => c.count)).toEqual([null]);
    expect(suppress(cells(10, 3, 7)).map((c) => c.count)).toEqual([10, null, null]);
    expect(suppress(cells(2, 3, 9)).map((c) => c.count)).toEqual([null, null, 9]);
    expect(suppress(cells(5, 6)).map((c) => c.count)).toEqual([5, 6]);
  });
});

describe("public figures per organization", () => {
  let t: TestApp;
  let unionA: string;
  let unionB: string;

  beforeAll(async () => {
    t = await buildTestApp();
    unionA = (await createOrganization(t.db, { name: "Union A", kind: "union", country: "ES" })).id;
    unionB = (await createOrganization(t.db, { name: "Union B", kind: "union", country: "ES" })).id;
    for (const organizationId of [unionA, unionB]) {
      const { userId } = await grantRole(t.db, organizationId, {
        email: `officer@${organizationId}.test`,
        displayName: "Officer",
        role: "officer",
        password: "a long enough password",
      });
      await createReaderKeysIfMissing(t.db, userId, "a long enough password");
    }
    const file = async (organizationId: string, at: string, category: string | null) => {
      const base = {
        organizationId,
        workplace: { name: "Set", address: "Calle Mayor 1", city: "Madrid", country: "ES" },
        description: "Something that must be looked into.",
        contact: null,
        language: "es",
      };
      const submission = category
        ? { ...base, kind: "violation", category }
        : {
            ...base,
            kind: "accident",
            accident: { occurredAt: at, severity: "minor", medicalCare: false, employerReported: "unknown" },
          };
      return (await submitReport(t.db, reportSubmissionSchema.parse(submission), new Date(at))).reportId;
    };
    const accidents = [];
    for (let i = 0; i < 7; i++) accidents.push(await file(unionA, `2026-10-0${i + 1}T10:00:00Z`, null));
    for (let i = 0; i < 2; i++) await file(unionA, `2026-10-1${i}T10:00:00Z`, "unpaid_pay");
    for (let i = 0; i < 6; i++) await file(unionA, `2026-11-0${i + 1}T10:00:00Z`, "harassment_violence");
    for (let i = 0; i < 3; i++) await file(unionB, `2026-11-0${i + 1}T10:00:00Z`, "unpaid_pay");
    // Five accidents acknowledged after 1, 2, 3, 4 and 10 days, then resolved as substantiated.
    for (const [index, delay] of [1, 2, 3, 4, 10].entries()) {
      const received = new Date(`2026-10-0${index + 1}T10:00:00Z`).getTime();
      await t.db
        .updateTable("reports")
        .set({
          status: "resolved",
          outcome: "substantiated",
          acknowledged_at: new Date(received + delay * DAY),
          resolved_at: new Date(received + 2 * delay * DAY),
        })
        .where("id", "=", accidents[index] as string)
        .execute();
    }
  });
  afterAll(() => t.close());

  it("counts by month and category, outcomes, median days and the overdue share, suppressing small cells", async () => {
    const figures = await reportFigures(t.db, { organizationId: unionA }, new Date("2027-03-01T00:00:00Z"));
    expect(figures).toEqual({
      organizationId: unionA,
      country: null,
      total: 15,
      received: [
        { month: "2026-10", category: "accident", count: 7 },
        { month: "2026-10", category: "unpaid_pay", count: null },
        { month: "2026-11", category: "harassment_violence", count: null },
      ],
      outcomes: [{ outcome: "substantiated", count: 5 }],
      medianDaysToAcknowledge: 3,
      medianDaysToResolve: 6,
      overdueShare: 1,
    });
    const small = await reportFigures(t.db, { organizationId: unionB }, new Date("2026-11-05T00:00:00Z"));
    expect(small).toMatchObject({ total: null, medianDaysToAcknowledge: null, overdueShare: null });
    expect(small.received.every((cell) => cell.count === null)).toBe(true);
    expect((await reportFigures(t.db, { country: "ES" }, new Date())).total).toBe(18);
  });

  it("serves them publicly as JSON and CSV", async () => {
    const json = await t.app.inject({ method: "GET", url: `/api/v1/reports/figures?organizationId=${unionA}` });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ total: 15 });
    const csv = await t.app.inject({ method: "GET", url: `/api/v1/reports/figures.csv?organizationId=${unionA}` });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body.split("\r\n")).toContain("reports received,2026-10,unpaid_pay,,suppressed");
    expect(csv.body.split("\r\n")).toContain("reports received,2026-10,accident,,7");
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/reports/figures?country=Spain" });
    expect(bad.statusCode).toBe(400);
  });
});
