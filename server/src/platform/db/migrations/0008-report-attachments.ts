import { type Kysely, sql } from "kysely";

/**
 * Files a reporter attaches (photos, PDFs, audio), encrypted with the report's key like everything
 * else the reporter gives: the name, type and what was removed in `header`, the bytes in `content`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The order files were attached in, also within one upload.
      seq bigint GENERATED ALWAYS AS IDENTITY,
      report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      created_at timestamptz NOT NULL,
      header bytea NOT NULL,
      content bytea NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_attachments_report_idx ON report_attachments (report_id, seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE report_attachments`.execute(db);
}
