import { getSodium } from "./sodium.ts";

/** Argon2id cost: 3 passes over 64 MiB, about 0.13 s here; above OWASP's minimum (19 MiB, 2 passes). */
const OPS_LIMIT = 3;
const MEM_LIMIT = 64 * 1024 * 1024;

/** Hashes a password with Argon2id into a self-describing PHC string. */
export async function hashPassword(password: string): Promise<string> {
  const sodium = await getSodium();
  return sodium.crypto_pwhash_str(password, OPS_LIMIT, MEM_LIMIT);
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const sodium = await getSodium();
  try {
    return sodium.crypto_pwhash_str_verify(hash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown account cannot be told from a wrong password. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that never matches");
  await verifyPassword(await decoyHash, password);
  return false;
}
