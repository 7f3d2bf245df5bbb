import type { AgreementSearchQuery, AgreementSearchResult } from "../../../../../common/agreements-api.ts";
import type { Db } from "../../../platform/db/database.ts";
import {
  countFacets,
  findAgreementPage,
  findSnippets,
  MATCH_END,
  MATCH_START,
} from "../agreements-search.repository.ts";

/** Public: searches the library in each clause's own language, with filters, facets and snippets. */
export async function searchAgreements(db: Db, query: AgreementSearchQuery): Promise<AgreementSearchResult> {
  const { total, rows } = await findAgreementPage(db, query);
  const facets = await countFacets(db, query);
  const snippets = query.q
    ? await findSnippets(
        db,
        rows.map((r) => r.id),
        query.q,
      )
    : [];
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets,
    results: rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleEn: row.document.titleEn,
      countries: row.countries,
      sectors: row.sectors,
      level: row.level,
      status: row.status,
      inForceFrom: row.document.dates.inForceFrom,
      inForceTo: row.document.dates.inForceTo,
      parties: row.document.parties.map((p) => p.name),
      snippets: snippets
        .filter((s) => s.agreement_id === row.id)
        .map((s) => ({ clauseId: s.id, articleRef: s.article_ref, parts: splitSnippet(s.snippet) })),
    })),
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
