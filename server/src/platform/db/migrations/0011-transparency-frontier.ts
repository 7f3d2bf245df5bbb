import { type Kysely, sql } from "kysely";

/**
 * Appends write less: subtrees are stored from 64 leaves up (smaller ones are hashed from their
 * leaves, one range read, when a proof needs them), and the size row keeps the tree's right edge
 * (the hashes of the complete subtrees the size splits into), so an append reads nothing but that
 * row. A missing edge is rebuilt from the stored tree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE transparency_log_state ADD COLUMN frontier bytea`.execute(db);
  await sql`DELETE FROM transparency_log_subtrees WHERE level < 6`.execute(db);
  await sql`ALTER TABLE transparency_log_subtrees DROP CONSTRAINT transparency_log_subtrees_level_check`.execute(db);
  await sql`ALTER TABLE transparency_log_subtrees ADD CONSTRAINT transparency_log_subtrees_level_check CHECK (level BETWEEN 6 AND 62)`.execute(
    db,
  );
}
