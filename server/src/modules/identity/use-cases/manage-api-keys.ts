import { sql } from "kysely";
import type { ApiKey } from "../../../../../common/identity.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { randomToken, sha256Hex } from "../../../platform/crypto/tokens.ts";
import type { Db } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { API_KEY_CHANNEL } from "../api-key-cache.ts";
import type { IdentityContext } from "../identity.context.ts";
import { listApiKeys as selectApiKeys } from "../identity.repository.ts";
import { authorizeManageApiKeys } from "../policies.ts";

/** API keys look like `gh_<prefix>_<secret>`: the prefix finds the row, the secret's hash proves it. */
export const API_KEY_PATTERN = /^gh_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export async function listApiKeys(context: IdentityContext, actor: Actor, organizationId: string): Promise<ApiKey[]> {
  authorizeManageApiKeys(actor, organizationId);
  const rows = await selectApiKeys(context.db, organizationId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}

export async function createApiKey(context: IdentityContext, actor: Actor, organizationId: string, name: string) {
  authorizeManageApiKeys(actor, organizationId);
  return issueApiKey(context.db, organizationId, name, actor.kind === "user" ? actor.userId : null);
}

/** Issues a key; the secret is returned once and only its SHA-256 is stored (it has 256 bits of entropy). */
export async function issueApiKey(db: Db, organizationId: string, name: string, createdBy: string | null) {
  const prefix = randomToken(9).replace(/[-_]/g, "x").slice(0, 12);
  const secret = randomToken(32);
  const row = await db
    .insertInto("api_keys")
    .values({ organization_id: organizationId, name, prefix, secret_hash: sha256Hex(secret), created_by: createdBy })
    .returning(["id", "name", "prefix", "created_at", "revoked_at"])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    revokedAt: null,
    secret: `gh_${prefix}_${secret}`,
  };
}

export async function revokeApiKey(
  context: IdentityContext,
  actor: Actor,
  organizationId: string,
  apiKeyId: string,
): Promise<void> {
  authorizeManageApiKeys(actor, organizationId);
  const revoked = await context.db
    .updateTable("api_keys")
    .set({ revoked_at: context.now() })
    .where("id", "=", apiKeyId)
    .where("organization_id", "=", organizationId)
    .where("revoked_at", "is", null)
    .returning("prefix")
    .executeTakeFirst();
  if (!revoked) throw notFound("API key");
  context.apiKeys?.forget(revoked.prefix);
  await sql`SELECT pg_notify(${API_KEY_CHANNEL}, ${revoked.prefix})`.execute(context.db);
}
