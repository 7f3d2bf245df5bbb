import { availableParallelism } from "node:os";
import { Piscina } from "piscina";

/**
 * Argon2id on a pool of worker threads (one per CPU): libsodium computes it synchronously, and a
 * 25–250 ms run on the server's own thread would hold every other request back meanwhile. Idle
 * workers exit after a few seconds, so short-lived processes (tests, the CLI) end on their own.
 */
let pool: Piscina | undefined;

function workers(): Piscina {
  pool ??= new Piscina({
    filename: new URL("./argon2-worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: availableParallelism(),
    idleTimeout: 5_000,
  });
  return pool;
}

export interface Argon2Cost {
  opsLimit: number;
  memLimit: number;
}

/** `outputBytes` of Argon2id(secret, salt) at the given cost. */
export async function argon2idDerive(
  outputBytes: number,
  secret: string,
  salt: Uint8Array,
  cost: Argon2Cost,
): Promise<Uint8Array> {
  const output: Uint8Array = await workers().run({ outputBytes, secret, salt, ...cost }, { name: "derive" });
  return Uint8Array.from(output);
}

/** A PHC string (`$argon2id$v=19$m=…`) for storing a password. */
export function argon2idHashString(secret: string, cost: Argon2Cost): Promise<string> {
  return workers().run({ secret, ...cost }, { name: "hashString" });
}

/** Checks a password against a PHC string; false when it does not match or the hash is malformed. */
export function argon2idVerifyString(hash: string, secret: string): Promise<boolean> {
  return workers().run({ hash, secret }, { name: "verifyString" });
}
