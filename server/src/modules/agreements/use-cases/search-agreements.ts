import type { AgreementSearchQuery, AgreementSearchResult } from "../../../../../common/agreements-api.ts";
import type { Db } from "../../../platform/db/database.ts";
import { findSnippets, MATCH_END, MATCH_START } from "../agreements-search.repository.ts";
import { matchingClauseCounts, searchIndexAt } from "./search-indexes.ts";

/** Public: searches the library in each clause's own language, with filters, facets and snippets. */
export async function searchAgreements(db: Db, query: AgreementSearchQuery): Promise<AgreementSearchResult> {
  const { version, index } = await searchIndexAt(db);
  const matchingClauses = query.q ? await matchingClauseCounts(db, version, query.q) : undefined;
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
