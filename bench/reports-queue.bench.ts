import { CompiledQuery, sql } from "kysely";
import { listQueue } from "../server/src/modules/reports/use-cases/case-work.ts";
import type { Actor } from "../server/src/platform/auth/actor.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";
import { engineLabel, openReportsFixture, type ReportsFixture } from "./reports-fixture.ts";

const CASES = readCount("BENCH_QUEUE_CASES", 100_000);
const BATCH = 10_000;
const QUEUE_LENGTH = 500;

/** The columns listCases reads, in clear (reports.repository.ts CASE_COLUMNS). */
const CASE_COLUMNS =
  "id, kind, category, country, sector, status, outcome, received_at, acknowledge_by, feedback_by, acknowledged_at, resolved_at";
const BASELINE_SQL = `SELECT ${CASE_COLUMNS} FROM reports WHERE organization_id = $1
  ORDER BY received_at DESC, id LIMIT ${QUEUE_LENGTH}`;

interface QueueFixture extends ReportsFixture {
  actor: Actor;
  plan: string[];
}

/**
 * The officer queue of a union holding 100,000 cases: listQueue (access check, listCases, overdue
 * marks) against the same SELECT alone through the same driver.
 */
export default defineBenchmark<QueueFixture>({
  name: "reports-queue",
  title: `the officer queue (newest ${QUEUE_LENGTH}) of a union with ${CASES.toLocaleString("en-US")} cases vs its SELECT alone`,
  setupTimeoutSeconds: 1800,
  notes: [
    `in-process calls, one at a time, at least 50 each: listQueue(db, officer, orgId, now) from use-cases/case-work.ts; ` +
      `the baseline sends listCases' statement (${QUEUE_LENGTH} newest, ORDER BY received_at DESC, id) as raw SQL.`,
    `${CASES.toLocaleString("en-US")} cases (BENCH_QUEUE_CASES) inserted with INSERT ... SELECT generate_series in batches of ` +
      `${BATCH.toLocaleString("en-US")}, received over three years (one every ~16 minutes), newest ones mostly new, older ones ` +
      "mostly closed; content and key are 1 KiB / 72 bytes of filler (the queue never decrypts); then ANALYZE.",
    "the plan line shows whether reports_queue_idx (organization_id, status, received_at) serves the ORDER BY: " +
      "with status in the middle it cannot, so every case of the organization is read and sorted for each call.",
  ],

  async setup(context) {
    const fixture = await openReportsFixture(context);
    const { db } = fixture;
    const started = performance.now();
    for (let from = 1; from <= CASES; from += BATCH) {
      const to = Math.min(CASES, from + BATCH - 1);
      context.progress(`inserting cases ${from.toLocaleString("en-US")}-${to.toLocaleString("en-US")}`);
      await sql`
        INSERT INTO reports (organization_id, kind, category, country, sector, status, outcome, received_at,
          acknowledge_by, feedback_by, acknowledged_at, resolved_at, receipt_lookup, key_for_reporter, content)
        SELECT ${fixture.organizationId}::uuid,
          CASE WHEN i % 3 = 0 THEN 'accident' ELSE 'violation' END,
          CASE WHEN i % 3 = 0 THEN 'accident' WHEN i % 3 = 1 THEN 'unpaid_pay' ELSE 'excessive_hours' END,
          'ES', 'film', s.status,
          CASE WHEN s.status IN ('resolved', 'closed') THEN 'substantiated' END,
          r.received_at, r.received_at + interval '7 days', r.received_at + interval '3 months',
          CASE WHEN s.status <> 'new' THEN r.received_at + interval '2 days' END,
          CASE WHEN s.status IN ('resolved', 'closed') THEN r.received_at + interval '40 days' END,
          'bench-queue-' || ${fixture.organizationId}::text || '-' || i,
          decode(repeat(md5(i::text), 4) || substr(md5(i::text), 1, 16), 'hex'),
          decode(repeat(md5(i::text || 'content'), 64), 'hex')
        FROM generate_series(${from}::int, ${to}::int) AS i,
          LATERAL (SELECT timestamptz '2026-11-23 12:00:00+00' - (i * interval '947 seconds') AS received_at) AS r,
          LATERAL (SELECT CASE
            WHEN i <= 300 THEN (ARRAY['new', 'new', 'acknowledged', 'in_progress'])[1 + i % 4]
            WHEN i <= 3000 THEN (ARRAY['acknowledged', 'in_progress', 'resolved', 'closed'])[1 + i % 4]
            ELSE (ARRAY['resolved', 'closed', 'closed', 'closed', 'in_progress'])[1 + i % 5] END AS status) AS s
      `.execute(db);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    await sql`ANALYZE reports`.execute(db);
    const plan = (
      await db.executeQuery<{ "QUERY PLAN": string }>(
        CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${BASELINE_SQL}`, [fixture.organizationId]),
      )
    ).rows.map((row) => row["QUERY PLAN"]);
    const actor: Actor = {
      kind: "user",
      userId: fixture.officerIds[0] as string,
      memberships: [{ organizationId: fixture.organizationId, role: "officer" }],
      session: {
        tokenHash: "bench",
        csrfToken: "bench",
        enrollmentOnly: false,
        expiresAt: new Date(Date.now() + 3_600_000),
        readerKey: async () => null,
      },
    };
    // Both sides must give the same cases in the same order.
    const now = new Date("2026-11-23T12:30:00Z");
    const queue = await listQueue(db, actor, fixture.organizationId, now);
    const raw = await db.executeQuery<{ id: string }>(CompiledQuery.raw(BASELINE_SQL, [fixture.organizationId]));
    if (queue.length !== QUEUE_LENGTH || queue.some((item, index) => item.id !== raw.rows[index]?.id)) {
      throw new Error(`listQueue and the baseline SELECT disagree (${queue.length} vs ${raw.rows.length} cases)`);
    }
    const overdue = queue.filter((item) => item.overdue !== null).length;
    plan.unshift(
      `loaded ${CASES.toLocaleString("en-US")} cases in ${loadSeconds.toFixed(1)} s (${Math.round(CASES / loadSeconds).toLocaleString("en-US")} rows/s); ` +
        `the queue holds ${queue.length}, ${overdue} marked overdue`,
    );
    return { ...fixture, actor, plan };
  },

  async baseline(context, fixture) {
    return measureCalls(context, {
      label: `SELECT the ${QUEUE_LENGTH} newest cases, raw SQL (${engineLabel(fixture)})`,
      minRounds: 50,
      calls: [
        {
          name: "select",
          run: () => fixture.db.executeQuery(CompiledQuery.raw(BASELINE_SQL, [fixture.organizationId])),
        },
      ],
      details: fixture.plan.map((line, index) => (index === 0 ? line : `plan: ${line}`)),
    });
  },

  async subject(context, fixture) {
    return measureCalls(context, {
      label: `listQueue as an officer (${engineLabel(fixture)})`,
      minRounds: 50,
      calls: [{ name: "queue", run: () => listQueue(fixture.db, fixture.actor, fixture.organizationId, new Date()) }],
    });
  },
});

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < QUEUE_LENGTH || value > 10_000_000) {
    throw new Error(`${name} must be a whole number from ${QUEUE_LENGTH} to 10,000,000 (got ${JSON.stringify(raw)}).`);
  }
  return value;
}
