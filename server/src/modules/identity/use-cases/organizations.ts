import type { OrganizationKind } from "../../../../../common/identity.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import type { IdentityContext } from "../identity.context.ts";
import { findOrganization, listMembershipsOfUser } from "../identity.repository.ts";
import { authorizeReadOrganization } from "../policies.ts";

/** The organizations the signed-in user belongs to, one entry per role held. */
export async function listMyOrganizations(context: IdentityContext, actor: Actor) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  const rows = await listMembershipsOfUser(context.db, actor.userId);
  return rows.map((row) => ({
    id: row.organizationId,
    name: row.organizationName,
    kind: row.organizationKind,
    country: row.country,
    createdAt: row.organizationCreatedAt.toISOString(),
    role: row.role,
  }));
}

export async function getOrganization(context: IdentityContext, actor: Actor, organizationId: string) {
  authorizeReadOrganization(actor, organizationId);
  const row = await findOrganization(context.db, organizationId);
  if (!row) throw notFound("organization");
  return presentOrganization(row);
}

/** Creates an organization; operators do this from the CLI. */
export async function createOrganization(
  db: Db,
  input: { name: string; kind: OrganizationKind; country?: string | null },
) {
  const row = await db
    .insertInto("organizations")
    .values({ name: input.name, kind: input.kind, country: input.country ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentOrganization(row);
}

function presentOrganization(row: {
  id: string;
  name: string;
  kind: OrganizationKind;
  country: string | null;
  created_at: Date;
}) {
  return { id: row.id, name: row.name, kind: row.kind, country: row.country, createdAt: row.created_at.toISOString() };
}

/** Which of these organizations are unions: for modules that let union officers act. */
export async function filterUnions(db: Db, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom("organizations")
    .select("id")
    .where("id", "in", [...organizationIds])
    .where("kind", "=", "union")
    .execute();
  return rows.map((row) => row.id);
}

/** Public names of organizations by id: for modules that show which organization acted. */
export async function organizationNames(db: Db, organizationIds: readonly string[]): Promise<Map<string, string>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("id", "in", [...new Set(organizationIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** People's display names by user id, for showing who did what. */
export async function userDisplayNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", [...new Set(userIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
