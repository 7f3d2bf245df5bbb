import type { OrganizationMember, Role } from "../../../../../common/identity.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { hashPassword } from "../../../platform/crypto/passwords.ts";
import type { Db } from "../../../platform/db/database.ts";
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

/** Adds a role in the organization to a user, creating the user when the e-mail is new. */
export async function addMember(
  context: IdentityContext,
  actor: Actor,
  organizationId: string,
  input: NewMember,
): Promise<OrganizationMember> {
  authorizeManageMembers(actor, organizationId);
  return grantRole(context.db, organizationId, input);
}

/** The unauthorized core of `addMember`, for the CLI and the demo seed. */
export async function grantRole(db: Db, organizationId: string, input: NewMember): Promise<OrganizationMember> {
  const existing = await findUserByEmail(db, input.email);
  const passwordHash = existing || !input.password ? undefined : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    let user = existing;
    if (!user) {
      if (!passwordHash) {
        throw new AppError("validation_failed", "A password is needed for a new user.", {
          fields: [{ path: "password", message: "Required for a new user" }],
        });
      }
      user = await trx
        .insertInto("users")
        .values({ email: input.email, display_name: input.displayName, password_hash: passwordHash })
        .returningAll()
        .executeTakeFirstOrThrow();
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
    if (role === "admin" && Number((await countAdmins(trx, organizationId)).count) <= 1) {
      throw new AppError("conflict", "An organization needs at least one admin.");
    }
    if (!(await deleteMembership(trx, organizationId, userId, role))) throw notFound("membership");
  });
}
