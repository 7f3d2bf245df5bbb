import { CompiledQuery } from "kysely";
import type { AgreementSearchQuery, AgreementSearchResult } from "../common/agreements-api.ts";
import { MATCH_END, MATCH_START } from "../server/src/modules/agreements/agreements-search.repository.ts";
import { compareTitles } from "../server/src/modules/agreements/search-index.ts";
import type { Db } from "../server/src/platform/db/database.ts";

/**
 * Agreements search written by hand as SQL, for two uses:
 * - `referenceSearch`: the whole answer (total, ranking, facets) computed by PostgreSQL alone, the
 *   oracle the in-memory index must agree with (tests and the bench's check round);
 * - `rawSearchStatements`: the search's database work done by PostgreSQL alone (version, text
 *   match, snippets), as the bench's baseline; the search itself matches text in memory.
 */

/** What two answers must agree on: total, the page in order, facets and the snippets' text. */
export interface SearchSummary {
  total: number;
  ids: string[];
  facets: Record<"countries" | "sectors" | "codes", Array<[string, number]>>;
  snippets: Array<[string, string, string]>;
}

export function summarizeResult(result: AgreementSearchResult): SearchSummary {
  const facet = (rows: { value: string; count: number }[]) => rows.map((r): [string, number] => [r.value, r.count]);
  return {
    total: result.total,
    ids: result.results.map((r) => r.id),
    facets: {
      countries: facet(result.facets.countries),
      sectors: facet(result.facets.sectors),
      codes: facet(result.facets.codes),
    },
    snippets: result.results.flatMap((r) =>
      r.snippets.map((s): [string, string, string] => [r.id, s.clauseId, s.parts.map((p) => p.text).join("")]),
    ),
  };
}

/** The text search configurations, one branch each, as the search repository lists them. */
export const HAND_WRITTEN_CONFIGS = ["english", "spanish", "french", "german", "italian", "dutch", "simple"];

/** Collects parameters and hands out their placeholders ($1, $2, ...). */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function clauseMatches(q: string): string {
  const branches = HAND_WRITTEN_CONFIGS.map(
    (config) =>
      `(c.ts_config = '${config}'::regconfig AND c.search @@ websearch_to_tsquery('${config}'::regconfig, ${q}))`,
  );
  return `(${branches.join(" OR ")})`;
}

const TITLE_MATCHES = (q: string) =>
  `to_tsvector('simple'::regconfig, a.title || ' ' || coalesce(a.document->>'titleEn', '')) @@ websearch_to_tsquery('simple'::regconfig, ${q})`;

function where(query: AgreementSearchQuery, p: Params): string {
  const conditions: string[] = [];
  if (query.q) {
    const q = p.add(query.q);
    conditions.push(
      `(EXISTS (SELECT 1 FROM agreement_clauses c WHERE c.agreement_id = a.id AND ${clauseMatches(q)}) OR ${TITLE_MATCHES(q)})`,
    );
  }
  if (query.country) conditions.push(`${p.add(query.country)} = ANY (a.countries)`);
  if (query.sector) conditions.push(`${p.add(query.sector)} = ANY (a.sectors)`);
  if (query.covers) conditions.push(`a.document->'coverage'->>${p.add(query.covers)} = 'true'`);
  if (query.inForceOn) {
    const day = p.add(query.inForceOn);
    conditions.push(`(a.in_force_from IS NULL OR a.in_force_from <= ${day}::date)`);
    conditions.push(`(a.in_force_to IS NULL OR a.in_force_to >= ${day}::date)`);
  }
  if (query.code) {
    const min = query.min !== undefined ? ` AND f.value_number >= ${p.add(query.min)}` : "";
    const max = query.max !== undefined ? ` AND f.value_number <= ${p.add(query.max)}` : "";
    conditions.push(
      `EXISTS (SELECT 1 FROM agreement_findings f WHERE f.agreement_id = a.id AND f.code = ${p.add(query.code)} AND f.present = 'yes'${min}${max})`,
    );
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
}

/** Milliseconds spent in each statement, summed over calls (the baseline's time split). */
export type StatementTimes = Map<string, number>;

/** Sends one hand-written statement; adds its time to `times` under `statement` when given. */
async function run<Row>(
  db: Db,
  statement: string,
  build: (p: Params) => string,
  times?: StatementTimes,
): Promise<Row[]> {
  const p = new Params();
  const text = build(p);
  const started = performance.now();
  const result = await db.executeQuery<Row>(CompiledQuery.raw(text, p.values));
  times?.set(statement, (times.get(statement) ?? 0) + performance.now() - started);
  return result.rows;
}

/**
 * The answer computed by PostgreSQL alone: every matching agreement with its number of matching
 * clauses, ranked (most matching clauses, then title, then id), the facets over all of them, and
 * the page. Slow on a large library (each condition is evaluated per agreement): an oracle, not a
 * way to search.
 */
export async function referenceSearch(db: Db, query: AgreementSearchQuery): Promise<Omit<SearchSummary, "snippets">> {
  const matching = await run<{ id: string; title: string; clauses: number }>(db, "matching", (p) => {
    const clauses = query.q
      ? `(SELECT count(*)::int FROM agreement_clauses c WHERE c.agreement_id = a.id AND ${clauseMatches(p.add(query.q))})`
      : "0";
    return `SELECT a.id, a.title, ${clauses} AS clauses FROM agreements a ${where(query, p)}`;
  });
  matching.sort((a, b) => b.clauses - a.clauses || compareTitles(a, b));
  const facet = (column: "countries" | "sectors") =>
    run<{ value: string; count: string }>(
      db,
      `facet ${column}`,
      (p) => `SELECT v AS value, count(*) AS count
        FROM (SELECT a.id, a.countries, a.sectors FROM agreements a ${where(query, p)}) m, unnest(m.${column}) AS v
        GROUP BY v ORDER BY count(*) DESC, v COLLATE "C"`,
    );
  const codes = await run<{ value: string; count: string }>(
    db,
    "facet codes",
    (p) => `SELECT f.code AS value, count(DISTINCT f.agreement_id) AS count
      FROM agreement_findings f JOIN (SELECT a.id FROM agreements a ${where(query, p)}) m ON m.id = f.agreement_id
      WHERE f.present = 'yes' GROUP BY f.code ORDER BY count(DISTINCT f.agreement_id) DESC, f.code COLLATE "C"`,
  );
  const toFacet = (rows: { value: string; count: string }[]) =>
    rows.map((r): [string, number] => [r.value, Number(r.count)]);
  const offset = (query.page - 1) * query.pageSize;
  return {
    total: matching.length,
    ids: matching.slice(offset, offset + query.pageSize).map((row) => row.id),
    facets: {
      countries: toFacet(await facet("countries")),
      sectors: toFacet(await facet("sectors")),
      codes: toFacet(codes),
    },
  };
}

/**
 * The database work of a search whose page holds `pageIds`, by PostgreSQL alone, written by hand:
 * the library version, the matching clauses counted per agreement and the matching titles (with
 * words), and the snippets of the page (with words). Returns the snippets without match markers.
 */
export async function rawSearchStatements(
  db: Db,
  query: AgreementSearchQuery,
  pageIds: readonly string[],
  times?: StatementTimes,
): Promise<Array<[string, string, string]>> {
  await run(db, "library version", () => "SELECT version FROM agreement_library_version", times);
  if (!query.q) return [];
  await run(
    db,
    "matching clauses",
    (p) => {
      const q = p.add(query.q);
      return `SELECT c.agreement_id AS id, count(*)::int AS clauses FROM agreement_clauses c
        WHERE ${clauseMatches(q)} GROUP BY c.agreement_id
        UNION ALL SELECT a.id, 0 FROM agreements a WHERE ${TITLE_MATCHES(q)}`;
    },
    times,
  );
  if (pageIds.length === 0) return [];
  const rows = await run<{ agreement_id: string; id: string; snippet: string }>(
    db,
    "snippets",
    (p) => {
      const q = p.add(query.q);
      const options = p.add(
        `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`,
      );
      return `SELECT agreement_id, id, article_ref,
          ts_headline(ts_config, body, websearch_to_tsquery(ts_config, ${q}), ${options}) AS snippet
        FROM (
          SELECT c.agreement_id, c.id, c.article_ref, c.position, c.ts_config, c.body,
            row_number() OVER (PARTITION BY c.agreement_id ORDER BY c.position) AS n
          FROM agreement_clauses c
          WHERE c.agreement_id IN (${pageIds.map((id) => p.add(id)).join(", ")})
            AND c.search @@ websearch_to_tsquery(c.ts_config, ${q})
        ) ranked WHERE n <= 2 ORDER BY agreement_id, position`;
    },
    times,
  );
  return pageIds.flatMap((id) =>
    rows
      .filter((s) => s.agreement_id === id)
      .map((s): [string, string, string] => [
        id,
        s.id,
        s.snippet.replaceAll(MATCH_START, "").replaceAll(MATCH_END, ""),
      ]),
  );
}

/** "library version 1 %, matching clauses 80 %, ...": where the baseline's time went, statement by statement. */
export function describeStatementTimes(times: StatementTimes): string {
  const total = [...times.values()].reduce((sum, ms) => sum + ms, 0);
  const shares = [...times.entries()].map(([statement, ms]) => `${statement} ${Math.round((100 * ms) / total)} %`);
  return `time by statement (all calls, warm-up included): ${shares.join(", ")}`;
}
