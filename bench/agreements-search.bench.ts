import { type AgreementSearchQuery, agreementSearchQuerySchema } from "../common/agreements-api.ts";
import { SEARCH_CONFIGS } from "../server/src/modules/agreements/library-values.ts";
import { searchAgreements } from "../server/src/modules/agreements/use-cases/search-agreements.ts";
import { prepareSearch } from "../server/src/modules/agreements/use-cases/search-indexes.ts";
import { searchWords } from "./agreements-generator.ts";
import { type BenchLibrary, engineName, sharedAgreementsLibrary } from "./agreements-library.ts";
import {
  describeStatementTimes,
  HAND_WRITTEN_CONFIGS,
  rawSearchStatements,
  referenceSearch,
  type StatementTimes,
  summarizeResult,
} from "./agreements-search-sql.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";

/**
 * Latency of the agreements search (searchAgreements: page, total, facets and snippets) over a
 * mix of realistic queries, called in-process, against the SQL statements it sends written by
 * hand and sent through the same driver. Before measuring, every answer is checked against the
 * whole search computed by PostgreSQL alone (referenceSearch).
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
  /** The agreements of its page, for the baseline's snippets statement. */
  pageIds: string[];
}

interface Fixture {
  library: BenchLibrary;
  cases: SearchCase[];
  indexLine: string;
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
  title: "latency of searchAgreements over a query mix vs PostgreSQL doing its database work alone",
  targets: [
    { metric: "latency p95", of: "subject", atMost: 50 },
    { metric: "latency p95", of: "ratio", atMost: 2 },
  ],
  setupTimeoutSeconds: 3600,
  notes: [
    "in-process calls, one at a time: no HTTP, no concurrency. The subject is searchAgreements(db, query) " +
      "(query parsed by agreementSearchQuerySchema, as the route does): the library version and the page's snippets " +
      "from PostgreSQL; the text match from the in-memory clause index (PostgreSQL parses the words per configuration; " +
      "phrases, which need word positions, are matched in SQL); filters, ranking, facets and the page from the " +
      "in-memory facet index.",
    "the baseline is PostgreSQL doing that search's database work alone: the library version, the text match " +
      "(matching clauses counted per agreement, and titles) and the page's snippets, as hand-written SQL with " +
      "CompiledQuery.raw through the same Kysely driver.",
    "before measuring, every answer (total, page, facets) must equal the whole search computed by PostgreSQL " +
      "alone (referenceSearch), and the baseline's snippets must equal the subject's.",
    "both indexes are loaded before measuring (the time is in the setup line); the library does not change " +
      "during the run, so every measured call uses current indexes.",
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
    const loadStarted = performance.now();
    const index = await prepareSearch(library.db);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const memory = process.memoryUsage();
    const indexLine =
      `search indexes of ${index.agreements.toLocaleString("en-US")} agreements and ${index.clauses.toLocaleString("en-US")} clauses loaded in ${loadSeconds.toFixed(1)} s ` +
      `(process heap after: ${(memory.heapUsed / 1024 ** 2).toFixed(0)} MiB)`;
    context.progress(indexLine);
    context.progress("checking every answer against the search computed by PostgreSQL alone");
    const cases: SearchCase[] = [];
    for (const raw of searchMix()) {
      const query = agreementSearchQuerySchema.parse(raw);
      const subject = summarizeResult(await searchAgreements(library.db, query));
      const reference = await referenceSearch(library.db, query);
      const snippets = await rawSearchStatements(library.db, query, subject.ids);
      const expected = JSON.stringify({ ...reference, snippets });
      if (JSON.stringify(subject) !== expected) {
        throw new Error(
          `searchAgreements and the SQL reference disagree on ${describeQuery(raw)}:\n` +
            `subject   ${JSON.stringify(subject).slice(0, 600)}\nreference ${expected.slice(0, 600)}`,
        );
      }
      cases.push({
        name: `${describeQuery(raw)} [${subject.total.toLocaleString("en-US")} hits]`,
        query,
        pageIds: subject.ids,
      });
    }
    return { library, cases, indexLine };
  },

  async baseline(context, { library, cases }) {
    const times: StatementTimes = new Map();
    const measurement = await measureCalls(context, {
      label: `the search's database work by PostgreSQL alone, hand-written SQL through the same driver (${engineName(library)})`,
      calls: cases.map((c) => ({
        name: c.name,
        run: () => rawSearchStatements(library.db, c.query, c.pageIds, times),
      })),
      breakdownTitle: "median per query",
      minRounds: MIN_ROUNDS,
    });
    return { ...measurement, details: [...measurement.details, describeStatementTimes(times)] };
  },

  async subject(context, { library, cases, indexLine }) {
    return measureCalls(context, {
      label: `searchAgreements(db, query), in-process, no HTTP (${engineName(library)})`,
      calls: cases.map((c) => ({ name: c.name, run: () => searchAgreements(library.db, c.query) })),
      breakdownTitle: "median per query",
      minRounds: MIN_ROUNDS,
      details: [library.description, indexLine],
    });
  },
});

function describeQuery(raw: Record<string, string>): string {
  const entries = Object.entries(raw);
  return entries.length === 0 ? "(no filter)" : entries.map(([key, value]) => `${key}=${value}`).join("&");
}
