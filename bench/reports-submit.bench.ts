import { CompiledQuery } from "kysely";
import { submitReport } from "../server/src/modules/reports/index.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";
import { BENCH_OFFICERS, engineLabel, openReportsFixture, type ReportsFixture } from "./reports-fixture.ts";

/**
 * Filing a report: the receipt (one Argon2id run), a new key, the content encrypted, the key
 * sealed to each officer and wrapped for the receipt, all written in one transaction; against
 * inserting the same report unencrypted.
 */
export default defineBenchmark<ReportsFixture>({
  name: "reports-submit",
  title: "reports filed one at a time, encrypted, vs the same report inserted unencrypted",
  notes: [
    `in-process calls, one at a time: submitReport(db, submission) with the key sealed to ${BENCH_OFFICERS} officers; ` +
      "the baseline inserts one reports row with the content as plain JSON bytes and a random lookup value, " +
      "through the same driver. With a 1 MiB photo: reports-submit-attachment.",
    "much of a submission is the receipt's Argon2id run (2 passes over 19 MiB, decision 0006), which is what " +
      "keeps a stolen database from being searched for receipts.",
  ],

  setup: (context) => openReportsFixture(context),

  async baseline(context, fixture) {
    const content = new TextEncoder().encode(JSON.stringify(fixture.submission));
    let n = 0;
    return measureCalls(context, {
      label: `INSERT INTO reports, unencrypted (${engineLabel(fixture)})`,
      calls: [
        {
          name: "insert",
          run: () =>
            fixture.db.executeQuery(
              CompiledQuery.raw(
                `INSERT INTO reports (organization_id, kind, category, country, sector, received_at, acknowledge_by,
                   feedback_by, receipt_lookup, key_for_reporter, content)
                 VALUES ($1, 'accident', 'accident', 'ES', 'film', now(), now(), now(), $2, $3, $4)`,
                [
                  fixture.organizationId,
                  `baseline-${process.pid}-${n++}-${Math.random()}`,
                  new Uint8Array(72),
                  content,
                ],
              ),
            ),
        },
      ],
    });
  },

  async subject(context, fixture) {
    return measureCalls(context, {
      label: `submitReport, encrypted and sealed to ${BENCH_OFFICERS} officers (${engineLabel(fixture)})`,
      calls: [{ name: "submit", run: () => submitReport(fixture.db, fixture.submission, new Date()) }],
    });
  },
});
