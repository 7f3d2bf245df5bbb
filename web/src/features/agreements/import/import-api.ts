import { z } from "zod";
import {
  type ImportCommit,
  type ImportDraft,
  type ImportSummary,
  importDraftSchema,
  importSummarySchema,
  type Suggestion,
  type SuggestionDecisionInput,
  suggestionSchema,
} from "../../../../../common/agreements-import.ts";
import { ERROR_CODES, type ErrorCode } from "../../../../../common/errors.ts";
import { ApiError, apiRequest } from "../../../lib/api.ts";

const IMPORTS = "/api/v1/agreements/imports";

const importListSchema = z.object({ imports: z.array(importSummarySchema) });
const commitAnswerSchema = z.object({ id: z.string(), created: z.literal(true) });
const libraryImportAnswerSchema = z.object({ created: z.int(), updated: z.int(), unchanged: z.int() });
export type LibraryImportResult = z.infer<typeof libraryImportAnswerSchema>;

function importPath(importId: string): string {
  return `${IMPORTS}/${encodeURIComponent(importId)}`;
}

export async function listImports(): Promise<ImportSummary[]> {
  const answer = await apiRequest(IMPORTS, { schema: importListSchema });
  return answer.imports;
}

export function getImport(importId: string): Promise<ImportDraft> {
  return apiRequest(importPath(importId), { schema: importDraftSchema });
}

export function importPastedText(text: string): Promise<ImportDraft> {
  return apiRequest(IMPORTS, { method: "POST", body: { text }, schema: importDraftSchema });
}

export function decideSuggestion(
  importId: string,
  suggestionId: string,
  input: SuggestionDecisionInput,
): Promise<Suggestion> {
  return apiRequest(`${importPath(importId)}/suggestions/${encodeURIComponent(suggestionId)}`, {
    method: "PATCH",
    body: input,
    schema: suggestionSchema,
  });
}

export function commitImport(importId: string, commit: ImportCommit): Promise<{ id: string }> {
  return apiRequest(`${importPath(importId)}/commit`, { method: "POST", body: commit, schema: commitAnswerSchema });
}

export function discardImport(importId: string): Promise<void> {
  return apiRequest(importPath(importId), { method: "DELETE" });
}

/**
 * Loads a whole library file (what `GET /api/v1/agreements/export` returns), all or nothing. `file`
 * is sent as it was read, not as the browser's schema check rewrote it: the server checks it again.
 */
export function importLibraryFile(file: unknown): Promise<LibraryImportResult> {
  return apiRequest("/api/v1/agreements/library", { method: "POST", body: file, schema: libraryImportAnswerSchema });
}

/** How far an upload has got: the share of bytes sent, then `null` while the server reads the document. */
export type UploadProgress = { stage: "sending"; fraction: number } | { stage: "reading" };

/**
 * Sends a document as `multipart/form-data`. XMLHttpRequest rather than fetch, because only it
 * reports how much of a large file has been sent. Errors are the same ApiErrors as apiRequest's;
 * a lost session is reported to the session provider by asking for the session once more through
 * apiRequest, which sends the user to sign in as any other refused call does.
 */
export function uploadImportFile(
  file: File,
  csrfToken: string | null,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportDraft> {
  const body = new FormData();
  body.append("file", file, file.name);
  return new Promise<ImportDraft>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", IMPORTS);
    request.setRequestHeader("accept", "application/json");
    if (csrfToken) {
      request.setRequestHeader("x-csrf-token", csrfToken);
    }
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress({ stage: "sending", fraction: event.loaded / event.total });
      }
    });
    request.upload.addEventListener("load", () => onProgress({ stage: "reading" }));
    request.addEventListener("error", () => reject(new ApiError(0, "unavailable", "Network error")));
    request.addEventListener("abort", () => reject(new ApiError(0, "unavailable", "Upload aborted")));
    request.addEventListener("load", () => {
      const payload = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        const parsed = importDraftSchema.safeParse(payload);
        if (parsed.success) {
          resolve(parsed.data);
        } else {
          reject(new ApiError(request.status, "internal", "Unexpected answer from the server"));
        }
        return;
      }
      const error = errorFrom(request.status, request.statusText, payload);
      if (error.status === 401 && (error.code === "unauthenticated" || error.code === "session_expired")) {
        // The session provider learns of a lost session from apiRequest; this look-up is refused the same way.
        apiRequest("/api/v1/auth/session").catch(() => undefined);
      }
      reject(error);
    });
    onProgress({ stage: "sending", fraction: 0 });
    request.send(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const knownCodes = new Set<string>(ERROR_CODES);

function errorFrom(status: number, statusText: string, payload: unknown): ApiError {
  const fallback: ErrorCode =
    status === 401
      ? "unauthenticated"
      : status === 403
        ? "forbidden"
        : status === 413
          ? "payload_too_large"
          : status === 429
            ? "rate_limited"
            : status >= 500
              ? "internal"
              : "validation_failed";
  const error = isRecord(payload) && isRecord(payload.error) ? (payload.error as Record<string, unknown>) : undefined;
  if (!error) {
    return new ApiError(status, fallback, statusText);
  }
  const code = typeof error.code === "string" && knownCodes.has(error.code) ? (error.code as ErrorCode) : fallback;
  const message = typeof error.message === "string" ? error.message : "";
  const retryAfterSeconds = typeof error.retryAfterSeconds === "number" ? error.retryAfterSeconds : undefined;
  return new ApiError(status, code, message, [], retryAfterSeconds);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
