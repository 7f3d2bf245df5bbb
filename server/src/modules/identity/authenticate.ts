import type { FastifyReply, FastifyRequest } from "fastify";
import { ROLES_REQUIRING_TOTP } from "../../../../common/identity.ts";
import type { Actor, RouteAccess } from "../../platform/auth/actor.ts";
import { belongsToOrganization, hasOrganizationRole } from "../../platform/auth/actor.ts";
import { DecryptionError } from "../../platform/crypto/envelope.ts";
import { openForSession } from "../../platform/crypto/session-keys.ts";
import { constantTimeEqual, sha256Hex } from "../../platform/crypto/tokens.ts";
import { AppError, notFound } from "../../platform/http/app-error.ts";
import type { ApiKeyRecord } from "./api-key-cache.ts";
import type { IdentityContext } from "./identity.context.ts";
import { deleteSession, findApiKeyByPrefix, findSession } from "./identity.repository.ts";
import { API_KEY_PATTERN } from "./use-cases/manage-api-keys.ts";

/** Over HTTPS the cookie takes the `__Host-` prefix: host-only, path /, Secure, so no subdomain can plant one. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-guildhall_session" : "guildhall_session";
}
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Resolves the caller from the session cookie or an API key. */
export async function resolveActor(
  context: IdentityContext,
  request: FastifyRequest,
  secureCookies: boolean,
): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization) return resolveApiKey(context, authorization);
  const token = request.cookies[sessionCookieName(secureCookies)];
  if (!token) return { kind: "anonymous" };
  const tokenHash = sha256Hex(token);
  const session = await findSession(context.db, tokenHash);
  if (!session) return { kind: "anonymous", sessionProblem: "unknown" };
  if (session.expires_at <= context.now()) {
    await deleteSession(context.db, tokenHash);
    return { kind: "anonymous", sessionProblem: "expired" };
  }
  const [memberships, user] = await Promise.all([
    context.db
      .selectFrom("memberships")
      .select(["organization_id as organizationId", "role"])
      .where("user_id", "=", session.user_id)
      .execute(),
    context.db.selectFrom("users").select("totp_enabled").where("id", "=", session.user_id).executeTakeFirstOrThrow(),
  ]);
  // A role that needs a second factor may have been granted after this session began.
  const needsEnrollment = !user.totp_enabled && memberships.some((m) => ROLES_REQUIRING_TOTP.includes(m.role));
  return {
    kind: "user",
    userId: session.user_id,
    memberships,
    session: {
      tokenHash,
      csrfToken: session.csrf_token,
      enrollmentOnly: session.enrollment_only || needsEnrollment,
      expiresAt: session.expires_at,
      readerKey: async () => {
        const sealed = session.reader_key_sealed;
        if (!sealed) return null;
        return openForSession(Uint8Array.from(sealed), token).catch((error: unknown) => {
          if (error instanceof DecryptionError) return null;
          throw error;
        });
      },
    },
  };
}

async function resolveApiKey(context: IdentityContext, authorization: string): Promise<Actor> {
  const match = API_KEY_PATTERN.exec(authorization.replace(/^Bearer\s+/i, ""));
  const record = match?.[1] ? await findApiKey(context, match[1]) : undefined;
  if (!match?.[2] || !record || record.revoked || !constantTimeEqual(record.secretHash, sha256Hex(match[2]))) {
    throw new AppError("unauthenticated", "The API key is not valid.");
  }
  return { kind: "api_key", apiKeyId: record.id, organizationId: record.organizationId };
}

async function findApiKey(context: IdentityContext, prefix: string): Promise<ApiKeyRecord | undefined> {
  const cached = context.apiKeys?.get(prefix);
  if (cached) return cached;
  const row = await findApiKeyByPrefix(context.db, prefix);
  if (!row) return undefined;
  const record = {
    id: row.id,
    organizationId: row.organization_id,
    secretHash: row.secret_hash,
    revoked: row.revoked_at !== null,
  };
  context.apiKeys?.remember(prefix, record);
  return record;
}

/**
 * Cookie-borne requests that change state must prove they come from our own pages: a session's
 * CSRF token in `x-csrf-token` (forms send `_csrf`, checked after parsing), and never a
 * cross-site origin, which also stops sign-in forgery before any session exists.
 */
export function checkCsrf(request: FastifyRequest, publicOrigin: string | undefined): "ok" | "needs_form_token" {
  if (!UNSAFE_METHODS.has(request.method) || request.actor.kind === "api_key") return "ok";
  if (request.headers["sec-fetch-site"] === "cross-site" || !sameOrigin(request, publicOrigin)) {
    throw new AppError("csrf_failed", "This request did not come from a Guildhall page.");
  }
  // Public routes act on no one's authority, so the origin checks above are enough there.
  if (request.actor.kind !== "user" || request.routeOptions.config.access?.kind === "public") return "ok";
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string" && constantTimeEqual(header, request.actor.session.csrfToken)) return "ok";
  if (request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) return "needs_form_token";
  throw new AppError("csrf_failed", "The form has expired. Reload the page and try again.");
}

/** Checks and removes the `_csrf` field of a form post, before the body is validated. */
export function checkFormCsrf(request: FastifyRequest): void {
  const body = request.body as { _csrf?: unknown } | undefined;
  const token = typeof body?._csrf === "string" ? body._csrf : "";
  if (request.actor.kind !== "user" || !constantTimeEqual(token, request.actor.session.csrfToken)) {
    throw new AppError("csrf_failed", "The form has expired. Reload the page and try again.");
  }
  if (body) delete body._csrf;
}

function sameOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (publicOrigin) return origin === publicOrigin;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Enforces a route's declared access before its body is parsed. */
export function enforceAccess(request: FastifyRequest, access: RouteAccess): void {
  if (access.kind === "public") return;
  const actor = request.actor;
  if (actor.kind === "anonymous") {
    if (actor.sessionProblem === "expired")
      throw new AppError("session_expired", "Your session has expired. Please sign in again.");
    throw new AppError("unauthenticated", "Please sign in.");
  }
  if (
    actor.kind === "user" &&
    actor.session.enrollmentOnly &&
    !(access.kind === "signed_in" && access.duringEnrollment)
  ) {
    throw new AppError("totp_enrollment_required", "Set up two-factor sign-in to continue.");
  }
  if (access.kind === "api_key") {
    if (actor.kind !== "api_key") throw new AppError("forbidden", "This needs an organization's API key.");
    return;
  }
  if (access.kind === "signed_in" || access.kind === "any_organization") {
    if (actor.kind !== "user") throw new AppError("forbidden", "This needs a signed-in person, not an API key.");
    if (access.kind === "any_organization" && !actor.memberships.some((m) => access.roles.includes(m.role))) {
      throw new AppError("forbidden", "You are not allowed to do this.");
    }
    return;
  }
  const organizationId = (request.params as { orgId?: string }).orgId;
  if (!organizationId)
    throw new Error(`Route ${request.routeOptions.url} declares organization access but has no :orgId.`);
  if (actor.kind === "api_key" && !access.apiKey) throw new AppError("forbidden", "API keys cannot use this route.");
  if (!belongsToOrganization(actor, organizationId)) throw notFound("organization");
  if (actor.kind === "user" && !hasOrganizationRole(actor, organizationId, access.roles)) {
    throw new AppError("forbidden", "You are not allowed to do this.");
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, options: { secure: boolean; expiresAt: Date }) {
  void reply.setCookie(sessionCookieName(options.secure), token, {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/",
    expires: options.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, options: { secure: boolean }) {
  void reply.clearCookie(sessionCookieName(options.secure), {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/",
  });
}
