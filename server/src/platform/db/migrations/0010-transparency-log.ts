import { type Kysely, sql } from "kysely";

/**
 * The transparency log (RFC 9162 Merkle tree): entries numbered without gaps, the hashes of every
 * complete subtree (so roots and proofs need O(log n) reads), signed checkpoints, the signing
 * keys, and the salts of commitments (kept outside the log, so a person's data can be erased).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE transparency_log_state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      size bigint NOT NULL CHECK (size >= 0)
    )`.execute(db);
  await sql`INSERT INTO transparency_log_state (size) VALUES (0)`.execute(db);
  await sql`
    CREATE TABLE transparency_log_entries (
      index bigint PRIMARY KEY CHECK (index >= 0),
      kind text NOT NULL,
      entry bytea NOT NULL,
      leaf_hash bytea NOT NULL CHECK (length(leaf_hash) = 32),
      appended_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX transparency_log_entries_kind_idx ON transparency_log_entries (kind, index)`.execute(db);
  await sql`
    CREATE TABLE transparency_log_subtrees (
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
      start bigint NOT NULL CHECK (start >= 0),
      hash bytea NOT NULL CHECK (length(hash) = 32),
      PRIMARY KEY (level, start)
    )`.execute(db);
  await sql`
    CREATE TABLE transparency_log_checkpoints (
      size bigint PRIMARY KEY CHECK (size >= 0),
      root bytea NOT NULL CHECK (length(root) = 32),
      note text NOT NULL,
      signed_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE transparency_log_keys (
      verifier_key text PRIMARY KEY,
      name text NOT NULL,
      signer_key_sealed text NOT NULL,
      created_at timestamptz NOT NULL,
      retired_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX transparency_log_keys_active_idx ON transparency_log_keys ((true)) WHERE retired_at IS NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE transparency_commitment_salts (
      commitment text PRIMARY KEY,
      subject text NOT NULL,
      salt bytea NOT NULL CHECK (length(salt) = 32),
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX transparency_commitment_salts_subject_idx ON transparency_commitment_salts (subject)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "transparency_commitment_salts",
    "transparency_log_keys",
    "transparency_log_checkpoints",
    "transparency_log_subtrees",
    "transparency_log_entries",
    "transparency_log_state",
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
