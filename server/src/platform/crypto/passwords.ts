import { argon2idHashString, argon2idVerifyString } from "./argon2.ts";

/** Argon2id cost: 3 passes over 64 MiB, about 0.13 s here; above OWASP's minimum (19 MiB, 2 passes). */
const OPS_LIMIT = 3;
const MEM_LIMIT = 64 * 1024 * 1024;

/** Hashes a password with Argon2id into a self-describing PHC string (on a worker thread). */
export function hashPassword(password: string): Promise<string> {
  return argon2idHashString(password, { opsLimit: OPS_LIMIT, memLimit: MEM_LIMIT });
}

/** Checks a password against a stored hash in constant time (on a worker thread). */
export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2idVerifyString(hash, password);
}

let decoyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown account cannot be told from a wrong password. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that never matches");
  await verifyPassword(await decoyHash, password);
  return false;
}
