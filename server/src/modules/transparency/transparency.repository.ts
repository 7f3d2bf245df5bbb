import { sql } from "kysely";
import type { Db } from "../../platform/db/database.ts";

/** SQL for the transparency tables only; every function takes the executor. */

/**
 * Locks the log's size row until the caller commits (concurrent appends wait, so no gap) and reads
 * the size and the tree's right edge.
 */
export async function lockLogEnd(db: Db): Promise<{ size: number; frontier: Uint8Array | null }> {
  const row = await db
    .selectFrom("transparency_log_state")
    .select(["size", "frontier"])
    .where("singleton", "=", true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { size: Number(row.size), frontier: row.frontier };
}

/** Writes appended entries, the subtrees they complete and the new end of the log in one statement. */
export async function writeAppend(
  db: Db,
  append: {
    entries: { index: number; kind: string; entry: Uint8Array; leafHash: Uint8Array; appendedAt: Date }[];
    subtrees: { level: number; start: number; hash: Uint8Array }[];
    size: number;
    frontier: Uint8Array;
  },
): Promise<void> {
  const withEnd = db.with("log_end", (qb) =>
    qb
      .updateTable("transparency_log_state")
      .set({ size: append.size, frontier: append.frontier })
      .where("singleton", "=", true)
      .returning("size"),
  );
  const withSubtrees =
    append.subtrees.length === 0
      ? withEnd
      : withEnd.with("log_subtrees", (qb) =>
          qb.insertInto("transparency_log_subtrees").values(append.subtrees).returning("level"),
        );
  await withSubtrees
    .insertInto("transparency_log_entries")
    .values(
      append.entries.map((e) => ({
        index: e.index,
        kind: e.kind,
        entry: e.entry,
        leaf_hash: e.leafHash,
        appended_at: e.appendedAt,
      })),
    )
    .execute();
}

export async function logSize(db: Db): Promise<number> {
  const row = await db.selectFrom("transparency_log_state").select("size").executeTakeFirstOrThrow();
  return Number(row.size);
}

/**
 * The log's size, the leaf hashes in the given index ranges and the given stored subtrees, in one
 * statement of fixed text (the wanted rows are array parameters, so it is planned the same way
 * every time).
 */
export async function readTreeHashes(
  db: Db,
  leafRanges: [number, number][],
  subtrees: { level: number; start: number }[],
): Promise<{ size: number; hashes: { level: number; start: number; hash: Uint8Array }[] }> {
  const { rows } = await sql<{ level: number; start: string; hash: Uint8Array | null }>`
    SELECT -1::smallint AS level, size AS start, NULL::bytea AS hash FROM transparency_log_state
    UNION ALL
    SELECT 0::smallint, e.index, e.leaf_hash
    FROM unnest(${leafRanges.map(([from]) => String(from))}::bigint[], ${leafRanges.map(([, to]) => String(to))}::bigint[])
      AS wanted (from_index, to_index)
    JOIN transparency_log_entries e ON e.index >= wanted.from_index AND e.index < wanted.to_index
    UNION ALL
    SELECT s.level, s.start, s.hash
    FROM unnest(${subtrees.map((t) => t.level)}::smallint[], ${subtrees.map((t) => String(t.start))}::bigint[])
      AS wanted (level, start)
    JOIN transparency_log_subtrees s ON s.level = wanted.level AND s.start = wanted.start`.execute(db);
  let size = 0;
  const hashes: { level: number; start: number; hash: Uint8Array }[] = [];
  for (const row of rows) {
    if (row.hash === null) size = Number(row.start);
    else hashes.push({ level: Number(row.level), start: Number(row.start), hash: row.hash });
  }
  return { size, hashes };
}

export async function findSubtreeHash(db: Db, level: number, start: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("transparency_log_subtrees")
    .select("hash")
    .where("level", "=", level)
    .where("start", "=", String(start))
    .executeTakeFirst();
  return row?.hash;
}

export function listEntries(db: Db, from: number, to: number) {
  return db
    .selectFrom("transparency_log_entries")
    .select(["index", "kind", "entry", "leaf_hash", "appended_at"])
    .where("index", ">=", String(from))
    .where("index", "<", String(to))
    .orderBy("index")
    .execute();
}

export async function insertSalt(
  db: Db,
  row: { commitment: string; subject: string; salt: Uint8Array; createdAt: Date },
): Promise<void> {
  await db
    .insertInto("transparency_commitment_salts")
    .values({ commitment: row.commitment, subject: row.subject, salt: row.salt, created_at: row.createdAt })
    .execute();
}

export async function deleteSaltsOf(db: Db, subject: string): Promise<number> {
  const result = await db.deleteFrom("transparency_commitment_salts").where("subject", "=", subject).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listSaltsOf(db: Db, subject: string) {
  return db
    .selectFrom("transparency_commitment_salts")
    .select(["commitment", "salt"])
    .where("subject", "=", subject)
    .execute();
}

export function findLatestCheckpoint(db: Db) {
  return db
    .selectFrom("transparency_log_checkpoints")
    .select(["size", "root", "note", "signed_at"])
    .orderBy("size", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Signed checkpoints in order of size, those larger than `after` first, at most `limit`. */
export function listCheckpoints(db: Db, after = -1, limit = 1_000_000) {
  return db
    .selectFrom("transparency_log_checkpoints")
    .select(["size", "root", "note", "signed_at"])
    .where("size", ">", String(after))
    .orderBy("size")
    .limit(limit)
    .execute();
}

export async function insertCheckpoint(
  db: Db,
  checkpoint: { size: number; root: Uint8Array; note: string; signedAt: Date },
): Promise<void> {
  await db
    .insertInto("transparency_log_checkpoints")
    .values({ size: checkpoint.size, root: checkpoint.root, note: checkpoint.note, signed_at: checkpoint.signedAt })
    // Another instance may sign the same size at the same moment; Ed25519 makes the same note.
    .onConflict((c) => c.column("size").doNothing())
    .execute();
}

export function findActiveKey(db: Db) {
  return db
    .selectFrom("transparency_log_keys")
    .select(["verifier_key", "name", "signer_key_sealed"])
    .where("retired_at", "is", null)
    .executeTakeFirst();
}

export function listKeys(db: Db) {
  return db
    .selectFrom("transparency_log_keys")
    .select(["verifier_key", "name", "created_at", "retired_at"])
    .orderBy("created_at")
    .execute();
}

export async function retireActiveKey(db: Db, at: Date): Promise<void> {
  await db.updateTable("transparency_log_keys").set({ retired_at: at }).where("retired_at", "is", null).execute();
}

export async function insertKey(
  db: Db,
  key: { verifierKey: string; name: string; signerKeySealed: string; createdAt: Date },
): Promise<void> {
  await db
    .insertInto("transparency_log_keys")
    .values({
      verifier_key: key.verifierKey,
      name: key.name,
      signer_key_sealed: key.signerKeySealed,
      created_at: key.createdAt,
    })
    .execute();
}

/** The smallest signed checkpoint that contains entry `index`. */
export function findCheckpointCovering(db: Db, index: number) {
  return db
    .selectFrom("transparency_log_checkpoints")
    .select(["size", "root", "note"])
    .where("size", ">", String(index))
    .orderBy("size")
    .limit(1)
    .executeTakeFirst();
}

export async function countEntriesByDay(db: Db) {
  const rows = await db
    .selectFrom("transparency_log_entries")
    .select([
      sql<string>`to_char(appended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`.as("day"),
      "kind",
      sql<string>`count(*)`.as("count"),
    ])
    .groupBy(["day", "kind"])
    .orderBy("day")
    .orderBy("kind")
    .execute();
  return rows.map((row) => ({ day: row.day, kind: row.kind, count: Number(row.count) }));
}
