import { generateSecret, generateURI, verifySync } from "otplib";

/** Accept the code of the previous and next 30-second step too, for clock drift. */
const TOLERANCE_SECONDS = 30;
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: "Guildhall", label: email, secret });
}

/**
 * Checks a code; returns the time step it matched, or null. Steps at or before `lastStep`
 * are refused so that a code seen once cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  // TOTP results carry the epoch of the matched period; HOTP results (never produced here) do not.
  return result.valid && "epoch" in result ? Math.floor(result.epoch / PERIOD_SECONDS) : null;
}
