import type { OrganizationMember, Role } from "../../../../../common/identity.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { hashPassword } from "../../../platform/crypto/passwords.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import type { IdentityContext } from "../identity.context.ts";
import {
  countAdmins,
  deleteMembership,
  findUserByEmail,
  insertMembership,
  listMembersOfOrganization,
} from "../identity.repository.ts";
import { authorizeListMembers, authorizeManageMembers } from "../policies.ts";

export async function listMembers(
  context: IdentityContext,
  actor: Actor,
  organizationId: string,
): Promise<OrganizationMember[]> {
  authorizeListMembers(actor, organizationId);
  return listMembersOfOrganization(context.db, organizationId);
}

export interface NewMember {
  email: string;
  displayName: string;
  role: Role;
  password?: string | undefined;
}

/**
 * Adds a role in the organization to a person. A new e-mail becomes a new user with the given
 * password. An existing account can only get more roles here if it already belongs to this
 * organization: otherwise any organization's admin could pre-register an address and later
 * ride on the access another organization grants to it.
 */
export async function addMember(
  context: IdentityContext,
  actor: Actor,
  organizationId: string,
  input: NewMember,
): Promise<OrganizationMember> {
  authorizeManageMembers(actor, organizationId);
  return grantRole(context.db, organizationId, input, { existingAccounts: "members_only" });
}

/**
 * The unauthorized core of `addMember`. Operators (CLI, demo seed) vouch for the person, so
 * they may give a role to any existing account (`existingAccounts: "any"`).
 */
export async function grantRole(
  db: Db,
  organizationId: string,
  input: NewMember,
  options: { existingAccounts: "members_only" | "any" } = { existingAccounts: "any" },
): Promise<OrganizationMember> {
  const existing = await findUserByEmail(db, input.email);
  if (existing && input.password) {
    throw new AppError("validation_failed", "This person already has an account; leave the password empty.", {
      fields: [{ path: "password", message: "Leave empty: the person already has an account" }],
    });
  }
  if (!existing && !input.password) {
    throw new AppError("validation_failed", "A password is needed for a new user.", {
      fields: [{ path: "password", message: "Required for a new user" }],
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(db, async (trx) => {
    let user = existing;
    if (user && options.existingAccounts === "members_only" && !(await isMemberOf(trx, organizationId, user.id))) {
      throw new AppError(
        "conflict",
        "This person already has a Guildhall account in another organization; an operator can add them.",
      );
    }
    if (!user) {
      user = await trx
        .insertInto("users")
        .values({ email: input.email, display_name: input.displayName, password_hash: passwordHash ?? "" })
        .onConflict((conflict) => conflict.column("email").doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!user) throw new AppError("conflict", "Someone added this person at the same moment; try again.");
    }
    const inserted = await insertMembership(trx, organizationId, user.id, input.role);
    if (!inserted) throw new AppError("conflict", "That person already has this role here.");
    return {
      userId: user.id,
      email: user.email,
      displayName: user.display_name,
      role: input.role,
      totpEnabled: user.totp_enabled,
    };
  });
}

async function isMemberOf(db: Db, organizationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes one role; the last admin cannot be removed, so an organization is never left unmanaged. */
export async function removeMemberRole(
  context: IdentityContext,
  actor: Actor,
  organizationId: string,
  userId: string,
  role: Role,
): Promise<void> {
  authorizeManageMembers(actor, organizationId);
  await context.db.transaction().execute(async (trx) => {
    // Serialises concurrent removals in one organization, so two cannot each remove "the other" last admin.
    await trx.selectFrom("organizations").select("id").where("id", "=", organizationId).forUpdate().execute();
    if (!(await deleteMembership(trx, organizationId, userId, role))) throw notFound("membership");
    if (role === "admin" && Number((await countAdmins(trx, organizationId)).count) === 0) {
      throw new AppError("conflict", "An organization needs at least one admin.");
    }
  });
}
