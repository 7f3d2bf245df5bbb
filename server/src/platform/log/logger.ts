import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config/config.ts";

/**
 * Paths removed from every log line. Request bodies are never logged; these catch secrets that
 * could reach a log through headers, errors or explicit fields.
 */
export const REDACTED_LOG_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "receipt",
  "*.receipt",
  "totpCode",
  "*.totpCode",
  "body",
  "*.body",
];

/** Structured JSON logs with secrets redacted; query strings are dropped from logged URLs. */
export function loggerOptions(config: Pick<Config, "logLevel">): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_LOG_PATHS, censor: "[redacted]" },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { id: request.id, method: request.method, path: request.url.split("?")[0] };
      },
    },
  };
}
