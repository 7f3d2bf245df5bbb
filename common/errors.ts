/** Stable error codes shared by the server and the web app; the web translates each code. */
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "totp_required",
  "totp_invalid",
  "totp_enrollment_required",
  "locked_out",
  "session_expired",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "import_empty",
  "import_unsupported",
  "import_encoding",
  "import_too_large",
  "invalid_receipt",
  "unavailable",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Body of every error answer: `{ error: { code, message, fields? } }`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** For validation_failed: one entry per bad field, `path` dotted. */
    fields?: { path: string; message: string }[];
    /** For locked_out and rate_limited: seconds until a retry may succeed. */
    retryAfterSeconds?: number;
  };
}
