import type { SessionResponse } from "../../../../../common/identity.ts";
import type { SessionInfo } from "../../../platform/auth/actor.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { IdentityContext } from "../identity.context.ts";
import { findUserById } from "../identity.repository.ts";
import { describeSession } from "../sessions.ts";
import { newTotpSecret, totpUri, verifyTotp } from "../totp.ts";

/** Starts (or restarts) TOTP enrollment: a new secret, kept sealed until a code confirms it. */
export async function startTotpEnrollment(context: IdentityContext, userId: string) {
  const user = await findUserById(context.db, userId);
  if (!user) throw new AppError("unauthenticated", "Please sign in.");
  if (user.totp_enabled) throw new AppError("conflict", "Two-factor sign-in is already set up.");
  const secret = newTotpSecret();
  await context.db
    .updateTable("users")
    .set({ totp_secret_sealed: context.secretBox.seal(secret), totp_last_step: null })
    .where("id", "=", userId)
    .execute();
  return { secret, otpauthUri: totpUri(secret, user.email) };
}

/** Confirms enrollment with a first code; the session then becomes a full one. */
export async function confirmTotpEnrollment(
  context: IdentityContext,
  userId: string,
  session: SessionInfo,
  code: string,
): Promise<SessionResponse> {
  const user = await findUserById(context.db, userId);
  if (!user?.totp_secret_sealed || user.totp_enabled) {
    throw new AppError("conflict", "Start two-factor setup first.");
  }
  const step = verifyTotp(context.secretBox.open(user.totp_secret_sealed), code, context.now(), null);
  if (step === null) throw new AppError("totp_invalid", "That code is not right or has expired.");
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ totp_enabled: true, totp_last_step: step }).where("id", "=", userId).execute();
    await trx
      .updateTable("sessions")
      .set({ enrollment_only: false })
      .where("token_hash", "=", session.tokenHash)
      .execute();
  });
  return describeSession(context.db, userId, { ...session, enrollmentOnly: false });
}

/** Enrolls a known secret directly: only for the demo seed and operator tooling. */
export async function enrollTotpSecret(
  context: Pick<IdentityContext, "db" | "secretBox">,
  userId: string,
  secret: string,
): Promise<void> {
  await context.db
    .updateTable("users")
    .set({ totp_secret_sealed: context.secretBox.seal(secret), totp_enabled: true, totp_last_step: null })
    .where("id", "=", userId)
    .execute();
}
