import { type Kysely, sql } from "kysely";

/**
 * Where each logged fact sits in the transparency log, kept by the module that logged it: the
 * entry of a case's current status and of each case event logged, and of an agreement's latest
 * saved version and of each recorded change. Null for what was logged before (or not at all).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reports ADD COLUMN status_log_index bigint`.execute(db);
  await sql`ALTER TABLE report_events ADD COLUMN log_index bigint`.execute(db);
  await sql`ALTER TABLE agreements ADD COLUMN log_index bigint`.execute(db);
  await sql`ALTER TABLE agreement_changes ADD COLUMN log_index bigint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE agreement_changes DROP COLUMN log_index`.execute(db);
  await sql`ALTER TABLE agreements DROP COLUMN log_index`.execute(db);
  await sql`ALTER TABLE report_events DROP COLUMN log_index`.execute(db);
  await sql`ALTER TABLE reports DROP COLUMN status_log_index`.execute(db);
}
