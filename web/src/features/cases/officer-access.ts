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

export function casePagePath(organizationId: string, reportId: string): string {
  return `/cases/${encodeURIComponent(organizationId)}/${encodeURIComponent(reportId)}`;
}

/** What the case page tells the queue after a case left it (referred or deleted). */
export interface QueueLocationState {
  notice?: string;
}
