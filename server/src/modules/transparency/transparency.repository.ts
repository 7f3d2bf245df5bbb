import { sql } from "kysely";
import type { Db } from "../../platform/db/database.ts";

/** SQL for the transparency tables only; every function takes the executor. */

/**
 * Numbers and stores entries in one statement: the size row is bumped (and stays locked until the
 * caller commits, so concurrent appends wait and no index is skipped) and the entries take the
 * indexes it frees. Returns the first index.
 */
export async function appendEntries(
  db: Db,
  entries: { kind: string; entry: Uint8Array; leafHash: Uint8Array }[],
  appendedAt: Date,
): Promise<number> {
  // Three array parameters, not five per row: the statement's text, parsing and planning stay the same size.
  const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
  const { rows } = await sql<{ first: string | number }>`
    WITH reserved AS (
      UPDATE transparency_log_state SET size = size + ${entries.length} WHERE singleton RETURNING size - ${entries.length} AS first
    ), appended AS (
      INSERT INTO transparency_log_entries (index, kind, entry, leaf_hash, appended_at)
      SELECT reserved.first + incoming.position - 1, incoming.kind, decode(incoming.entry, 'hex'),
        decode(incoming.leaf_hash, 'hex'), ${appendedAt}::timestamptz
      FROM reserved, unnest(${entries.map((e) => e.kind)}::text[], ${entries.map((e) => hex(e.entry))}::text[],
        ${entries.map((e) => hex(e.leafHash))}::text[]) WITH ORDINALITY AS incoming (kind, entry, leaf_hash, position)
      RETURNING index
    )
    SELECT min(index) AS first FROM appended`.execute(db);
  return Number(rows[0]?.first);
}

/** Locks the tree's state row until the caller commits, and reads how far the tree goes and its right edge. */
export async function lockTree(db: Db): Promise<{ size: number; frontier: Uint8Array }> {
  const row = await db
    .selectFrom("transparency_tree_state")
    .select(["size", "frontier"])
    .where("singleton", "=", true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { size: Number(row.size), frontier: row.frontier };
}

export async function treeSize(db: Db): Promise<number> {
  const row = await db.selectFrom("transparency_tree_state").select("size").executeTakeFirstOrThrow();
  return Number(row.size);
}

/** Stores the subtrees new leaves completed and the tree's new size and edge, in one statement. */
export async function writeTreeGrowth(
  db: Db,
  growth: { subtrees: { level: number; start: number; hash: Uint8Array }[]; size: number; frontier: Uint8Array },
): Promise<void> {
  const update = db
    .updateTable("transparency_tree_state")
    .set({ size: growth.size, frontier: growth.frontier })
    .where("singleton", "=", true);
  if (growth.subtrees.length === 0) {
    await update.execute();
    return;
  }
  await db
    .with("tree_end", () => update.returning("size"))
    .insertInto("transparency_log_subtrees")
    .values(growth.subtrees)
    .execute();
}

export async function listLeafHashes(db: Db, from: number, to: number): Promise<Uint8Array[]> {
  const rows = await db
    .selectFrom("transparency_log_entries")
    .select("leaf_hash")
    .where("index", ">=", String(from))
    .where("index", "<", String(to))
    .orderBy("index")
    .execute();
  return rows.map((row) => row.leaf_hash);
}

export async function logSize(db: Db): Promise<number> {
  const row = await db.selectFrom("transparency_log_state").select("size").executeTakeFirstOrThrow();
  return Number(row.size);
}

/**
 * The log's size, the stored tree's, the leaf hashes in the given index ranges and the given stored subtrees, in one
 * statement of fixed text (the wanted rows are array parameters, so it is planned the same way
 * every time).
 */
export async function readTreeHashes(
  db: Db,
  leafRanges: [number, number][],
  subtrees: { level: number; start: number }[],
): Promise<{ size: number; treeSize: number; hashes: { level: number; start: number; hash: Uint8Array }[] }> {
  const { rows } = await sql<{ level: number; start: string; hash: Uint8Array | null }>`
    SELECT -1::smallint AS level, size AS start, NULL::bytea AS hash FROM transparency_log_state
    UNION ALL
    SELECT -2::smallint, size, NULL::bytea FROM transparency_tree_state
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
  let treeSize = 0;
  const hashes: { level: number; start: number; hash: Uint8Array }[] = [];
  for (const row of rows) {
    if (row.hash !== null) hashes.push({ level: Number(row.level), start: Number(row.start), hash: row.hash });
    else if (Number(row.level) === -1) size = Number(row.start);
    else treeSize = Number(row.start);
  }
  return { size, treeSize, hashes };
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
