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
  private readonly ordinalOf = new Map<string, number>();
  private readonly facets: Record<keyof Facets, FacetColumn>;

  constructor(entries: Iterable<SearchEntry>) {
    this.entries = [...entries].sort(compareTitles);
    for (const [ordinal, entry] of this.entries.entries()) this.ordinalOf.set(entry.id, ordinal);
    this.facets = {
      countries: new FacetColumn(this.entries.map((entry) => entry.countries)),
      sectors: new FacetColumn(this.entries.map((entry) => entry.sectors)),
      codes: new FacetColumn(this.entries.map((entry) => [...entry.codes.keys()])),
    };
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
    let matching: number[];
    if (matchingClauses) {
      // Sort keys that order by clauses (descending), then title (the ordinal): one numeric sort.
      const keys = new Float64Array(matchingClauses.size);
      let n = 0;
      for (const [id, count] of matchingClauses) {
        const ordinal = this.ordinalOf.get(id);
        // An agreement saved after this index was loaded waits for the next search.
        if (ordinal === undefined || !passes(this.entries[ordinal] as SearchEntry)) continue;
        keys[n++] = -count * this.entries.length + ordinal;
      }
      const size = this.entries.length;
      matching = Array.from(keys.subarray(0, n).sort(), (key) => ((key % size) + size) % size);
    } else {
      matching = [];
      for (const [ordinal, entry] of this.entries.entries()) if (passes(entry)) matching.push(ordinal);
    }
    const offset = (query.page - 1) * query.pageSize;
    return {
      total: matching.length,
      entries: matching.slice(offset, offset + query.pageSize).map((ordinal) => this.entries[ordinal] as SearchEntry),
      facets: {
        countries: this.facets.countries.count(matching),
        sectors: this.facets.sectors.count(matching),
        codes: this.facets.codes.count(matching),
      },
    };
  }
}

/** One facet's values per agreement, as small integers, so that counting them is array arithmetic. */
class FacetColumn {
  private readonly names: string[] = [];
  private readonly valuesOf: Uint16Array[];

  constructor(values: readonly (readonly string[])[]) {
    const ids = new Map<string, number>();
    const idOf = (name: string) => {
      let id = ids.get(name);
      if (id === undefined) {
        id = this.names.push(name) - 1;
        ids.set(name, id);
      }
      return id;
    };
    this.valuesOf = values.map((names) => Uint16Array.from(new Set(names), idOf));
  }

  /** How many of the agreements (by ordinal) have each value: most frequent first, then by value. */
  count(ordinals: readonly number[]): { value: string; count: number }[] {
    const counts = new Int32Array(this.names.length);
    for (const ordinal of ordinals) {
      const values = this.valuesOf[ordinal] as Uint16Array;
      for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    }
    const facet: { value: string; count: number }[] = [];
    for (const [id, count] of counts.entries()) if (count > 0) facet.push({ value: this.names[id] as string, count });
    return facet.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
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
