import { type Kysely, sql } from "kysely";

/**
 * The agreements library. It is public reference data curated by union officers: each row
 * keeps the curating organization, and on a distributed PostgreSQL these tables become
 * reference tables (replicated), since every tenant reads all of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreement_taxonomy_codes (
      version text NOT NULL,
      code text NOT NULL,
      family text NOT NULL,
      valid_from date,
      valid_to date,
      document jsonb NOT NULL,
      PRIMARY KEY (version, code)
    )`.execute(db);
  await sql`
    CREATE TABLE agreements (
      id text PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      title text NOT NULL,
      countries text[] NOT NULL,
      sectors text[] NOT NULL,
      languages text[] NOT NULL,
      level text NOT NULL,
      status text NOT NULL,
      in_force_from date,
      in_force_to date,
      document jsonb NOT NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX agreements_countries_idx ON agreements USING gin (countries)`.execute(db);
  await sql`CREATE INDEX agreements_sectors_idx ON agreements USING gin (sectors)`.execute(db);
  await sql`
    CREATE TABLE agreement_clauses (
      agreement_id text NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
      id text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      position integer NOT NULL,
      article_ref text,
      text_kind text NOT NULL,
      body text NOT NULL,
      language text NOT NULL,
      ts_config regconfig NOT NULL,
      search tsvector GENERATED ALWAYS AS (to_tsvector(ts_config, coalesce(article_ref, '') || ' ' || body)) STORED,
      PRIMARY KEY (agreement_id, id)
    )`.execute(db);
  await sql`CREATE INDEX agreement_clauses_search_idx ON agreement_clauses USING gin (search)`.execute(db);
  await sql`
    CREATE TABLE agreement_findings (
      agreement_id text NOT NULL,
      clause_id text NOT NULL,
      position integer NOT NULL,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      code text NOT NULL,
      present text NOT NULL,
      value_kind text,
      value_number numeric,
      value_currency text,
      applies_to text NOT NULL,
      verified boolean NOT NULL,
      document jsonb NOT NULL,
      PRIMARY KEY (agreement_id, clause_id, position),
      FOREIGN KEY (agreement_id, clause_id) REFERENCES agreement_clauses (agreement_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX agreement_findings_code_idx ON agreement_findings (code, value_number)`.execute(db);
  await sql`
    CREATE TABLE agreement_country_baselines (
      country char(2) PRIMARY KEY,
      document jsonb NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "agreement_country_baselines",
    "agreement_findings",
    "agreement_clauses",
    "agreements",
    "agreement_taxonomy_codes",
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
