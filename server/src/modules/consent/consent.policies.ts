import { type Actor, belongsToOrganization, hasOrganizationRole } from "../../platform/auth/actor.ts";
import { AppError, notFound } from "../../platform/http/app-error.ts";

/** One named check per use case. Outsiders get "not found"; insiders without the role get "forbidden". */

function requireRole(actor: Actor, organizationId: string, roles: Parameters<typeof hasOrganizationRole>[2]): string {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  if (!belongsToOrganization(actor, organizationId)) throw notFound("organization");
  if (!hasOrganizationRole(actor, organizationId, roles))
    throw new AppError("forbidden", "You are not allowed to do this.");
  return actor.userId;
}

/** Members register their own works and attributes with their union. */
export function authorizeRegisterAsset(actor: Actor, unionId: string): string {
  return requireRole(actor, unionId, ["member"]);
}

export function authorizeListOwnAssets(actor: Actor, unionId: string): string {
  return requireRole(actor, unionId, ["member", "officer"]);
}

/** Producers and AI developers ask in their organization's name. */
export function authorizeRequestConsent(actor: Actor, requesterId: string): string {
  return requireRole(actor, requesterId, ["producer", "developer"]);
}

export function authorizeListSentRequests(actor: Actor, requesterId: string): string {
  return requireRole(actor, requesterId, ["producer", "developer"]);
}

/** Only the member whose asset it is answers or revokes. */
export function authorizeMemberDecision(actor: Actor, memberId: string): string {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  if (actor.userId !== memberId) throw notFound("consent request");
  return actor.userId;
}

/** A union's officers call and end its strikes. */
export function authorizeStrike(actor: Actor, unionId: string): string {
  return requireRole(actor, unionId, ["officer", "admin"]);
}

/** Checks are made with an organization's API key; the key names the requester. */
export function authorizeCheck(actor: Actor): string {
  if (actor.kind !== "api_key") throw new AppError("forbidden", "Permission checks need an organization's API key.");
  return actor.organizationId;
}
