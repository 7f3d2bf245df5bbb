import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { ErrorBody } from "../../../../common/errors.ts";
import { AppError } from "./app-error.ts";

/** How an error is answered once its status and body are known: JSON by default, a page where pages are served. */
export type ErrorResponder = (request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) => unknown;

const sendJson: ErrorResponder = (_request, reply, status, body) => reply.code(status).send(body);

/**
 * The single error handler: AppErrors keep their code and message, validation errors name each
 * field, and anything else becomes a 500 whose details stay in the log. Unknown paths get `sendNotFound`.
 */
export function installErrorHandler(app: FastifyInstance, respond: ErrorResponder = sendJson): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toErrorBody(error);
    const status = error instanceof AppError ? error.statusCode : statusOf(error, body);
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
    } else {
      request.log.info({ code: body.error.code, status }, "request refused");
    }
    if (body.error.retryAfterSeconds) void reply.header("retry-after", String(body.error.retryAfterSeconds));
    return respond(request, reply, status, body);
  });
}

/** The JSON answer for a path no route serves. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .send({ error: { code: "not_found", message: `No route ${request.method} ${request.url.split("?")[0]}.` } });
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (error instanceof AppError) {
    return {
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const fields = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split("/").filter(Boolean)].join("."),
      message: issue.message ?? "is not valid",
    }));
    return {
      error: { code: "validation_failed", message: fields.map((f) => `${f.path}: ${f.message}`).join("; "), fields },
    };
  }
  if (isResponseSerializationError(error)) return internal();
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return { error: { code: "payload_too_large", message: "The request is too large." } };
  if (error.statusCode === 429)
    return { error: { code: "rate_limited", message: "Too many requests. Slow down and try again." } };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { error: { code: "validation_failed", message: error.message } };
  }
  return internal();
}

function statusOf(error: FastifyError, body: ErrorBody): number {
  if (body.error.code === "internal") return 500;
  return error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
}

function internal(): ErrorBody {
  return { error: { code: "internal", message: "Something went wrong on our side. It has been logged." } };
}
