import { getSodium } from "./sodium.ts";

/**
 * Envelope encryption for confidential records (reports, and later consent reference material):
 * each record has its own random key; its content is encrypted with that key (XSalsa20-Poly1305,
 * a fresh nonce per item), and the key itself is sealed to each reader's X25519 public key
 * (libsodium sealed boxes) or wrapped with a key derived from a secret (secret box). Destroying the
 * sealed and wrapped copies of a record's key makes its content unreadable.
 */

/** A record's random 32-byte key. */
export async function createRecordKey(): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_secretbox_keygen();
}

/** nonce ‖ ciphertext, with a fresh random nonce. */
export async function encryptWithKey(plaintext: Uint8Array | string, key: Uint8Array): Promise<Uint8Array> {
  const sodium = await getSodium();
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const cipher = sodium.crypto_secretbox_easy(plaintext, nonce, key);
  const out = new Uint8Array(nonce.length + cipher.length);
  out.set(nonce);
  out.set(cipher, nonce.length);
  return out;
}

/** Opens what encryptWithKey made; throws on a wrong key or any change to the bytes. */
export async function decryptWithKey(sealed: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
  const sodium = await getSodium();
  const nonceBytes = sodium.crypto_secretbox_NONCEBYTES;
  if (sealed.length < nonceBytes + sodium.crypto_secretbox_MACBYTES) throw new DecryptionError();
  try {
    return sodium.crypto_secretbox_open_easy(sealed.subarray(nonceBytes), sealed.subarray(0, nonceBytes), key);
  } catch {
    throw new DecryptionError();
  }
}

export async function decryptText(sealed: Uint8Array, key: Uint8Array): Promise<string> {
  const sodium = await getSodium();
  return sodium.to_string(await decryptWithKey(sealed, key));
}

/** An X25519 key pair for a reader (an officer). */
export interface ReaderKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export async function createReaderKeyPair(): Promise<ReaderKeyPair> {
  const sodium = await getSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, privateKey };
}

/** The record key sealed to a reader: only the holder of the matching private key can open it. */
export async function sealToReader(recordKey: Uint8Array, readerPublicKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_box_seal(recordKey, readerPublicKey);
}

export async function openSealed(sealed: Uint8Array, reader: ReaderKeyPair): Promise<Uint8Array> {
  const sodium = await getSodium();
  try {
    return sodium.crypto_box_seal_open(sealed, reader.publicKey, reader.privateKey);
  } catch {
    throw new DecryptionError();
  }
}

/** Wrong key, or bytes changed: the two are told apart by nobody, on purpose. */
export class DecryptionError extends Error {
  constructor() {
    super("The data could not be decrypted with this key.");
  }
}
