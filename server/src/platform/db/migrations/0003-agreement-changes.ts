import { type Kysely, sql } from "kysely";

/** Who changed which agreement and when (never the content: that is in the agreement itself). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreement_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      agreement_id text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      action text NOT NULL CHECK (action IN ('created', 'updated')),
      changed_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX agreement_changes_agreement_idx ON agreement_changes (agreement_id, changed_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE agreement_changes`.execute(db);
}
