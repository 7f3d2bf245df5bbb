import type { AgreementSearchQuery, AgreementSearchResult } from "../../../../common/agreements-api.ts";

/** What the search needs of one agreement: its summary, and what the filters and facets look at. */
export interface SearchEntry {
  id: string;
  title: string;
  titleEn: string | null;
  countries: string[];
  sectors: string[];
  level: string;
  status: string;
  /** As written in the agreement (partial dates allowed). */
  inForceFrom: string | null;
  inForceTo: string | null;
  parties: string[];
  /** First and last day (YYYY-MM-DD) the agreement may be in force; null is open-ended. */
  inForceFirstDay: string | null;
  inForceLastDay: string | null;
  /** The groups the agreement's coverage says yes to (employees, freelancers, ...). */
  covers: string[];
  /** Each code the agreement codes as present, with the numeric values of those findings. */
  codes: Map<string, number[]>;
}

export type Facets = AgreementSearchResult["facets"];

export interface RankedPage {
  total: number;
  entries: SearchEntry[];
  facets: Facets;
}

const titleCollator = new Intl.Collator("en", { numeric: true });

/** Title order, as people read titles (accents and case next to their letter, 2 before 10); ties by id. */
export function compareTitles(a: { title: string; id: string }, b: { title: string; id: string }): number {
  return titleCollator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The library's metadata in memory, in title order, so that filters, facets, ranking and
 * pagination cost no database work. The text match itself stays in PostgreSQL: `rank` takes its
 * answer, the number of matching clauses per agreement.
 */
export class LibrarySearchIndex {
  private readonly entries: SearchEntry[];

  constructor(entries: Iterable<SearchEntry>) {
    this.entries = [...entries].sort(compareTitles);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * One page of the agreements that pass the filters and, when the query has words, appear in
   * `matchingClauses` (agreement id → clauses matching the words; 0 for a title-only match).
   * Best first: most matching clauses, then title order. Facets count the whole matching set.
   */
  rank(query: AgreementSearchQuery, matchingClauses?: ReadonlyMap<string, number>): RankedPage {
    const passes = entryFilter(query);
    const matching = this.entries.filter(
      (entry) => (matchingClauses === undefined || matchingClauses.has(entry.id)) && passes(entry),
    );
    if (matchingClauses) {
      // Array.prototype.sort is stable, so equal counts keep title order.
      matching.sort((a, b) => (matchingClauses.get(b.id) ?? 0) - (matchingClauses.get(a.id) ?? 0));
    }
    const offset = (query.page - 1) * query.pageSize;
    return {
      total: matching.length,
      entries: matching.slice(offset, offset + query.pageSize),
      facets: countFacets(matching),
    };
  }
}

function entryFilter(query: AgreementSearchQuery): (entry: SearchEntry) => boolean {
  const { country, sector, covers, inForceOn, code, min, max } = query;
  return (entry) =>
    (country === undefined || entry.countries.includes(country)) &&
    (sector === undefined || entry.sectors.includes(sector)) &&
    (covers === undefined || entry.covers.includes(covers)) &&
    (inForceOn === undefined ||
      ((entry.inForceFirstDay === null || entry.inForceFirstDay <= inForceOn) &&
        (entry.inForceLastDay === null || entry.inForceLastDay >= inForceOn))) &&
    (code === undefined || hasValueInRange(entry.codes.get(code), min, max));
}

/** A code with no bounds needs only to be present; with bounds, one of its values must lie within them. */
function hasValueInRange(values: number[] | undefined, min: number | undefined, max: number | undefined): boolean {
  if (values === undefined) return false;
  if (min === undefined && max === undefined) return true;
  return values.some((value) => (min === undefined || value >= min) && (max === undefined || value <= max));
}

function countFacets(entries: readonly SearchEntry[]): Facets {
  const countries = new Map<string, number>();
  const sectors = new Map<string, number>();
  const codes = new Map<string, number>();
  const add = (counts: Map<string, number>, value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const entry of entries) {
    for (const value of new Set(entry.countries)) add(countries, value);
    for (const value of new Set(entry.sectors)) add(sectors, value);
    for (const value of entry.codes.keys()) add(codes, value);
  }
  return { countries: sortFacet(countries), sectors: sortFacet(sectors), codes: sortFacet(codes) };
}

/** Most frequent first, then by value. */
function sortFacet(counts: Map<string, number>): { value: string; count: number }[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
