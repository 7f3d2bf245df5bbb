import type { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../../../common/errors.ts";

export interface FieldError {
  path: string;
  message: string;
}

/** A failed API call, reduced to what the UI may show: a stable code, never the raw body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: ErrorCode, message: string, fields: FieldError[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type AuthLostListener = (code: "unauthenticated" | "session_expired") => void;

let csrfToken: string | null = null;
let authLostListener: AuthLostListener | null = null;

/** The session provider keeps the CSRF token here so every unsafe request can carry it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request that needed a session was refused because there is none. */
export function onAuthLost(listener: AuthLostListener | null): void {
  authLostListener = listener;
}

interface RequestOptions<T> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Validates the answer; a mismatch is reported as `internal`, not shown raw. */
  schema?: z.ZodType<T>;
  /**
   * Sign-in and session look-ups answer 401 as part of their normal flow; those callers handle it
   * themselves instead of being sent back to the sign-in page.
   */
  expectUnauthenticated?: boolean;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (UNSAFE_METHODS.has(method)) {
    if (csrfToken) {
      headers["x-csrf-token"] = csrfToken;
    }
    if (method !== "DELETE" || options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body ?? {});
    }
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "unavailable", "Network error");
  }

  if (!response.ok) {
    const error = await readError(response);
    if (!options.expectUnauthenticated && isAuthLost(error)) {
      authLostListener?.(error.code as "unauthenticated" | "session_expired");
    }
    throw error;
  }

  if (response.status === 204 || !options.schema) {
    return undefined as T;
  }
  const parsed = options.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, "internal", "Unexpected answer from the server");
  }
  return parsed.data;
}

function isAuthLost(error: ApiError): boolean {
  return error.status === 401 && (error.code === "unauthenticated" || error.code === "session_expired");
}

const knownCodes = new Set<string>(ERROR_CODES);

async function readError(response: Response): Promise<ApiError> {
  const fallbackCode = fallbackCodeForStatus(response.status);
  const payload: unknown = await response.json().catch(() => undefined);
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  if (!error) {
    return new ApiError(response.status, fallbackCode, response.statusText);
  }
  const code = typeof error.code === "string" && knownCodes.has(error.code) ? (error.code as ErrorCode) : fallbackCode;
  const message = typeof error.message === "string" ? error.message : "";
  const fields = Array.isArray(error.fields) ? error.fields.filter(isFieldError) : [];
  const retryAfterSeconds = typeof error.retryAfterSeconds === "number" ? error.retryAfterSeconds : undefined;
  return new ApiError(response.status, code, message, fields, retryAfterSeconds);
}

function fallbackCodeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "validation_failed";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 429:
      return "rate_limited";
    case 502:
    case 503:
    case 504:
      return "unavailable";
    default:
      return "internal";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.path === "string" && typeof value.message === "string";
}

/** Turns anything a call may throw into an ApiError, so the UI only ever deals with codes. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, "internal", "Unexpected error");
}
