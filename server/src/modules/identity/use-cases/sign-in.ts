import { ROLES_REQUIRING_TOTP, type SignInRequest } from "../../../../../common/identity.ts";
import { verifyAgainstDecoy, verifyPassword } from "../../../platform/crypto/passwords.ts";
import { sha256Hex } from "../../../platform/crypto/tokens.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { IdentityContext } from "../identity.context.ts";
import {
  claimTotpStep,
  clearThrottle,
  countSignInAttempt,
  findUserByEmail,
  giveBackAttempt,
  listMembershipsOfUser,
  lockSignIns,
} from "../identity.repository.ts";
import { type CreatedSession, createSession } from "../sessions.ts";
import { FAILURES_FORGOTTEN_AFTER_MS, lockSecondsAfter } from "../sign-in-throttle.ts";
import { verifyTotp } from "../totp.ts";
import { createReaderKeysIfMissing, unlockReaderKey } from "./reader-keys.ts";

const WRONG_CREDENTIALS = "The e-mail address or the password is not right.";

/**
 * Signs a user in with e-mail, password and, when enrolled, a TOTP code. Unknown e-mails and
 * wrong passwords get the same answer in the same time; repeated failures lock the e-mail.
 * Each attempt is counted atomically before any check, so parallel guesses all count.
 */
export async function signIn(context: IdentityContext, request: SignInRequest): Promise<CreatedSession> {
  const throttleKey = sha256Hex(request.email);
  const now = context.now();
  const attempt = await countSignInAttempt(
    context.db,
    throttleKey,
    now,
    new Date(now.getTime() - FAILURES_FORGOTTEN_AFTER_MS),
  );
  if (attempt.locked_until && attempt.locked_until > now) throw lockedOut(attempt.locked_until, now);

  const failed = async (error: AppError): Promise<never> => {
    const lockSeconds = lockSecondsAfter(attempt.failures);
    if (lockSeconds === 0) throw error;
    const lockedUntil = new Date(now.getTime() + lockSeconds * 1000);
    await lockSignIns(context.db, throttleKey, lockedUntil);
    throw lockedOut(lockedUntil, now);
  };

  const user = await findUserByEmail(context.db, request.email);
  if (!user) {
    await verifyAgainstDecoy(request.password);
    return failed(new AppError("invalid_credentials", WRONG_CREDENTIALS));
  }
  if (!(await verifyPassword(user.password_hash, request.password))) {
    return failed(new AppError("invalid_credentials", WRONG_CREDENTIALS));
  }

  let enrollmentOnly = false;
  if (user.totp_enabled && user.totp_secret_sealed) {
    if (!request.totpCode) {
      await giveBackAttempt(context.db, throttleKey);
      throw new AppError("totp_required", "Enter the six-digit code from your authenticator app.");
    }
    const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const step = verifyTotp(context.secretBox.open(user.totp_secret_sealed), request.totpCode, now, lastStep);
    if (step === null || !(await claimTotpStep(context.db, user.id, step))) {
      return failed(new AppError("totp_invalid", "That code is not right or has expired."));
    }
  }
  const memberships = await listMembershipsOfUser(context.db, user.id);
  if (!(user.totp_enabled && user.totp_secret_sealed)) {
    enrollmentOnly = memberships.some((m) => ROLES_REQUIRING_TOTP.includes(m.role));
  }

  await clearThrottle(context.db, throttleKey);
  // Officers read reports: their reader keys are made at their first sign-in, and opened for the session.
  if (!memberships.some((m) => m.role === "officer")) return createSession(context, user.id, { enrollmentOnly });
  const created = await createReaderKeysIfMissing(context.db, user.id, request.password);
  const readerKey = created?.keyPair ?? (await unlockReaderKey(context.db, user.id, request.password));
  return createSession(context, user.id, { enrollmentOnly, readerKey, recoveryCode: created?.recoveryCode });
}

function lockedOut(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError("locked_out", "Too many failed sign-ins. Try again later.", { retryAfterSeconds });
}
