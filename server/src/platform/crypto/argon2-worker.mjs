// Runs Argon2id (libsodium) in a worker thread of the pool in argon2.ts, so that the server's
// thread keeps serving other requests meanwhile. Plain JavaScript: workers load it without tsx.
import sodium from "libsodium-wrappers-sumo";

await sodium.ready;

/** Raw Argon2id output (key derivation). */
export function derive({ outputBytes, secret, salt, opsLimit, memLimit }) {
  return sodium.crypto_pwhash(outputBytes, secret, salt, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
}

/** A self-describing password hash (PHC string). */
export function hashString({ secret, opsLimit, memLimit }) {
  return sodium.crypto_pwhash_str(secret, opsLimit, memLimit);
}

/** Whether the password matches the hash; false for a malformed hash. */
export function verifyString({ hash, secret }) {
  try {
    return sodium.crypto_pwhash_str_verify(hash, secret);
  } catch {
    return false;
  }
}
