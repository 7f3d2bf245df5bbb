import { DecryptionError, decryptWithKey, encryptWithKey, type ReaderKeyPair } from "./envelope.ts";
import { getSodium } from "./sodium.ts";

/**
 * A signed-in reader's private key, kept for the session (decision 0006) encrypted under a key
 * derived from the session's cookie token. The database stores only a hash of the token, so the
 * stored copy opens only while the browser presents the cookie.
 */
async function sessionKey(token: string): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_generichash(32, sodium.from_string(`guildhall session reader key\u0000${token}`), null);
}

export async function sealForSession(privateKey: Uint8Array, token: string): Promise<Uint8Array> {
  return encryptWithKey(privateKey, await sessionKey(token));
}

/** The key pair back from the session's copy; DecryptionError for another session's token. */
export async function openForSession(sealed: Uint8Array, token: string): Promise<ReaderKeyPair> {
  const sodium = await getSodium();
  const privateKey = await decryptWithKey(sealed, await sessionKey(token));
  if (privateKey.length !== sodium.crypto_box_SECRETKEYBYTES) throw new DecryptionError();
  return { publicKey: sodium.crypto_scalarmult_base(privateKey), privateKey };
}
