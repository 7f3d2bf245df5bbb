import type { TaxonomyCode } from "../../../../common/agreements.ts";

/** The compare page's state lives in the address, so a comparison can be shared and undone. */
export type CompareSort = "title" | "country";

export interface CompareState {
  /** Chosen agreements; none means all of them. */
  ids: string[];
  codes: string[];
  families: string[];
  sort: CompareSort;
}

/** The ready-made view: provisions on AI, jobs, algorithmic management and participation. */
export const AI_PROVISIONS_FAMILIES = ["AI", "JOB", "ALGO", "PART"] as const;

const ID = /^[a-z0-9-]+$/;
const CODE = /^[A-Z]+(\.[A-Z0-9_]+)+$/;
const FAMILY = /^[A-Z]+$/;

function list(params: URLSearchParams, name: string, pattern: RegExp): string[] {
  const values = (params.get(name) ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter((value) => pattern.test(value));
  return [...new Set(values)];
}

export function compareStateFromParams(params: URLSearchParams): CompareState {
  return {
    ids: list(params, "ids", ID),
    codes: list(params, "codes", CODE),
    families: list(params, "families", FAMILY),
    sort: params.get("sort") === "country" ? "country" : "title",
  };
}

/**
 * The address's query string, commas left readable (`ids=a,b`): every value is made of letters,
 * digits, dots, dashes and underscores, so nothing needs escaping.
 */
export function compareSearch(state: CompareState): string {
  const parts: string[] = [];
  if (state.ids.length > 0) parts.push(`ids=${state.ids.join(",")}`);
  if (state.families.length > 0) parts.push(`families=${state.families.join(",")}`);
  if (state.codes.length > 0) parts.push(`codes=${state.codes.join(",")}`);
  if (state.sort !== "title") parts.push(`sort=${state.sort}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export function hasProvisions(state: CompareState): boolean {
  return state.codes.length > 0 || state.families.length > 0;
}

/**
 * What the API is asked. It takes codes or families, not both: when both are chosen, the
 * families are spelled out as their codes from the taxonomy.
 */
export function compareApiQuery(state: CompareState, taxonomy: readonly TaxonomyCode[]): string {
  const parts: string[] = [];
  if (state.ids.length > 0) parts.push(`ids=${state.ids.join(",")}`);
  if (state.codes.length > 0) {
    const fromFamilies = taxonomy.filter((code) => state.families.includes(code.family)).map((code) => code.code);
    parts.push(`codes=${[...new Set([...state.codes, ...fromFamilies])].sort().join(",")}`);
  } else {
    parts.push(`families=${state.families.join(",")}`);
  }
  return parts.join("&");
}
