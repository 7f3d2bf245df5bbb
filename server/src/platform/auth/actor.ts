import type { Role } from "../../../../common/identity.ts";
import type { ReaderKeyPair } from "../crypto/envelope.ts";

export interface ActorMembership {
  organizationId: string;
  role: Role;
}

export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
  enrollmentOnly: boolean;
  expiresAt: Date;
  /** The signed-in person's reader key pair for this session, or null when they have none (decision 0006). */
  readerKey: () => Promise<ReaderKeyPair | null>;
}

/** Who is making a request, resolved once per request by the identity module. */
export type Actor =
  | { kind: "anonymous"; sessionProblem?: "expired" | "unknown" }
  | { kind: "user"; userId: string; memberships: ActorMembership[]; session: SessionInfo }
  | { kind: "api_key"; apiKeyId: string; organizationId: string };

/**
 * What a route allows, declared on the route and enforced before its body is read.
 * Fine-grained checks still happen in the use case's own authorization function.
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "signed_in"; duringEnrollment?: boolean }
  /** A signed-in person holding one of `roles` in at least one organization. */
  | { kind: "any_organization"; roles: readonly Role[] }
  | { kind: "organization"; roles: readonly Role[]; apiKey?: boolean }
  /** An organization's API key, which names the organization; people cannot call it. */
  | { kind: "api_key" };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

/** True when the actor holds one of `roles` in `organizationId`. */
export function hasOrganizationRole(actor: Actor, organizationId: string, roles: readonly Role[]): boolean {
  return (
    actor.kind === "user" &&
    actor.memberships.some((m) => m.organizationId === organizationId && roles.includes(m.role))
  );
}

/** True when the actor belongs to the organization in any role, or is one of its API keys. */
export function belongsToOrganization(actor: Actor, organizationId: string): boolean {
  if (actor.kind === "api_key") return actor.organizationId === organizationId;
  return actor.kind === "user" && actor.memberships.some((m) => m.organizationId === organizationId);
}
