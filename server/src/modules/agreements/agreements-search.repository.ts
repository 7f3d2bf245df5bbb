import { type RawBuilder, sql } from "kysely";
import { type Db, inSnapshot } from "../../platform/db/database.ts";
import { SEARCH_CONFIGS } from "./library-values.ts";
import type { SearchEntry } from "./search-index.ts";

/** Private-use characters around matched words in snippets: never in real text, never HTML. */
export const MATCH_START = "\u{E000}";
export const MATCH_END = "\u{E001}";

/**
 * A clause matches when its own language's configuration finds the query. One branch per
 * configuration, so each can use that configuration's GIN index on `search`.
 */
function clauseMatches(alias: string, q: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const branches = SEARCH_CONFIGS.map(
    // Configurations as literals, so the planner always picks the partial index of each.
    (config) =>
      sql`(${column("ts_config")} = ${sql.lit(config)}::regconfig AND ${column("search")} @@ websearch_to_tsquery(${sql.lit(config)}::regconfig, ${q}))`,
  );
  return sql<boolean>`(${sql.join(branches, sql` OR `)})`;
}

/**
 * The agreements whose clauses (or title) match the words, with the number of matching clauses
 * of each: 0 for an agreement matched by its title alone.
 */
export async function findMatchingClauseCounts(db: Db, q: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ id: string; clauses: number }>`
    SELECT c.agreement_id AS id, count(*)::int AS clauses FROM agreement_clauses c
    WHERE ${clauseMatches("c", q)} GROUP BY c.agreement_id
    UNION ALL
    SELECT a.id, 0 FROM agreements a
    WHERE to_tsvector('simple'::regconfig, a.title || ' ' || coalesce(a.document->>'titleEn', ''))
      @@ websearch_to_tsquery('simple'::regconfig, ${q})`.execute(db);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.id, Math.max(row.clauses, counts.get(row.id) ?? 0));
  return counts;
}

/** Each configuration's query as PostgreSQL parses and prints it, e.g. english → `'digit' & 'replica'`. */
export async function printTextQueries(db: Db, q: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ config: string; query: string }>`
    SELECT config, websearch_to_tsquery(config::regconfig, ${q})::text AS query
    FROM unnest(${sql.val([...SEARCH_CONFIGS])}::text[]) AS config`.execute(db);
  return new Map(rows.map((row) => [row.config, row.query]));
}

/** Every agreement's title words, as the title search matches them (simple configuration). */
export async function readTitleLexemes(db: Db): Promise<{ id: string; lexemes: string[] }[]> {
  const { rows } = await sql<{ id: string; lexemes: string[] }>`
    SELECT id, tsvector_to_array(to_tsvector('simple'::regconfig, title || ' ' || coalesce(document->>'titleEn', ''))) AS lexemes
    FROM agreements`.execute(db);
  return rows;
}

/** A batch of clauses' lexemes, in (agreement, clause) order after the given clause. */
export async function readClauseLexemes(
  db: Db,
  after: { agreementId: string; clauseId: string } | null,
  limit: number,
): Promise<{ agreement_id: string; id: string; config: string; lexemes: string[] }[]> {
  const { rows } = await sql<{ agreement_id: string; id: string; config: string; lexemes: string[] }>`
    SELECT agreement_id, id, ts_config::text AS config, tsvector_to_array(search) AS lexemes
    FROM agreement_clauses
    ${after ? sql`WHERE (agreement_id, id) > (${after.agreementId}, ${after.clauseId})` : sql``}
    ORDER BY agreement_id, id LIMIT ${limit}`.execute(db);
  return rows;
}

/** The library's version: a trigger bumps it on every statement that changes agreements, clauses or findings. */
export async function readLibraryVersion(db: Db): Promise<string> {
  const row = await db.selectFrom("agreement_library_version").select("version").executeTakeFirstOrThrow();
  return String(row.version);
}

/** Every agreement as the search index holds it, with the version of the library they were read at. */
export function loadSearchEntries(db: Db): Promise<{ version: string; entries: SearchEntry[] }> {
  // One snapshot for the version and the rows, so the version never claims rows it has not seen.
  return inSnapshot(db, async (trx) => {
    const version = await readLibraryVersion(trx);
    const agreements = await sql<{
      id: string;
      title: string;
      countries: string[];
      sectors: string[];
      level: string;
      status: string;
      first_day: string | null;
      last_day: string | null;
      title_en: string | null;
      parties: { name: string }[];
      dates: { inForceFrom: string | null; inForceTo: string | null };
      coverage: Record<string, unknown>;
    }>`
        SELECT id, title, countries, sectors, level, status,
          to_char(in_force_from, 'YYYY-MM-DD') AS first_day, to_char(in_force_to, 'YYYY-MM-DD') AS last_day,
          document->>'titleEn' AS title_en, document->'parties' AS parties, document->'dates' AS dates,
          document->'coverage' AS coverage
        FROM agreements`.execute(trx);
    const codes = await sql<{ agreement_id: string; code: string; values: string[] | null }>`
        SELECT agreement_id, code, array_agg(value_number) FILTER (WHERE value_number IS NOT NULL) AS values
        FROM agreement_findings WHERE present = 'yes' GROUP BY agreement_id, code`.execute(trx);
    const codesOf = new Map<string, Map<string, number[]>>();
    for (const row of codes.rows) {
      const byCode = codesOf.get(row.agreement_id) ?? new Map<string, number[]>();
      byCode.set(row.code, (row.values ?? []).map(Number));
      codesOf.set(row.agreement_id, byCode);
    }
    const entries = agreements.rows.map(
      (row): SearchEntry => ({
        id: row.id,
        title: row.title,
        titleEn: row.title_en,
        countries: row.countries,
        sectors: row.sectors,
        level: row.level,
        status: row.status,
        inForceFrom: row.dates.inForceFrom,
        inForceTo: row.dates.inForceTo,
        parties: row.parties.map((party) => party.name),
        inForceFirstDay: row.first_day,
        inForceLastDay: row.last_day,
        covers: Object.keys(row.coverage).filter((group) => row.coverage[group] === true),
        codes: codesOf.get(row.id) ?? new Map(),
      }),
    );
    return { version, entries };
  });
}

/** Up to `perAgreement` matching clauses of each agreement, with the matched words marked. */
export async function findSnippets(db: Db, agreementIds: string[], q: string, perAgreement = 2) {
  if (agreementIds.length === 0) return [];
  // Headlines only for the clauses shown: ts_headline is the costly part.
  const { rows } = await sql<{ agreement_id: string; id: string; article_ref: string | null; snippet: string }>`
    SELECT agreement_id, id, article_ref,
      ts_headline(ts_config, body, websearch_to_tsquery(ts_config, ${q}),
        ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM (
      SELECT c.agreement_id, c.id, c.article_ref, c.position, c.ts_config, c.body,
        row_number() OVER (PARTITION BY c.agreement_id ORDER BY c.position) AS n
      FROM agreement_clauses c
      -- The clause's own configuration as a column: the page's few clauses are read by primary key,
      -- not through a common word's long posting list.
      WHERE c.agreement_id IN (${sql.join(agreementIds)}) AND c.search @@ websearch_to_tsquery(c.ts_config, ${q})
    ) ranked WHERE n <= ${perAgreement} ORDER BY agreement_id, position`.execute(db);
  return rows;
}
