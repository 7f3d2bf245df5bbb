import { type Kysely, sql } from "kysely";

/**
 * Reports (decision 0006): what the queue, deadlines and public figures need in clear; everything
 * the reporter wrote, encrypted with the report's own key, sealed to each officer of the receiving
 * organization and wrapped with the reporter's receipt key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_settings (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      receipt_salt bytea NOT NULL CHECK (length(receipt_salt) = 16)
    )`.execute(db);
  await sql`
    CREATE TABLE reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id),
      kind text NOT NULL CHECK (kind IN ('violation', 'accident')),
      category text NOT NULL,
      country char(2) NOT NULL,
      sector text,
      status text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'acknowledged', 'in_progress', 'resolved', 'closed')),
      outcome text CHECK (outcome IN ('substantiated', 'referred', 'not_substantiated', 'withdrawn')),
      received_at timestamptz NOT NULL,
      acknowledge_by timestamptz NOT NULL,
      feedback_by timestamptz NOT NULL,
      acknowledged_at timestamptz,
      resolved_at timestamptz,
      receipt_lookup text NOT NULL UNIQUE,
      key_for_reporter bytea NOT NULL,
      content bytea NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX reports_queue_idx ON reports (organization_id, status, received_at)`.execute(db);
  await sql`
    CREATE TABLE report_key_seals (
      report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      sealed_key bytea NOT NULL,
      PRIMARY KEY (report_id, user_id)
    )`.execute(db);
  await sql`
    CREATE TABLE report_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      author text NOT NULL CHECK (author IN ('reporter', 'officer')),
      author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      content bytea NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_messages_report_idx ON report_messages (report_id, created_at)`.execute(db);
  await sql`
    CREATE TABLE report_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      report_id uuid REFERENCES reports (id) ON DELETE SET NULL,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      action text NOT NULL,
      at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["report_events", "report_messages", "report_key_seals", "reports", "report_settings"]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
