import { type Kysely, sql } from "kysely";

/**
 * Import drafts: a document's clauses as split and the suggested findings, each suggestion a row so
 * an officer's decision on one never overwrites another's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreement_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id),
      status text NOT NULL CHECK (status IN ('draft', 'committed', 'discarded')),
      source jsonb NOT NULL,
      language text NOT NULL,
      warnings jsonb NOT NULL,
      clauses jsonb NOT NULL,
      agreement_id text,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX agreement_imports_organization_idx ON agreement_imports (organization_id, created_at)`.execute(
    db,
  );
  await sql`
    CREATE TABLE agreement_import_suggestions (
      import_id uuid NOT NULL REFERENCES agreement_imports (id) ON DELETE CASCADE,
      id text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      clause_id text NOT NULL,
      position integer NOT NULL,
      decision text NOT NULL CHECK (decision IN ('pending', 'accepted', 'rejected')),
      document jsonb NOT NULL,
      PRIMARY KEY (import_id, id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE agreement_import_suggestions`.execute(db);
  await sql`DROP TABLE agreement_imports`.execute(db);
}
