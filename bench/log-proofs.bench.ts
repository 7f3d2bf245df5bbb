import { sql } from "kysely";
import { findSubtreeHash } from "../server/src/modules/transparency/transparency.repository.ts";
import { proveConsistency, proveInclusion } from "../server/src/modules/transparency/use-cases/proofs.ts";
import { LOWEST_STORED_LEVEL } from "../server/src/modules/transparency/use-cases/stored-tree.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { leafHash, nodeHash, verifyConsistency, verifyInclusion } from "../server/src/platform/transparency/merkle.ts";
import { defineBenchmark } from "./harness.ts";
import { type Call, measureCalls, percentile } from "./latency.ts";
import { engineName, type LogFixture, openEmptyLog, prng } from "./log-fixture.ts";

const SIZE = readCount("BENCH_LOG_ENTRIES", 1_000_000, 2, 100_000_000);
/** Random proofs per round: half inclusion, half consistency. */
const CALLS = 200;
/** Rows one generator statement writes at most (2^19). */
const CHUNK = 2 ** 19;
const SEED = 20261123;

interface ProofsFixture extends LogFixture {
  subjectCalls: Call[];
  baselineCalls: Call[];
  details: string[];
}

/** The synthetic entry i: small canonical JSON, as the generator writes it in SQL. */
function entryBytes(i: number): Uint8Array {
  return new TextEncoder().encode(`{"kind":"bench","n":${i}}`);
}

/**
 * Inclusion and consistency proofs from a log of BENCH_LOG_ENTRIES entries (1 million by default;
 * the issue asks for 1 and 10 million), against a single primary-key lookup of one subtree row.
 */
export default defineBenchmark<ProofsFixture>({
  name: "log-proofs",
  title: `proofs from a log of ${SIZE.toLocaleString("en-US")} entries vs one subtree lookup`,
  setupTimeoutSeconds: 3600,
  targets: [{ metric: "latency p95", of: "subject", atMost: 5 }],
  notes: [
    `in-process, one call at a time, rounds of ${CALLS} random calls (seeded): ${CALLS / 2} ` +
      `proveInclusion(db, index, ${SIZE}) and ${CALLS / 2} proveConsistency(db, old, ${SIZE}) (use-cases/proofs.ts: ` +
      "the size row, then one statement reading the stored subtrees (64 leaves and up) the root and the proof need " +
      "and the short leaf-hash ranges below them).",
    `baseline: ${CALLS} random findSubtreeHash(db, level, start), one primary-key lookup of a transparency_log_subtrees ` +
      "row through the same Kysely driver: the floor of a proof read from the database; the ratio says how many " +
      "lookups' worth a proof costs.",
    'generator (set-up): the entries ({"kind":"bench","n":<i>}, leaf hash by PostgreSQL\'s sha256()) and every ' +
      `complete subtree, level by level with sha256(0x01 || left || right), written by INSERT ... SELECT in SQL, ` +
      `${CHUNK.toLocaleString("en-US")} rows a statement, then ANALYZE. Checked against the tree computed in Node with ` +
      "merkle.ts: the root, and every proof of one round verified with verifyInclusion/verifyConsistency.",
    "target: p95 < 5 ms at 10 million entries (BENCH_LOG_ENTRIES=10000000); at other sizes it is informational.",
  ],

  async setup(context) {
    const fixture = await openEmptyLog(context);
    const { db } = fixture;
    const started = performance.now();
    await generateLog(db, SIZE, context.progress);
    const generated = (performance.now() - started) / 1000;
    context.progress(`generated in ${generated.toFixed(1)} s; computing the root in Node to check it`);

    const nodeRoot = streamingRoot(SIZE);
    const random = prng(SEED);
    const pick = (below: number) => Math.floor(random() * below);
    const subjectCalls: Call[] = [];
    let checked = 0;
    for (let i = 0; i < CALLS / 2; i++) {
      const index = pick(SIZE);
      const proof = await proveInclusion(db, index, SIZE);
      if (!verifyInclusion(leafHash(entryBytes(index)), index, SIZE, proof.proof, nodeRoot)) {
        throw new Error(`The inclusion proof of entry ${index} does not verify against the root computed in Node.`);
      }
      const old = 1 + pick(SIZE - 1);
      const consistency = await proveConsistency(db, old, SIZE);
      if (!verifyConsistency(old, SIZE, consistency.oldRoot, nodeRoot, consistency.proof)) {
        throw new Error(`The consistency proof ${old} -> ${SIZE} does not verify against the root computed in Node.`);
      }
      checked += 2;
      subjectCalls.push({ name: "inclusion", run: () => proveInclusion(db, index, SIZE) });
      subjectCalls.push({ name: "consistency", run: () => proveConsistency(db, old, SIZE) });
    }
    const top = Math.floor(Math.log2(SIZE));
    const baselineCalls: Call[] = Array.from({ length: CALLS }, () => {
      const level = LOWEST_STORED_LEVEL + pick(top - LOWEST_STORED_LEVEL + 1);
      const start = pick(Math.floor(SIZE / 2 ** level)) * 2 ** level;
      return {
        name: "lookup",
        run: async () => {
          if (!(await findSubtreeHash(db, level, start))) throw new Error(`no subtree ${level}:${start}`);
        },
      };
    });
    const counts = await db
      .selectFrom("transparency_log_subtrees")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const details = [
      `log of ${SIZE.toLocaleString("en-US")} entries and ${Number(counts.n).toLocaleString("en-US")} subtree rows ` +
        `generated in ${generated.toFixed(1)} s (${Math.round(SIZE / generated).toLocaleString("en-US")} entries/s incl. subtrees); ` +
        `root matches Node's; ${checked} proofs verified`,
    ];
    return { ...fixture, subjectCalls, baselineCalls, details };
  },

  async baseline(context, fixture) {
    return measureCalls(context, {
      label: `findSubtreeHash: one primary-key lookup of a subtree row (${engineName(fixture)})`,
      calls: fixture.baselineCalls,
      details: fixture.details,
    });
  },

  async subject(context, fixture) {
    const measured = await measureCalls(context, {
      label: `proveInclusion / proveConsistency at ${SIZE.toLocaleString("en-US")} entries (${engineName(fixture)})`,
      calls: fixture.subjectCalls,
      breakdownTitle: "median per kind",
    });
    // Per kind, p50 and p95 (the breakdown holds medians; the baseline has no such kinds).
    const per = new Map<string, number[]>();
    for (const call of fixture.subjectCalls) {
      const times = per.get(call.name) ?? [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await call.run();
        times.push(performance.now() - start);
      }
      per.set(call.name, times);
    }
    const { breakdown: _, ...rest } = measured;
    return {
      ...rest,
      details: [
        ...measured.details,
        ...[...per].map(([name, times]) => {
          const sorted = times.sort((a, b) => a - b);
          return `${name}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (${sorted.length} calls, 3 per proof of the round, after the measurement)`;
        }),
      ],
    };
  },
});

/** Builds the log in SQL: entries, the stored complete subtrees level by level, the size (the right edge is left to be rebuilt). */
export async function generateLog(db: Db, size: number, progress: (line: string) => void): Promise<void> {
  for (let from = 0; from < size; from += CHUNK) {
    const to = Math.min(size, from + CHUNK);
    await sql`
      INSERT INTO transparency_log_entries (index, kind, entry, leaf_hash, appended_at)
      SELECT i, 'bench', e.entry, sha256('\\x00'::bytea || e.entry), timestamptz '2026-11-23 12:00:00+00'
      FROM generate_series(${from}::bigint, ${to - 1}::bigint) AS i,
        LATERAL (SELECT convert_to('{"kind":"bench","n":' || i || '}', 'UTF8') AS entry) AS e`.execute(db);
    progress(`entries ${to.toLocaleString("en-US")} / ${size.toLocaleString("en-US")}`);
  }
  // Subtrees below LOWEST_STORED_LEVEL are not stored; they are built in a scratch table on the way up.
  await sql`CREATE TEMP TABLE bench_log_low (LIKE transparency_log_subtrees INCLUDING DEFAULTS, PRIMARY KEY (level, start))`.execute(
    db,
  );
  const tableOf = (level: number) =>
    sql.table(level < LOWEST_STORED_LEVEL ? "bench_log_low" : "transparency_log_subtrees");
  for (let level = 1; 2 ** level <= size; level++) {
    const width = 2 ** level;
    const half = width / 2;
    const span = CHUNK * width;
    for (let from = 0; from + width <= size; from += span) {
      const to = Math.min(from + span, size);
      if (level === 1) {
        await sql`
          INSERT INTO ${tableOf(1)} (level, start, hash)
          SELECT 1, l.index, sha256('\\x01'::bytea || l.leaf_hash || r.leaf_hash)
          FROM transparency_log_entries l JOIN transparency_log_entries r ON r.index = l.index + 1
          WHERE l.index >= ${from}::bigint AND l.index < ${to}::bigint AND l.index % 2 = 0
            AND r.index >= ${from}::bigint AND r.index < ${to}::bigint`.execute(db);
      } else {
        const below = tableOf(level - 1);
        await sql`
          INSERT INTO ${tableOf(level)} (level, start, hash)
          SELECT ${level}::smallint, l.start, sha256('\\x01'::bytea || l.hash || r.hash)
          FROM ${below} l JOIN ${below} r
            ON r.level = l.level AND r.start = l.start + ${half}::bigint
          WHERE l.level = ${level - 1}::smallint AND l.start >= ${from}::bigint AND l.start < ${to}::bigint
            AND l.start % ${width}::bigint = 0
            AND r.level = ${level - 1}::smallint AND r.start >= ${from}::bigint AND r.start < ${to}::bigint`.execute(
          db,
        );
      }
    }
    // The scratch table is not analyzed automatically; without statistics its self-join is planned blind.
    if (level < LOWEST_STORED_LEVEL) await sql`ANALYZE bench_log_low`.execute(db);
    progress(`subtrees of level ${level} (${Math.floor(size / width).toLocaleString("en-US")})`);
  }
  await sql`DROP TABLE bench_log_low`.execute(db);
  await sql`UPDATE transparency_log_state SET size = ${size}::bigint`.execute(db);
  await sql`UPDATE transparency_tree_state SET size = ${size}::bigint`.execute(db);
  await sql`ANALYZE transparency_log_entries`.execute(db);
  await sql`ANALYZE transparency_log_subtrees`.execute(db);
}

/** MTH of the synthetic log, computed in Node with merkle.ts, keeping only the right edge. */
function streamingRoot(size: number): Uint8Array {
  const stack: { level: number; hash: Uint8Array }[] = [];
  for (let i = 0; i < size; i++) {
    let node = { level: 0, hash: leafHash(entryBytes(i)) };
    for (let top = stack[stack.length - 1]; top && top.level === node.level; top = stack[stack.length - 1]) {
      stack.pop();
      node = { level: node.level + 1, hash: nodeHash(top.hash, node.hash) };
    }
    stack.push(node);
  }
  let root = (stack.pop() as { hash: Uint8Array }).hash;
  for (let top = stack.pop(); top; top = stack.pop()) root = nodeHash(top.hash, root);
  return root;
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
