import { type Kysely, sql } from "kysely";

/**
 * Appending and building the tree become two steps, as in Trillian's sequencer and integrator: an
 * append only numbers and stores entries (one statement, inside the caller's transaction); the
 * tree is built later, in order, from the entries' leaf hashes, by whoever needs it first (the
 * checkpoint signer, a proof). The tree's own state row holds how many entries it covers and its
 * right edge (the hashes of the complete subtrees that size splits into, largest first). Subtrees
 * are stored from 64 leaves up; smaller ones are hashed from their leaves (one range read) when a
 * proof needs them. Existing subtrees are dropped: the tree is rebuilt from the entries on first use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE transparency_tree_state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      size bigint NOT NULL CHECK (size >= 0),
      frontier bytea NOT NULL
    )`.execute(db);
  await sql`INSERT INTO transparency_tree_state (size, frontier) VALUES (0, '')`.execute(db);
  await sql`DELETE FROM transparency_log_subtrees`.execute(db);
  await sql`ALTER TABLE transparency_log_subtrees DROP CONSTRAINT transparency_log_subtrees_level_check`.execute(db);
  await sql`ALTER TABLE transparency_log_subtrees ADD CONSTRAINT transparency_log_subtrees_level_check CHECK (level BETWEEN 6 AND 62)`.execute(
    db,
  );
}
