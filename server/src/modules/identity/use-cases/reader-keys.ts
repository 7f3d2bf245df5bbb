import { DecryptionError, type ReaderKeyPair } from "../../../platform/crypto/envelope.ts";
import {
  createReaderKeys,
  parseWrapped,
  serializeWrapped,
  unwrapPrivateKey,
} from "../../../platform/crypto/reader-keys.ts";
import type { Db } from "../../../platform/db/database.ts";

/**
 * Creates the person's reader key pair (decision 0006), wrapped by their password and by a recovery
 * code. Returns the code, to be shown once, and the key pair; null when they already have one.
 */
export async function createReaderKeysIfMissing(
  db: Db,
  userId: string,
  password: string,
): Promise<{ recoveryCode: string; keyPair: ReaderKeyPair } | null> {
  const existing = await db
    .selectFrom("reader_keys")
    .select("user_id")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (existing) return null;
  const keys = await createReaderKeys(password);
  const inserted = await db
    .insertInto("reader_keys")
    .values({
      user_id: userId,
      public_key: keys.publicKey,
      wrapped_by_password: await serializeWrapped(keys.forPassword),
      wrapped_by_recovery_code: await serializeWrapped(keys.forRecoveryCode),
      updated_at: new Date(),
    })
    .onConflict((c) => c.column("user_id").doNothing())
    .returning("user_id")
    .executeTakeFirst();
  if (!inserted) return null;
  return { recoveryCode: keys.recoveryCode, keyPair: { publicKey: keys.publicKey, privateKey: keys.privateKey } };
}

/** The person's key pair, unwrapped with their password; null without a key pair or with a wrong password. */
export async function unlockReaderKey(db: Db, userId: string, password: string): Promise<ReaderKeyPair | null> {
  const row = await db
    .selectFrom("reader_keys")
    .select(["public_key", "wrapped_by_password"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  try {
    const privateKey = await unwrapPrivateKey(await parseWrapped(row.wrapped_by_password), password);
    return { publicKey: Uint8Array.from(row.public_key), privateKey };
  } catch (error) {
    if (error instanceof DecryptionError) return null;
    throw error;
  }
}

/** The officers of an organization who hold a reader key pair, with their public keys. */
export async function officerReaderKeys(
  db: Db,
  organizationId: string,
): Promise<{ userId: string; publicKey: Uint8Array }[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("reader_keys as k", "k.user_id", "m.user_id")
    .select(["m.user_id", "k.public_key"])
    .where("m.organization_id", "=", organizationId)
    .where("m.role", "=", "officer")
    .orderBy("m.user_id")
    .execute();
  return rows.map((row) => ({ userId: row.user_id, publicKey: Uint8Array.from(row.public_key) }));
}

/** The officers of an organization, by name, with whether they hold a reader key pair. */
export async function listOfficers(
  db: Db,
  organizationId: string,
): Promise<{ userId: string; displayName: string; email: string; hasKey: boolean }[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("reader_keys as k", "k.user_id", "m.user_id")
    .select(["u.id", "u.display_name", "u.email", "k.user_id as key_owner"])
    .where("m.organization_id", "=", organizationId)
    .where("m.role", "=", "officer")
    .orderBy("u.display_name")
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    displayName: row.display_name,
    email: row.email,
    hasKey: row.key_owner !== null,
  }));
}

/**
 * Organizations that can receive reports: unions and labour authorities with at least one officer
 * holding a reader key pair (anything sent elsewhere could be read by nobody).
 */
export async function listReportReceivers(
  db: Db,
  filter: { country?: string; organizationId?: string } = {},
): Promise<{ id: string; name: string; kind: "union" | "authority"; country: string | null }[]> {
  let query = db
    .selectFrom("organizations as o")
    .select(["o.id", "o.name", "o.kind", "o.country"])
    .where("o.kind", "in", ["union", "authority"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships as m")
          .innerJoin("reader_keys as k", "k.user_id", "m.user_id")
          .select("m.user_id")
          .whereRef("m.organization_id", "=", "o.id")
          .where("m.role", "=", "officer"),
      ),
    )
    .orderBy("o.name");
  if (filter.country) query = query.where("o.country", "=", filter.country);
  if (filter.organizationId) query = query.where("o.id", "=", filter.organizationId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, kind: row.kind as "union" | "authority" }));
}
