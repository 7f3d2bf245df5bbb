/** The library's state lives in the address's query string, so a search can be shared and undone. */
export const SEARCH_FIELDS = ["q", "country", "sector", "covers", "inForceOn", "code", "min", "max"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchValues = Record<SearchField, string>;

export const COVERS = ["employees", "freelancers", "influencers", "background", "minors"] as const;
export const PAGE_SIZE = 20;

export function valuesFromParams(params: URLSearchParams): SearchValues {
  return Object.fromEntries(SEARCH_FIELDS.map((field) => [field, params.get(field) ?? ""])) as SearchValues;
}

export function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get("page"));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** Only filled fields go into the address; page 1 is the default and is left out. */
export function paramsFromValues(values: Partial<SearchValues>, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    const value = values[field]?.trim();
    if (value) {
      params.set(field, value);
    }
  }
  // Bounds only mean something for a code.
  if (!params.has("code")) {
    params.delete("min");
    params.delete("max");
  }
  if (page > 1) {
    params.set("page", String(page));
  }
  return params;
}

/** The same search with one field changed (or cleared with ""), back on page 1. */
export function withValue(values: SearchValues, field: SearchField, value: string): URLSearchParams {
  return paramsFromValues({ ...values, [field]: value });
}

/** What the API is asked: the address's state plus the page size. */
export function apiQuery(params: URLSearchParams): string {
  const query = paramsFromValues(valuesFromParams(params), pageFromParams(params));
  query.set("pageSize", String(PAGE_SIZE));
  return query.toString();
}

export function hasFilters(values: SearchValues): boolean {
  return SEARCH_FIELDS.some((field) => values[field] !== "");
}
