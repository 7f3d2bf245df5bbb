import { CompiledQuery } from "kysely";
import {
  type AgreementSearchQuery,
  type AgreementSearchResult,
  agreementSearchQuerySchema,
} from "../common/agreements-api.ts";
import { MATCH_END, MATCH_START } from "../server/src/modules/agreements/agreements-search.repository.ts";
import { SEARCH_CONFIGS } from "../server/src/modules/agreements/library-values.ts";
import { searchAgreements } from "../server/src/modules/agreements/use-cases/search-agreements.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { searchWords } from "./agreements-generator.ts";
import { type BenchLibrary, engineName, sharedAgreementsLibrary } from "./agreements-library.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";

/**
 * Latency of the agreements search (searchAgreements: page, total, facets and snippets) over a
 * mix of realistic queries, called in-process, against the same SQL statements written by hand
 * and sent through the same driver without the query builder or the mapping to the API shape.
 */

/**
 * Measured rounds of the whole mix at least: at full scale one round takes a minute or more, so
 * three rounds (108 calls a side) is what fits; smaller libraries get more rounds in BENCH_SECONDS.
 */
const MIN_ROUNDS = 3;

interface SearchCase {
  /** The query as a query string, with the number of matching agreements. */
  name: string;
  query: AgreementSearchQuery;
}

interface Fixture {
  library: BenchLibrary;
  cases: SearchCase[];
}

/** The mix: words in each language (common, two words, phrase, rare), filters, and both together. */
export function searchMix(): Array<Record<string, string>> {
  const en = searchWords("en");
  const es = searchWords("es");
  const fr = searchWords("fr");
  const de = searchWords("de");
  const it = searchWords("it");
  const nl = searchWords("nl");
  return [
    // One common word per language, as typed into the search box.
    { q: en.topic("OT", 0) },
    { q: es.topic("WT", 3) },
    { q: fr.topic("OT", 1) },
    { q: de.topic("WT", 3) },
    { q: it.topic("OT", 0) },
    { q: nl.topic("OT", 0) },
    // Two words (both must match), and a phrase.
    { q: `${en.topic("AI", 2)} ${en.topic("AI", 3)}` },
    { q: `${es.topic("AI", 0)} ${es.topic("AI", 1)}` },
    { q: `${fr.topic("AI", 5)} ${fr.topic("AI", 2)}` },
    { q: `${de.topic("AI", 5)} ${de.topic("AI", 8)}` },
    { q: `${it.topic("JOB", 1)} ${it.topic("JOB", 6)}` },
    { q: `${nl.topic("AI", 5)} ${nl.topic("AI", 8)}` },
    { q: `"${en.topic("AI", 2)} ${en.topic("AI", 3)}"` },
    // Rare words (names and technical terms from the long tail).
    { q: en.tail(1500) },
    { q: es.tail(300) },
    { q: fr.tail(800) },
    { q: de.tail(200) },
    { q: it.tail(1000) },
    { q: nl.tail(2500) },
    // Search syntax: or, exclusion; and the most common word of the library.
    { q: `${en.topic("DISP", 0)} or ${fr.topic("DISP", 0)}` },
    { q: `${en.topic("AI", 3)} -${en.topic("AI", 8)}` },
    { q: en.general(0) },
    // Filters alone.
    {},
    { country: "DE" },
    { country: "FR", sector: "film" },
    { code: "WT.DAY_MAX", max: "12" },
    { code: "AI.NOTICE", max: "48" },
    { code: "PAY.MIN", min: "1000" },
    { sector: "tv", inForceOn: "2024-06-01" },
    { country: "ES", covers: "freelancers" },
    { country: "US", page: "5" },
    { sector: "games", pageSize: "100" },
    // Words and filters together.
    { q: en.topic("SOC", 0), country: "GB" },
    { q: de.topic("PAY", 0), code: "PAY.MIN", inForceOn: "2025-01-01" },
    { q: fr.topic("AI", 3), country: "CA" },
    { q: it.topic("AI", 5), sector: "dubbing", page: "2" },
  ];
}

export default defineBenchmark<Fixture>({
  name: "agreements-search",
  title: "latency of searchAgreements over a query mix vs the same SQL written by hand",
  targets: [
    { metric: "latency p95", of: "subject", atMost: 50 },
    { metric: "latency p95", of: "ratio", atMost: 2 },
  ],
  setupTimeoutSeconds: 3600,
  notes: [
    "in-process calls, one at a time: no HTTP, no concurrency. The subject is searchAgreements(db, query) " +
      "(query parsed by agreementSearchQuerySchema, as the route does); the baseline sends the same statements " +
      "(count, page, 3 facets, snippets when there are words) as hand-written SQL with CompiledQuery.raw " +
      "through the same Kysely driver, and does not map rows to the API shape.",
    "both sides must give the same total, page, facets and snippets for every query before anything is measured.",
    "the library is shared by the agreements-* benchmarks of one run: loaded once (see the setup line), removed at the end.",
    "issue targets: search p95 under 50 ms, and p95 within 2x of the raw SQL.",
  ],

  async setup(context) {
    const library = await sharedAgreementsLibrary(context);
    if (JSON.stringify(HAND_WRITTEN_CONFIGS) !== JSON.stringify(SEARCH_CONFIGS)) {
      throw new Error(
        `the hand-written search SQL lists configurations ${HAND_WRITTEN_CONFIGS.join(", ")} but the search uses ${SEARCH_CONFIGS.join(", ")}`,
      );
    }
    context.progress("checking that both sides give the same answers");
    const cases: SearchCase[] = [];
    for (const raw of searchMix()) {
      const query = agreementSearchQuerySchema.parse(raw);
      const subject = summarizeResult(await searchAgreements(library.db, query));
      const baseline = summarizeRows(await rawSearch(library.db, query));
      const expected = JSON.stringify(baseline);
      if (JSON.stringify(subject) !== expected) {
        throw new Error(
          `searchAgreements and the hand-written SQL disagree on ${describeQuery(raw)}:\n` +
            `subject  ${JSON.stringify(subject).slice(0, 600)}\nbaseline ${expected.slice(0, 600)}`,
        );
      }
      cases.push({ name: `${describeQuery(raw)} [${subject.total.toLocaleString("en-US")} hits]`, query });
    }
    return { library, cases };
  },

  async baseline(context, { library, cases }) {
    const times: StatementTimes = new Map();
    const measurement = await measureCalls(context, {
      label: `the same SQL statements written by hand, through the same driver (${engineName(library)})`,
      calls: cases.map((c) => ({ name: c.name, run: () => rawSearch(library.db, c.query, times) })),
      breakdownTitle: "median per query",
      minRounds: MIN_ROUNDS,
    });
    return { ...measurement, details: [...measurement.details, describeStatementTimes(times)] };
  },

  async subject(context, { library, cases }) {
    return measureCalls(context, {
      label: `searchAgreements(db, query), in-process, no HTTP (${engineName(library)})`,
      calls: cases.map((c) => ({ name: c.name, run: () => searchAgreements(library.db, c.query) })),
      breakdownTitle: "median per query",
      minRounds: MIN_ROUNDS,
      details: [library.description],
    });
  },
});

function describeQuery(raw: Record<string, string>): string {
  const entries = Object.entries(raw);
  return entries.length === 0 ? "(no filter)" : entries.map(([key, value]) => `${key}=${value}`).join("&");
}

// ---------------------------------------------------------------------------------------------
// The same answer from hand-written SQL

/** What both sides must agree on: total, the page in order, facets and the snippets' text. */
interface SearchSummary {
  total: number;
  ids: string[];
  facets: Record<"countries" | "sectors" | "codes", Array<[string, number]>>;
  snippets: Array<[string, string, string]>;
}

function summarizeResult(result: AgreementSearchResult): SearchSummary {
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
const HAND_WRITTEN_CONFIGS = ["english", "spanish", "french", "german", "italian", "dutch", "simple"];

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

function where(query: AgreementSearchQuery, p: Params): string {
  const conditions: string[] = [];
  if (query.q) {
    const q = p.add(query.q);
    conditions.push(
      `(EXISTS (SELECT 1 FROM agreement_clauses c WHERE c.agreement_id = a.id AND ${clauseMatches(q)})
        OR to_tsvector('simple', a.title || ' ' || coalesce(a.document->>'titleEn', '')) @@ websearch_to_tsquery('simple', ${q}))`,
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
type StatementTimes = Map<string, number>;

/** Sends one hand-written statement; adds its time to `times` under `statement` when given. */
async function run<Row>(
  db: Db,
  statement: string,
  build: (p: Params) => string,
  times: StatementTimes | undefined,
): Promise<Row[]> {
  const p = new Params();
  const text = build(p);
  const started = performance.now();
  const result = await db.executeQuery<Row>(CompiledQuery.raw(text, p.values));
  times?.set(statement, (times.get(statement) ?? 0) + performance.now() - started);
  return result.rows;
}

/** The statements searchAgreements sends, in the same order, written by hand; returns the raw rows. */
async function rawSearch(db: Db, query: AgreementSearchQuery, times?: StatementTimes) {
  const [count] = await run<{ total: string }>(
    db,
    "count",
    (p) => `SELECT count(*) AS total FROM agreements a ${where(query, p)}`,
    times,
  );
  const page = await run<{ id: string }>(
    db,
    "page",
    (p) => {
      const conditions = where(query, p);
      const rank = query.q
        ? `(SELECT count(*) FROM agreement_clauses c WHERE c.agreement_id = a.id AND ${clauseMatches(p.add(query.q))}) DESC,`
        : "";
      return `SELECT a.id, a.title, a.countries, a.sectors, a.level, a.status, a.document
        FROM agreements a ${conditions}
        ORDER BY ${rank} a.title, a.id
        LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`;
    },
    times,
  );
  const facet = (column: "countries" | "sectors") =>
    run<{ value: string; count: string }>(
      db,
      `facet ${column}`,
      (p) => `SELECT v AS value, count(*) AS count
        FROM (SELECT a.id, a.countries, a.sectors FROM agreements a ${where(query, p)}) m, unnest(m.${column}) AS v
        GROUP BY v ORDER BY count(*) DESC, v`,
      times,
    );
  const countries = await facet("countries");
  const sectors = await facet("sectors");
  const codes = await run<{ value: string; count: string }>(
    db,
    "facet codes",
    (p) => `SELECT f.code AS value, count(DISTINCT f.agreement_id) AS count
      FROM agreement_findings f JOIN (SELECT a.id, a.countries, a.sectors FROM agreements a ${where(query, p)}) m
        ON m.id = f.agreement_id
      WHERE f.present = 'yes' GROUP BY f.code ORDER BY count(DISTINCT f.agreement_id) DESC, f.code`,
    times,
  );
  const ids = page.map((row) => row.id);
  const snippets =
    query.q && ids.length > 0
      ? await run<{ agreement_id: string; id: string; snippet: string }>(
          db,
          "snippets",
          (p) => {
            const q = p.add(query.q);
            const options = p.add(
              `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`,
            );
            return `SELECT agreement_id, id, article_ref, snippet FROM (
                SELECT c.agreement_id, c.id, c.article_ref, c.position,
                  ts_headline(c.ts_config, c.body, websearch_to_tsquery(c.ts_config, ${q}), ${options}) AS snippet,
                  row_number() OVER (PARTITION BY c.agreement_id ORDER BY c.position) AS n
                FROM agreement_clauses c
                WHERE c.agreement_id IN (${ids.map((id) => p.add(id)).join(", ")}) AND ${clauseMatches(q)}
              ) ranked WHERE n <= 2 ORDER BY agreement_id, position`;
          },
          times,
        )
      : [];
  return { count, page, countries, sectors, codes, snippets };
}

/** "count 4 %, page 31 %, ...": where the baseline's time went, statement by statement. */
function describeStatementTimes(times: StatementTimes): string {
  const total = [...times.values()].reduce((sum, ms) => sum + ms, 0);
  const shares = [...times.entries()].map(([statement, ms]) => `${statement} ${Math.round((100 * ms) / total)} %`);
  return `time by statement (all calls, warm-up included): ${shares.join(", ")}`;
}

type RawRows = Awaited<ReturnType<typeof rawSearch>>;

/** The raw rows in the shape of summarizeResult, for the equality check (not measured). */
function summarizeRows(rows: RawRows): SearchSummary {
  const facet = (list: { value: string; count: string }[]) =>
    list.map((r): [string, number] => [r.value, Number(r.count)]);
  const ids = rows.page.map((row) => row.id);
  return {
    total: Number(rows.count?.total ?? 0),
    ids,
    facets: { countries: facet(rows.countries), sectors: facet(rows.sectors), codes: facet(rows.codes) },
    snippets: ids.flatMap((id) =>
      rows.snippets
        .filter((s) => s.agreement_id === id)
        .map((s): [string, string, string] => [
          id,
          s.id,
          s.snippet.replaceAll(MATCH_START, "").replaceAll(MATCH_END, ""),
        ]),
    ),
  };
}
