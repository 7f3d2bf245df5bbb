/** Failures allowed before an account (or an unknown e-mail) is locked. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 15 * 60;
/** A quiet day forgets earlier failures, so a trickle of bad guesses cannot lock an account for ever. */
export const FAILURES_FORGOTTEN_AFTER_MS = 24 * 3_600_000;

/**
 * How long to lock after the given number of consecutive failures: nothing for the first five,
 * then one minute, doubling with each further failure, at most fifteen minutes.
 */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}
