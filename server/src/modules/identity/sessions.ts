import type { SessionResponse } from "../../../../common/identity.ts";
import type { ReaderKeyPair } from "../../platform/crypto/envelope.ts";
import { sealForSession } from "../../platform/crypto/session-keys.ts";
import { randomToken, sha256Hex } from "../../platform/crypto/tokens.ts";
import type { Db } from "../../platform/db/database.ts";
import type { IdentityContext } from "./identity.context.ts";
import { findUserById, listMembershipsOfUser } from "./identity.repository.ts";

export interface CreatedSession {
  token: string;
  response: SessionResponse;
}

/** Starts a session; the caller sets `token` as the cookie, only its hash is stored. */
export async function createSession(
  context: IdentityContext,
  userId: string,
  options: { enrollmentOnly: boolean; readerKey?: ReaderKeyPair | null; recoveryCode?: string | null },
): Promise<CreatedSession> {
  const token = randomToken(32);
  const readerKeySealed = options.readerKey ? await sealForSession(options.readerKey.privateKey, token) : null;
  const csrfToken = randomToken(24);
  const expiresAt = new Date(context.now().getTime() + context.sessionHours * 3_600_000);
  await context.db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("expires_at", "<=", context.now())
    .execute();
  await context.db
    .insertInto("sessions")
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      csrf_token: csrfToken,
      enrollment_only: options.enrollmentOnly,
      reader_key_sealed: readerKeySealed,
      created_at: context.now(),
      expires_at: expiresAt,
    })
    .execute();
  const response = await describeSession(context.db, userId, {
    csrfToken,
    enrollmentOnly: options.enrollmentOnly,
    expiresAt,
  });
  return { token, response: options.recoveryCode ? { ...response, recoveryCode: options.recoveryCode } : response };
}

/** The session as the web app sees it: the user, their memberships, the CSRF token. */
export async function describeSession(
  db: Db,
  userId: string,
  session: { csrfToken: string; enrollmentOnly: boolean; expiresAt: Date },
): Promise<SessionResponse> {
  const user = await findUserById(db, userId);
  if (!user) throw new Error("Session refers to a missing user.");
  const memberships = await listMembershipsOfUser(db, userId);
  return {
    status: session.enrollmentOnly ? "totp_enrollment_required" : "signed_in",
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      totpEnabled: user.totp_enabled,
      memberships: memberships.map((m) => ({
        organizationId: m.organizationId,
        organizationName: m.organizationName,
        organizationKind: m.organizationKind,
        role: m.role,
      })),
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}
