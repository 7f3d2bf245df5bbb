import { type RawBuilder, sql } from "kysely";
import type { AgreementSearchQuery } from "../../../../common/agreements-api.ts";
import type { Db } from "../../platform/db/database.ts";
import { SEARCH_CONFIGS } from "./library-values.ts";

/** Private-use characters around matched words in snippets: never in real text, never HTML. */
export const MATCH_START = "\u{E000}";
export const MATCH_END = "\u{E001}";

/**
 * A clause matches when its own language's configuration finds the query. One branch per
 * configuration, so each can use the GIN index on `search`.
 */
function clauseMatches(alias: string, q: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const branches = SEARCH_CONFIGS.map(
    (config) =>
      sql`(${column("ts_config")} = ${config}::regconfig AND ${column("search")} @@ websearch_to_tsquery(${config}::regconfig, ${q}))`,
  );
  return sql<boolean>`(${sql.join(branches, sql` OR `)})`;
}

function filters(query: AgreementSearchQuery): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (query.q) {
    where.push(
      sql`(EXISTS (SELECT 1 FROM agreement_clauses c WHERE c.agreement_id = a.id AND ${clauseMatches("c", query.q)})
        OR to_tsvector('simple', a.title || ' ' || coalesce(a.document->>'titleEn', '')) @@ websearch_to_tsquery('simple', ${query.q}))`,
    );
  }
  if (query.country) where.push(sql`${query.country} = ANY (a.countries)`);
  if (query.sector) where.push(sql`${query.sector} = ANY (a.sectors)`);
  if (query.covers) where.push(sql`a.document->'coverage'->>${query.covers} = 'true'`);
  if (query.inForceOn) {
    where.push(sql`(a.in_force_from IS NULL OR a.in_force_from <= ${query.inForceOn}::date)`);
    where.push(sql`(a.in_force_to IS NULL OR a.in_force_to >= ${query.inForceOn}::date)`);
  }
  if (query.code) {
    const bounds: RawBuilder<unknown>[] = [];
    if (query.min !== undefined) bounds.push(sql`AND f.value_number >= ${query.min}`);
    if (query.max !== undefined) bounds.push(sql`AND f.value_number <= ${query.max}`);
    where.push(
      sql`EXISTS (SELECT 1 FROM agreement_findings f WHERE f.agreement_id = a.id AND f.code = ${query.code} AND f.present = 'yes' ${sql.join(bounds, sql` `)})`,
    );
  }
  return where;
}

function whereClause(query: AgreementSearchQuery): RawBuilder<unknown> {
  const where = filters(query);
  return where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
}

export interface AgreementRow {
  id: string;
  title: string;
  countries: string[];
  sectors: string[];
  level: string;
  status: string;
  document: {
    titleEn: string | null;
    parties: { name: string }[];
    dates: { inForceFrom: string | null; inForceTo: string | null };
  };
}

/** One page of matching agreements, best matches first (most matching clauses, then title). */
export async function findAgreementPage(
  db: Db,
  query: AgreementSearchQuery,
): Promise<{ total: number; rows: AgreementRow[] }> {
  const rank = query.q
    ? sql`(SELECT count(*) FROM agreement_clauses c WHERE c.agreement_id = a.id AND ${clauseMatches("c", query.q)}) DESC,`
    : sql``;
  const offset = (query.page - 1) * query.pageSize;
  const count = await sql<{ total: string }>`SELECT count(*) AS total FROM agreements a ${whereClause(query)}`.execute(
    db,
  );
  const page = await sql<AgreementRow>`
      SELECT a.id, a.title, a.countries, a.sectors, a.level, a.status, a.document
      FROM agreements a ${whereClause(query)}
      ORDER BY ${rank} a.title, a.id
      LIMIT ${query.pageSize} OFFSET ${offset}`.execute(db);
  return { total: Number(count.rows[0]?.total ?? 0), rows: page.rows };
}

/** Counts per country, sector and coded provision over the whole matching set. */
export async function countFacets(db: Db, query: AgreementSearchQuery) {
  const matching = sql`SELECT a.id, a.countries, a.sectors FROM agreements a ${whereClause(query)}`;
  const facet = (column: "countries" | "sectors") =>
    sql<{ value: string; count: string }>`
      SELECT v AS value, count(*) AS count FROM (${matching}) m, unnest(m.${sql.ref(column)}) AS v
      GROUP BY v ORDER BY count(*) DESC, v`.execute(db);
  const countries = await facet("countries");
  const sectors = await facet("sectors");
  const codes = await sql<{ value: string; count: string }>`
    SELECT f.code AS value, count(DISTINCT f.agreement_id) AS count
    FROM agreement_findings f JOIN (${matching}) m ON m.id = f.agreement_id
    WHERE f.present = 'yes' GROUP BY f.code ORDER BY count(DISTINCT f.agreement_id) DESC, f.code`.execute(db);
  const toFacet = (rows: { value: string; count: string }[]) =>
    rows.map((r) => ({ value: r.value, count: Number(r.count) }));
  return { countries: toFacet(countries.rows), sectors: toFacet(sectors.rows), codes: toFacet(codes.rows) };
}

/** Up to `perAgreement` matching clauses of each agreement, with the matched words marked. */
export async function findSnippets(db: Db, agreementIds: string[], q: string, perAgreement = 2) {
  if (agreementIds.length === 0) return [];
  const { rows } = await sql<{ agreement_id: string; id: string; article_ref: string | null; snippet: string }>`
    SELECT agreement_id, id, article_ref, snippet FROM (
      SELECT c.agreement_id, c.id, c.article_ref, c.position,
        ts_headline(c.ts_config, c.body, websearch_to_tsquery(c.ts_config, ${q}),
          ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet,
        row_number() OVER (PARTITION BY c.agreement_id ORDER BY c.position) AS n
      FROM agreement_clauses c
      WHERE c.agreement_id IN (${sql.join(agreementIds)}) AND ${clauseMatches("c", q)}
    ) ranked WHERE n <= ${perAgreement} ORDER BY agreement_id, position`.execute(db);
  return rows;
}
