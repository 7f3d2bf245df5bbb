import { type Kysely, sql } from "kysely";

/** The text search configurations of 0002 (written out: a migration never changes once released). */
const CONFIGS = ["english", "spanish", "french", "german", "italian", "dutch", "simple"];

/**
 * Search at 500,000 clauses: one GIN index per text search configuration (a word's posting list
 * then holds only the clauses of that language), an index on the titles as the search matches
 * them, and a library version that every change to the library bumps, so that the in-memory
 * facet index of the search knows when to reload (on every server instance, whatever wrote).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX agreement_clauses_search_idx`.execute(db);
  for (const config of CONFIGS) {
    await sql`CREATE INDEX ${sql.raw(`agreement_clauses_search_${config}_idx`)} ON agreement_clauses
      USING gin (search) WHERE ts_config = ${sql.lit(config)}::regconfig`.execute(db);
  }
  await sql`CREATE INDEX agreements_title_search_idx ON agreements
    USING gin (to_tsvector('simple'::regconfig, title || ' ' || coalesce(document->>'titleEn', '')))`.execute(db);

  await sql`
    CREATE TABLE agreement_library_version (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      version bigint NOT NULL
    )`.execute(db);
  await sql`INSERT INTO agreement_library_version (version) VALUES (1)`.execute(db);
  await sql`
    CREATE FUNCTION bump_agreement_library_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE agreement_library_version SET version = version + 1;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of ["agreements", "agreement_clauses", "agreement_findings"]) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_bump_library_version`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION bump_agreement_library_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["agreements", "agreement_clauses", "agreement_findings"]) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_bump_library_version`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION bump_agreement_library_version()`.execute(db);
  await sql`DROP TABLE agreement_library_version`.execute(db);
  await sql`DROP INDEX agreements_title_search_idx`.execute(db);
  for (const config of CONFIGS) await sql`DROP INDEX ${sql.raw(`agreement_clauses_search_${config}_idx`)}`.execute(db);
  await sql`CREATE INDEX agreement_clauses_search_idx ON agreement_clauses USING gin (search)`.execute(db);
}
