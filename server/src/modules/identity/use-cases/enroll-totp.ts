import type { SessionResponse } from "../../../../../common/identity.ts";
import type { SessionInfo } from "../../../platform/auth/actor.ts";
import { verifyPassword } from "../../../platform/crypto/passwords.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { IdentityContext } from "../identity.context.ts";
import { findUserById } from "../identity.repository.ts";
import { describeSession } from "../sessions.ts";
import { newTotpSecret, totpUri, verifyTotp } from "../totp.ts";

const ALREADY_ENROLLED = "Two-factor sign-in is already set up.";

/**
 * Starts (or restarts) TOTP enrollment: a new secret, kept sealed until a code confirms it.
 * Right after a password sign-in that requires enrollment the password was just checked;
 * otherwise it is asked again, so a borrowed session cannot bind someone else's authenticator.
 */
export async function startTotpEnrollment(
  context: IdentityContext,
  userId: string,
  session: SessionInfo,
  password: string | undefined,
) {
  const user = await findUserById(context.db, userId);
  if (!user) throw new AppError("unauthenticated", "Please sign in.");
  if (user.totp_enabled) throw new AppError("conflict", ALREADY_ENROLLED);
  if (!session.enrollmentOnly && !(password && (await verifyPassword(user.password_hash, password)))) {
    throw new AppError("invalid_credentials", "Enter your current password to set up two-factor sign-in.");
  }
  const secret = newTotpSecret();
  const result = await context.db
    .updateTable("users")
    .set({ totp_secret_sealed: context.secretBox.seal(secret), totp_last_step: null })
    .where("id", "=", userId)
    .where("totp_enabled", "=", false)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError("conflict", ALREADY_ENROLLED);
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
  const sealed = user?.totp_secret_sealed;
  if (!sealed || user.totp_enabled) throw new AppError("conflict", "Start two-factor setup first.");
  const step = verifyTotp(context.secretBox.open(sealed), code, context.now(), null);
  if (step === null) throw new AppError("totp_invalid", "That code is not right or has expired.");
  await context.db.transaction().execute(async (trx) => {
    // Only the secret this code was checked against may be enabled, even if setup ran again meanwhile.
    const enabled = await trx
      .updateTable("users")
      .set({ totp_enabled: true, totp_last_step: step })
      .where("id", "=", userId)
      .where("totp_enabled", "=", false)
      .where("totp_secret_sealed", "=", sealed)
      .executeTakeFirst();
    if (enabled.numUpdatedRows === 0n)
      throw new AppError("conflict", "Two-factor setup changed meanwhile; start again.");
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
