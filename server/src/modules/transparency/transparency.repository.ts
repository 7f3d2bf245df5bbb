import { sql } from "kysely";
import type { Db } from "../../platform/db/database.ts";

/** SQL for the transparency tables only; every function takes the executor. */

/** Reserves `count` indexes at the end of the log; the row lock makes concurrent appends wait, so no gap. */
export async function reserveIndexes(db: Db, count: number): Promise<number> {
  const row = await db
    .updateTable("transparency_log_state")
    .set({ size: sql`size + ${count}` })
    .where("singleton", "=", true)
    .returning("size")
    .executeTakeFirstOrThrow();
  return Number(row.size) - count;
}

export async function logSize(db: Db): Promise<number> {
  const row = await db.selectFrom("transparency_log_state").select("size").executeTakeFirstOrThrow();
  return Number(row.size);
}

export async function insertEntries(
  db: Db,
  entries: { index: number; kind: string; entry: Uint8Array; leafHash: Uint8Array; appendedAt: Date }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto("transparency_log_entries")
    .values(
      entries.map((e) => ({
        index: e.index,
        kind: e.kind,
        entry: e.entry,
        leaf_hash: e.leafHash,
        appended_at: e.appendedAt,
      })),
    )
    .execute();
}

export async function insertSubtrees(db: Db, subtrees: { level: number; start: number; hash: Uint8Array }[]) {
  if (subtrees.length === 0) return;
  await db.insertInto("transparency_log_subtrees").values(subtrees).execute();
}

export async function findLeafHash(db: Db, index: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("transparency_log_entries")
    .select("leaf_hash")
    .where("index", "=", String(index))
    .executeTakeFirst();
  return row?.leaf_hash;
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
