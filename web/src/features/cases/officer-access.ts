import type { Membership, SessionUser } from "../../../../common/identity.ts";

/** The organizations whose cases this person works on: those where they are an officer. */
export function officerMemberships(user: SessionUser): Membership[] {
  return user.memberships.filter((membership) => membership.role === "officer");
}

export function isOfficerOf(user: SessionUser, organizationId: string): boolean {
  return officerMemberships(user).some((membership) => membership.organizationId === organizationId);
}

/** The queue's address; the organization is named only when the officer has more than one to choose from. */
export function queuePath(user: SessionUser, organizationId: string): string {
  return officerMemberships(user).length > 1 ? `/cases?org=${encodeURIComponent(organizationId)}` : "/cases";
}

/** The organizations whose case deadlines and retention this person sets: officers and administrators. */
export function caseSettingsMemberships(user: SessionUser): Membership[] {
  const seen = new Set<string>();
  return user.memberships.filter((membership) => {
    if (membership.role !== "officer" && membership.role !== "admin") return false;
    if (seen.has(membership.organizationId)) return false;
    seen.add(membership.organizationId);
    return true;
  });
}

export function caseSettingsPath(organizationId: string): string {
  return `/cases/settings?org=${encodeURIComponent(organizationId)}`;
}

export function casePagePath(organizationId: string, reportId: string): string {
  return `/cases/${encodeURIComponent(organizationId)}/${encodeURIComponent(reportId)}`;
}

/** What the case page tells the queue after a case left it; translated there, in the language of the moment. */
export type QueueNotice = { kind: "deleted" } | { kind: "referred"; organization: string };

export interface QueueLocationState {
  notice?: QueueNotice;
}

/** The notice in a history entry's state, if it is one (the state survives reloads and may be anything). */
export function readQueueNotice(state: unknown): QueueNotice | undefined {
  if (typeof state !== "object" || state === null) return undefined;
  const { notice } = state as Record<string, unknown>;
  if (typeof notice !== "object" || notice === null) return undefined;
  const { kind, organization } = notice as Record<string, unknown>;
  if (kind === "deleted") return { kind };
  return kind === "referred" && typeof organization === "string" ? { kind, organization } : undefined;
}
