import type { AgreementSearchQuery, AgreementSearchResult } from "../../../../../common/agreements-api.ts";
import type { Db } from "../../../platform/db/database.ts";
import {
  findMatchingClauseCounts,
  findSnippets,
  loadSearchEntries,
  MATCH_END,
  MATCH_START,
  readLibraryVersion,
} from "../agreements-search.repository.ts";
import { LibrarySearchIndex } from "../search-index.ts";

interface LoadedIndex {
  version: string;
  index: Promise<LibrarySearchIndex>;
}

/** The search index of each database, reloaded when the library's version moves on. */
const indexes = new WeakMap<Db, LoadedIndex>();

/**
 * The library's search index, current as of this call: one cheap version read per search, and a
 * reload (shared by every search waiting for it) only after the library changed. Inside a
 * transaction the index is built from what that transaction sees and not kept.
 */
export async function currentSearchIndex(db: Db): Promise<LibrarySearchIndex> {
  if (db.isTransaction) return new LibrarySearchIndex((await loadSearchEntries(db)).entries);
  const version = await readLibraryVersion(db);
  const loaded = indexes.get(db);
  if (loaded?.version === version) return loaded.index;
  const reload = loadSearchEntries(db).then(({ version: readAt, entries }) => {
    const index = new LibrarySearchIndex(entries);
    if (indexes.get(db) === pending) indexes.set(db, { version: readAt, index: Promise.resolve(index) });
    return index;
  });
  const pending: LoadedIndex = { version, index: reload };
  indexes.set(db, pending);
  reload.catch(() => {
    if (indexes.get(db) === pending) indexes.delete(db);
  });
  return reload;
}

/** Public: searches the library in each clause's own language, with filters, facets and snippets. */
export async function searchAgreements(db: Db, query: AgreementSearchQuery): Promise<AgreementSearchResult> {
  const index = await currentSearchIndex(db);
  const matchingClauses = query.q ? await findMatchingClauseCounts(db, query.q) : undefined;
  const { total, entries, facets } = index.rank(query, matchingClauses);
  const snippets = query.q
    ? await findSnippets(
        db,
        entries.map((entry) => entry.id),
        query.q,
      )
    : [];
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets,
    results: entries.map(
      ({ id, title, titleEn, countries, sectors, level, status, inForceFrom, inForceTo, parties }) => ({
        id,
        title,
        titleEn,
        countries,
        sectors,
        level,
        status,
        inForceFrom,
        inForceTo,
        parties,
        snippets: snippets
          .filter((s) => s.agreement_id === id)
          .map((s) => ({ clauseId: s.id, articleRef: s.article_ref, parts: splitSnippet(s.snippet) })),
      }),
    ),
  };
}

/** Turns a headline with private-use match markers into plain-text parts, so no HTML ever crosses the API. */
export function splitSnippet(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const [index, piece] of snippet.split(MATCH_START).entries()) {
    const [matched, rest] = index === 0 ? [undefined, piece] : piece.split(MATCH_END, 2);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
