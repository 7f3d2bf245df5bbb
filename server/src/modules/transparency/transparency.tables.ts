import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint columns arrive as strings from both engines; written as numbers. */
type BigIntColumn = ColumnType<string, number | bigint, number | bigint>;

/** One row: how many entries the log holds (the next entry's index). Locked by each append. */
export interface TransparencyLogStateTable {
  singleton: boolean;
  size: BigIntColumn;
}

/** One row: how many entries the stored tree covers, and its right edge. Locked while the tree grows. */
export interface TransparencyTreeStateTable {
  singleton: boolean;
  size: BigIntColumn;
  /** The hashes of the complete subtrees `size` splits into, largest first, concatenated. */
  frontier: Uint8Array;
}

/** An entry: its canonical JSON (RFC 8785) and leaf hash. Never updated or deleted. */
export interface TransparencyLogEntriesTable {
  index: BigIntColumn;
  kind: string;
  entry: Uint8Array;
  leaf_hash: Uint8Array;
  appended_at: Timestamp;
}

/** The hash of the complete subtree of 2^level leaves starting at leaf `start` (level 6 and up). */
export interface TransparencyLogSubtreesTable {
  level: number;
  start: BigIntColumn;
  hash: Uint8Array;
}

/** A signed checkpoint (C2SP signed note) of the tree at `size`. */
export interface TransparencyLogCheckpointsTable {
  size: BigIntColumn;
  root: Uint8Array;
  note: string;
  signed_at: Timestamp;
}

/** Checkpoint signing keys; one active at a time, retired ones still verify old checkpoints. */
export interface TransparencyLogKeysTable {
  verifier_key: string;
  name: string;
  /** The C2SP signer key string, sealed with the server's secret box. */
  signer_key_sealed: string;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

/** The salt behind a commitment in the log; deleting it erases the link to the person or content. */
export interface TransparencyCommitmentSaltsTable {
  commitment: string;
  /** Whom or what it is about, so that erasure can find it (e.g. "user:<id>"). */
  subject: string;
  salt: Uint8Array;
  created_at: Timestamp;
}

export interface TransparencyTables {
  transparency_log_state: TransparencyLogStateTable;
  transparency_tree_state: TransparencyTreeStateTable;
  transparency_log_entries: TransparencyLogEntriesTable;
  transparency_log_subtrees: TransparencyLogSubtreesTable;
  transparency_log_checkpoints: TransparencyLogCheckpointsTable;
  transparency_log_keys: TransparencyLogKeysTable;
  transparency_commitment_salts: TransparencyCommitmentSaltsTable;
}
