import type { ErrorCode } from "../../../../common/errors.ts";

const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  totp_enrollment_required: 403,
  locked_out: 429,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  import_empty: 400,
  import_unsupported: 400,
  import_encoding: 400,
  import_too_large: 413,
  invalid_receipt: 401,
  unavailable: 503,
  internal: 500,
};

interface AppErrorOptions {
  fields?: { path: string; message: string }[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The one error type use cases throw; the error handler turns it into `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly fields: { path: string; message: string }[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.statusCode = HTTP_STATUS[code];
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** "Not found" for anything the caller may not know exists, so absence and refusal look alike. */
export const notFound = (what = "resource") => new AppError("not_found", `No such ${what}.`);

export const forbidden = () => new AppError("forbidden", "You are not allowed to do this.");
