import { createHash, randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { LogEvent } from "../server/src/modules/transparency/index.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { openBenchDatabase } from "./database.ts";
import type { MeasureContext } from "./harness.ts";

export interface LogFixture {
  db: Db;
  engine: "pglite" | "postgres";
}

/**
 * A migrated database whose transparency log is empty: a fresh PGlite, or DATABASE_URL. On
 * PostgreSQL a database whose log already holds entries is refused (its log is never touched), and
 * the bench's entries, subtrees and size are removed afterwards.
 */
export async function openEmptyLog(context: MeasureContext): Promise<LogFixture> {
  const { database } = await openBenchDatabase(context);
  const { db } = database;
  const size = Number((await db.selectFrom("transparency_log_state").select("size").executeTakeFirstOrThrow()).size);
  if (size !== 0) {
    throw new Error(
      `The transparency log at DATABASE_URL holds ${size} entries; the log benchmarks need an empty one.`,
    );
  }
  if (database.engine === "postgres") {
    context.defer("empty the bench's transparency log", async () => {
      await sql`TRUNCATE transparency_log_entries, transparency_log_subtrees`.execute(db);
      await sql`UPDATE transparency_log_state SET size = 0`.execute(db);
      await sql`UPDATE transparency_tree_state SET size = 0, frontier = ''`.execute(db);
    });
  }
  return { db, engine: database.engine };
}

export function engineName(fixture: LogFixture): string {
  return fixture.engine === "postgres" ? "PostgreSQL via DATABASE_URL" : "embedded PGlite";
}

/** A small deterministic PRNG (mulberry32), so runs draw the same indexes. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An event shaped like the reports module's status entries (case-log.ts). */
export function reportStatusEvent(n: number): LogEvent {
  return {
    kind: "report.status",
    report: `sha256:${createHash("sha256").update(`bench report ${n}`).digest("hex")}`,
    organization: randomUUID(),
    status: "acknowledged",
    outcome: null,
  };
}
