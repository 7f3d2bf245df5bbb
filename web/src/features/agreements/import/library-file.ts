import { IMPORT_LIMITS, type LibraryFile, libraryFileSchema } from "../../../../../common/agreements-import.ts";
import type { FieldError } from "../../../lib/api.ts";

/**
 * The largest library file the server accepts (`bodyLimit` of `POST /api/v1/agreements/library`).
 * Checked before the file is read, so nobody waits for an upload that will be refused.
 */
export const LIBRARY_FILE_MAX_BYTES = IMPORT_LIMITS.maxLibraryFileBytes;

/** Problems listed under the form; the rest are counted. */
export const SHOWN_PROBLEMS = 5;

/** What reading a chosen file in the browser found, before anything is sent. */
export type ReadResult =
  | { kind: "ok"; json: unknown; file: LibraryFile }
  | { kind: "not_json"; detail: string }
  | { kind: "not_library" }
  | { kind: "invalid"; json: unknown; problems: FieldError[] };

/**
 * Parses the file's text and checks it against the same schema the server uses, so a file with
 * mistakes is explained at once instead of after a long upload. Paths are written as the server
 * writes them (`body.agreements.3.title`), so both kinds of problem are shown the same way.
 */
export function readLibraryFile(text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: "not_json", detail: error instanceof Error ? error.message : "" };
  }
  if (!isRecord(json) || !("agreements" in json || "taxonomy" in json || "baselines" in json)) {
    return { kind: "not_library" };
  }
  const parsed = libraryFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      kind: "invalid",
      json,
      problems: parsed.error.issues.map((issue) => ({
        path: ["body", ...issue.path.map(String)].join("."),
        message: issue.message,
      })),
    };
  }
  return { kind: "ok", json, file: parsed.data };
}

/** Lists of the library file whose entries have a name of their own in the problem list. */
const NAMED_LISTS = {
  agreements: "agreement",
  baselines: "baseline",
  "taxonomy.codes": "taxonomyCode",
  clauses: "clause",
  findings: "finding",
  evidence: "evidence",
  sources: "source",
  parties: "party",
  lineage: "lineage",
} as const;
export type ListName = (typeof NAMED_LISTS)[keyof typeof NAMED_LISTS];

/** One step down into the file: the 4th agreement, its 1st clause… (numbers count from 1). */
export type PathStep =
  | { list: ListName; number: number; id?: string | undefined }
  | { list: "other"; name: string; number: number };

export interface ProblemPlace {
  /** Empty: the problem is the file as a whole. */
  steps: PathStep[];
  /** The property at fault, as it is spelt in the file (`code`, `dates.inForceFrom`); null for a whole entry. */
  field: string | null;
  /** The value the file has there, when it is short enough to quote. */
  value: string | null;
}

/**
 * Turns `body.agreements.3.clauses.0.findings.1.code` into "agreement 4 (its id), clause 1,
 * finding 2, field code", looking up the agreement's id and the faulty value in the file itself.
 */
export function describePath(path: string, json: unknown): ProblemPlace {
  const segments = path.split(".").filter((segment) => segment !== "");
  if (segments[0] === "body") {
    segments.shift();
  }
  const steps: PathStep[] = [];
  let pending: string[] = [];
  let node: unknown = json;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] as string;
    const next = segments[index + 1];
    node = child(node, segment);
    if (next !== undefined && /^\d+$/.test(next)) {
      const name = [...pending, segment].join(".");
      pending = [];
      node = child(node, next);
      const number = Number(next) + 1;
      if (Object.hasOwn(NAMED_LISTS, name)) {
        const id = name === "agreements" && isRecord(node) && typeof node.id === "string" ? node.id : undefined;
        steps.push({ list: NAMED_LISTS[name as keyof typeof NAMED_LISTS], number, id });
      } else {
        steps.push({ list: "other", name, number });
      }
      index += 1;
    } else {
      pending.push(segment);
    }
  }
  return { steps, field: pending.length > 0 ? pending.join(".") : null, value: quotable(node) };
}

function child(node: unknown, key: string): unknown {
  if (Array.isArray(node)) {
    return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  }
  return isRecord(node) ? node[key] : undefined;
}

function quotable(value: unknown): string | null {
  if (typeof value === "string") {
    return value.length <= 80 ? JSON.stringify(value) : null;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) {
    return JSON.stringify(value);
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
