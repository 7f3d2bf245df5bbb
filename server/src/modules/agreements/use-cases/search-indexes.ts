import type { Db } from "../../../platform/db/database.ts";
import {
  findMatchingClauseCounts,
  loadSearchEntries,
  printTextQueries,
  readClauseLexemes,
  readLibraryVersion,
  readTitleLexemes,
} from "../agreements-search.repository.ts";
import { LibrarySearchIndex } from "../search-index.ts";
import { type ClauseTextIndex, ClauseTextIndexBuilder } from "../text-index.ts";
import { parseTextQuery, type TextQuery } from "../text-query.ts";

/**
 * The search's two in-memory indexes per database, each tied to the library version it was read
 * at (a trigger bumps the version on every change to the library):
 * - the facet index (LibrarySearchIndex) is needed by every answer, so a search waits for its
 *   reload after a change (searches waiting at once share one reload);
 * - the clause text index only makes the text match faster, so it is rebuilt in the background
 *   and used once current; until then the text match runs in SQL, which is always correct.
 */
interface Indexes {
  facets?: { version: string; index: Promise<LibrarySearchIndex> };
  text?: { version: string; index: ClauseTextIndex };
  textBuild?: Promise<void>;
}

const perDatabase = new WeakMap<Db, Indexes>();

function indexesOf(db: Db): Indexes {
  let indexes = perDatabase.get(db);
  if (!indexes) {
    indexes = {};
    perDatabase.set(db, indexes);
  }
  return indexes;
}

/** Clauses read per statement while building the text index. */
const LEXEME_BATCH = 20_000;

/** What a search needs: the library's current version and its facet index (reloaded if stale). */
export async function searchIndexAt(db: Db): Promise<{ version: string | null; index: LibrarySearchIndex }> {
  // Inside a transaction: what that transaction sees, not kept.
  if (db.isTransaction) return { version: null, index: new LibrarySearchIndex((await loadSearchEntries(db)).entries) };
  const version = await readLibraryVersion(db);
  const indexes = indexesOf(db);
  if (indexes.facets?.version !== version) {
    const pending = {
      version,
      index: loadSearchEntries(db).then(({ version: readAt, entries }) => {
        const index = new LibrarySearchIndex(entries);
        if (indexes.facets === pending) indexes.facets = { version: readAt, index: Promise.resolve(index) };
        return index;
      }),
    };
    indexes.facets = pending;
    pending.index.catch(() => {
      if (indexes.facets === pending) indexes.facets = undefined;
    });
  }
  return { version, index: await (indexes.facets as NonNullable<Indexes["facets"]>).index };
}

/**
 * The agreements whose clauses or title match the words, with their number of matching clauses:
 * from the clause text index when it is current and the query needs no word positions, else from
 * SQL (and a rebuild of the text index starts in the background).
 */
export async function matchingClauseCounts(db: Db, version: string | null, q: string): Promise<Map<string, number>> {
  const text = version === null ? undefined : currentTextIndex(db, version);
  if (text) {
    const queries = parseAll(await printTextQueries(db, q));
    if (queries) {
      const counts = text.countMatches(queries);
      for (const id of text.titleMatches(queries.get("simple") ?? null)) if (!counts.has(id)) counts.set(id, 0);
      return counts;
    }
  }
  return findMatchingClauseCounts(db, q);
}

function parseAll(printed: ReadonlyMap<string, string>): Map<string, TextQuery | null> | undefined {
  const queries = new Map<string, TextQuery | null>();
  for (const [config, query] of printed) {
    const parsed = parseTextQuery(query);
    if (parsed === undefined) return undefined;
    queries.set(config, parsed);
  }
  return queries;
}

function currentTextIndex(db: Db, version: string): ClauseTextIndex | undefined {
  const indexes = indexesOf(db);
  if (indexes.text?.version === version) return indexes.text.index;
  if (!indexes.textBuild) {
    indexes.textBuild = buildTextIndex(db)
      .then((built) => {
        if (built) indexes.text = built;
      })
      // A failed build leaves the SQL path in charge; the next search tries again.
      .catch(() => undefined)
      .finally(() => {
        indexes.textBuild = undefined;
      });
  }
  return undefined;
}

/**
 * Reads every clause's lexemes in batches, outside a transaction (on the embedded database a long
 * transaction would hold every other request back), and keeps the result only if the library's
 * version did not move meanwhile.
 */
async function buildTextIndex(db: Db): Promise<{ version: string; index: ClauseTextIndex } | undefined> {
  const version = await readLibraryVersion(db);
  const builder = new ClauseTextIndexBuilder();
  for (const title of await readTitleLexemes(db)) builder.addTitle(title.id, title.lexemes);
  let after: { agreementId: string; clauseId: string } | null = null;
  for (;;) {
    const rows = await readClauseLexemes(db, after, LEXEME_BATCH);
    for (const row of rows) builder.add(row.agreement_id, row.config, row.lexemes);
    const last = rows.at(-1);
    if (!last || rows.length < LEXEME_BATCH) break;
    after = { agreementId: last.agreement_id, clauseId: last.id };
  }
  if ((await readLibraryVersion(db)) !== version) return undefined;
  return { version, index: builder.build() };
}

/** Loads both indexes for the current library and waits for them (benchmarks, tests, warming up a server). */
export async function prepareSearch(db: Db): Promise<{ agreements: number; clauses: number }> {
  const { version, index } = await searchIndexAt(db);
  if (version === null) return { agreements: index.size, clauses: 0 };
  const indexes = indexesOf(db);
  while (indexes.text?.version !== version) {
    currentTextIndex(db, version);
    await indexes.textBuild;
    if (indexes.text?.version !== version && (await readLibraryVersion(db)) !== version) return prepareSearch(db);
  }
  return { agreements: index.size, clauses: indexes.text.index.clauses };
}
