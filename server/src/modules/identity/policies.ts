import { type Actor, belongsToOrganization, hasOrganizationRole } from "../../platform/auth/actor.ts";
import { AppError, notFound } from "../../platform/http/app-error.ts";

/** One named check per use case. Outsiders get "not found"; insiders without the role get "forbidden". */

function requireOrganizationRole(
  actor: Actor,
  organizationId: string,
  roles: Parameters<typeof hasOrganizationRole>[2],
) {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Please sign in.");
  if (!belongsToOrganization(actor, organizationId)) throw notFound("organization");
  if (!hasOrganizationRole(actor, organizationId, roles))
    throw new AppError("forbidden", "You are not allowed to do this.");
}

export function authorizeListMembers(actor: Actor, organizationId: string) {
  requireOrganizationRole(actor, organizationId, ["admin"]);
}

export function authorizeManageMembers(actor: Actor, organizationId: string) {
  requireOrganizationRole(actor, organizationId, ["admin"]);
}

export function authorizeManageApiKeys(actor: Actor, organizationId: string) {
  requireOrganizationRole(actor, organizationId, ["admin"]);
}

/** Any member of the organization, or one of its API keys, may read its profile. */
export function authorizeReadOrganization(actor: Actor, organizationId: string) {
  if (actor.kind === "anonymous") throw new AppError("unauthenticated", "Please sign in.");
  if (!belongsToOrganization(actor, organizationId)) throw notFound("organization");
}
