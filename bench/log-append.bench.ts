import canonicalize from "canonicalize";
import { sql } from "kysely";
import { appendToLog, type LogEvent } from "../server/src/modules/transparency/index.ts";
import { integrateLog } from "../server/src/modules/transparency/use-cases/integrate.ts";
import { leafHash } from "../server/src/platform/transparency/merkle.ts";
import { defineBenchmark, type Measurement } from "./harness.ts";
import { measureCalls } from "./latency.ts";
import { engineName, type LogFixture, openEmptyLog, reportStatusEvent } from "./log-fixture.ts";

const BATCH = readCount("BENCH_LOG_BATCH", 100, 1, 10_000);
/** Distinct batches of events, used in turn (each event is a different report and organization). */
const POOL = 50;
const NOW = new Date("2026-11-23T12:00:00Z");

interface AppendFixture extends LogFixture {
  batches: LogEvent[][];
  /** The rows appendToLog writes for each batch, precomputed: canonical JSON with `at`, leaf hash. */
  rows: { kind: string; entry: Uint8Array; leafHash: Uint8Array }[][];
}

/**
 * Appending to the transparency log in batches (appendToLog in a transaction: canonical JSON,
 * leaf hashes, then one statement that bumps and locks the size row and inserts the entries at the
 * indexes it frees) against plain multi-row INSERTs of the same rows into a table of the same shape.
 * Building the tree over them happens later (integrateLog) and is timed once after the subject.
 */
export default defineBenchmark<AppendFixture>({
  name: "log-append",
  title: `transparency log appends, ${BATCH} entries per transaction, vs plain INSERTs of the same rows`,
  target: { atMost: 2 },
  notes: [
    `in-process, one transaction at a time, ${BATCH} events each (BENCH_LOG_BATCH), shaped like the reports' ` +
      '{kind:"report.status", report:"sha256:<64 hex>", organization:<uuid>, status:"acknowledged", outcome:null}.',
    "subject: appendToLog(trx, events, now) inside db.transaction(), on an empty log that grows during the run; " +
      "the tree over the entries is built afterwards by integrateLog (as the checkpoint signer does), timed once.",
    "baseline: BEGIN; one multi-row INSERT of the same rows (same canonical JSON bytes, leaf hashes, kind, " +
      "appended_at, consecutive indexes) into bench_log_plain, created LIKE transparency_log_entries INCLUDING ALL " +
      "(same columns, checks, primary key and (kind, index) index); COMMIT. Its rows are precomputed.",
    "the primary metric is time per entry (mean batch time / batch size); the target is the issue's " +
      "'appends within 2x of plain inserts'.",
  ],

  async setup(context) {
    const fixture = await openEmptyLog(context);
    const batches = Array.from({ length: POOL }, (_, b) =>
      Array.from({ length: BATCH }, (_, i) => reportStatusEvent(b * BATCH + i)),
    );
    const rows = batches.map((events) =>
      events.map((event) => {
        const entry = new TextEncoder().encode(canonicalize({ ...event, at: NOW.toISOString() }));
        return { kind: event.kind, entry, leafHash: leafHash(entry) };
      }),
    );
    const bytes = rows.flat().reduce((sum, row) => sum + row.entry.length, 0) / (POOL * BATCH);
    context.progress(`${POOL} batches of ${BATCH} events, ${bytes.toFixed(0)} bytes of canonical JSON per entry`);
    return { ...fixture, batches, rows };
  },

  async baseline(context, fixture) {
    const { db } = fixture;
    await sql`CREATE TABLE bench_log_plain (LIKE transparency_log_entries INCLUDING ALL)`.execute(db);
    context.defer("drop bench_log_plain", () => sql`DROP TABLE IF EXISTS bench_log_plain`.execute(db));
    let next = 0;
    let batch = 0;
    const measured = await measureCalls(context, {
      label: `one multi-row INSERT of ${BATCH} precomputed rows per transaction (${engineName(fixture)})`,
      calls: [
        {
          name: "batch",
          run: () =>
            db.transaction().execute(async (trx) => {
              const rows = fixture.rows[batch++ % POOL] as AppendFixture["rows"][number];
              await trx
                .insertInto("bench_log_plain" as "transparency_log_entries")
                .values(
                  rows.map((row) => ({
                    index: next++,
                    kind: row.kind,
                    entry: row.entry,
                    leaf_hash: row.leafHash,
                    appended_at: NOW,
                  })),
                )
                .execute();
            }),
        },
      ],
    });
    return perEntry(measured, `${next.toLocaleString("en-US")} rows inserted`);
  },

  async subject(context, fixture) {
    const { db } = fixture;
    let batch = 0;
    const measured = await measureCalls(context, {
      label: `appendToLog(trx, ${BATCH} events, now) per transaction (${engineName(fixture)})`,
      calls: [
        {
          name: "batch",
          run: () =>
            db.transaction().execute((trx) => appendToLog(trx, fixture.batches[batch++ % POOL] as LogEvent[], NOW)),
        },
      ],
    });
    const size = Number((await db.selectFrom("transparency_log_state").select("size").executeTakeFirstOrThrow()).size);
    // The tree is built after the appends (the checkpoint signer, or the first proof, grows it): timed here.
    const started = performance.now();
    await integrateLog(db);
    const integrationSeconds = (performance.now() - started) / 1000;
    const subtrees = Number(
      (
        await db
          .selectFrom("transparency_log_subtrees")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    return perEntry(
      measured,
      `${size.toLocaleString("en-US")} entries appended; building their tree afterwards (integrateLog) took ` +
        `${integrationSeconds.toFixed(2)} s (${Math.round(size / integrationSeconds).toLocaleString("en-US")} entries/s) ` +
        `and stored ${subtrees.toLocaleString("en-US")} subtree rows`,
    );
  },
});

/** Batch latencies → time per entry and entries per second. */
function perEntry(measured: Measurement, detail: string): Measurement {
  const value = (name: string) => measured.metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  const mean = value("latency mean");
  return {
    ...measured,
    metrics: [
      { name: "time per entry (mean)", unit: "µs", value: (mean * 1000) / BATCH, better: "lower" },
      { name: "entries/s", unit: "entries/s", value: (1000 * BATCH) / mean, better: "higher" },
      { name: "batch latency p50", unit: "ms", value: value("latency p50"), better: "lower" },
      { name: "batch latency p95", unit: "ms", value: value("latency p95"), better: "lower" },
    ],
    details: [...measured.details, detail],
  };
}

function readCount(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`);
  }
  return value;
}
