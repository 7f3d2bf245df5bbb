import { sql } from "kysely";
import type { Role } from "../../../../common/identity.ts";
import type { Db } from "../../platform/db/database.ts";

/** SQL for the identity tables only. Every function takes the executor, so it runs inside a caller's transaction. */

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findUserById(db: Db, userId: string) {
  return db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
}

export function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.organization_id")
    .select([
      "organizations.id as organizationId",
      "organizations.name as organizationName",
      "organizations.kind as organizationKind",
      "organizations.country as country",
      "organizations.created_at as organizationCreatedAt",
      "memberships.role as role",
    ])
    .where("memberships.user_id", "=", userId)
    .orderBy("organizations.name")
    .orderBy("memberships.role")
    .execute();
}

export function listMembersOfOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "users.id as userId",
      "users.email as email",
      "users.display_name as displayName",
      "users.totp_enabled as totpEnabled",
      "memberships.role as role",
    ])
    .where("memberships.organization_id", "=", organizationId)
    .orderBy("users.display_name")
    .orderBy("memberships.role")
    .execute();
}

export function insertMembership(db: Db, organizationId: string, userId: string, role: Role) {
  return db
    .insertInto("memberships")
    .values({ organization_id: organizationId, user_id: userId, role })
    .onConflict((conflict) => conflict.doNothing())
    .returning("role")
    .executeTakeFirst();
}

export async function deleteMembership(db: Db, organizationId: string, userId: string, role: Role): Promise<boolean> {
  const result = await db
    .deleteFrom("memberships")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function countAdmins(db: Db, organizationId: string) {
  return db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("organization_id", "=", organizationId)
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
}

export function findOrganization(db: Db, organizationId: string) {
  return db.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirst();
}

export function findSession(db: Db, tokenHash: string) {
  return db.selectFrom("sessions").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

export function findApiKeyByPrefix(db: Db, prefix: string) {
  return db.selectFrom("api_keys").selectAll().where("prefix", "=", prefix).executeTakeFirst();
}

export function listApiKeys(db: Db, organizationId: string) {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "prefix", "created_at", "revoked_at"])
    .where("organization_id", "=", organizationId)
    .orderBy("created_at", "desc")
    .execute();
}

/**
 * Counts one sign-in attempt for the key in a single statement and returns the new count and
 * any lock; failures older than `forgetBefore` start again from one.
 */
export function countSignInAttempt(db: Db, keyHash: string, now: Date, forgetBefore: Date) {
  return db
    .insertInto("sign_in_throttle")
    .values({ key_hash: keyHash, failures: 1, locked_until: null, updated_at: now })
    .onConflict((conflict) =>
      conflict.column("key_hash").doUpdateSet({
        failures: sql<number>`CASE WHEN sign_in_throttle.updated_at < ${forgetBefore} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
        updated_at: now,
      }),
    )
    .returning(["failures", "locked_until"])
    .executeTakeFirstOrThrow();
}

export function lockSignIns(db: Db, keyHash: string, lockedUntil: Date) {
  return db
    .updateTable("sign_in_throttle")
    .set({ locked_until: lockedUntil })
    .where("key_hash", "=", keyHash)
    .execute();
}

/** Forgets the attempts for a key after a successful sign-in. */
export function clearThrottle(db: Db, keyHash: string) {
  return db.deleteFrom("sign_in_throttle").where("key_hash", "=", keyHash).execute();
}

/** Gives back one counted attempt: the password was right and only the second factor is still missing. */
export function giveBackAttempt(db: Db, keyHash: string) {
  return db
    .updateTable("sign_in_throttle")
    .set({ failures: sql<number>`GREATEST(failures - 1, 0)` })
    .where("key_hash", "=", keyHash)
    .execute();
}

/** Records a TOTP step as used; false when it (or a later one) was already used, even concurrently. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", String(step))]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
