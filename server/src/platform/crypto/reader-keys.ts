import { argon2idDerive } from "./argon2.ts";
import { createReaderKeyPair, DecryptionError, decryptWithKey, encryptWithKey } from "./envelope.ts";
import { createDigitCode, normalizeReceipt } from "./receipts.ts";
import { getSodium } from "./sodium.ts";

/**
 * A reader's (an officer's) private key at rest: encrypted with a key derived by Argon2id from a
 * secret only the person knows, once for the password and once for a recovery code shown to them
 * once. The server stores only these wrapped copies; it holds the private key in clear only while
 * the person's request or session provides the secret.
 */
export interface WrappedPrivateKey {
  opsLimit: number;
  memLimit: number;
  salt: Uint8Array;
  /** The private key, encrypted (nonce ‖ ciphertext). */
  sealed: Uint8Array;
}

/** The cost of deriving a wrapping key: as for password hashes, 3 passes over 64 MiB. */
const WRAP_KDF = { opsLimit: 3, memLimit: 64 * 1024 * 1024 } as const;

export interface NewReaderKeys {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  forPassword: WrappedPrivateKey;
  /** Shown to the person once, to write down; never stored. */
  recoveryCode: string;
  forRecoveryCode: WrappedPrivateKey;
}

/** A new key pair, wrapped for the password and for a new recovery code. */
export async function createReaderKeys(password: string): Promise<NewReaderKeys> {
  const { publicKey, privateKey } = await createReaderKeyPair();
  const recoveryCode = await createDigitCode();
  return {
    publicKey,
    privateKey,
    forPassword: await wrapPrivateKey(privateKey, password),
    recoveryCode,
    forRecoveryCode: await wrapPrivateKey(privateKey, recoverySecret(recoveryCode)),
  };
}

export async function wrapPrivateKey(privateKey: Uint8Array, secret: string): Promise<WrappedPrivateKey> {
  const sodium = await getSodium();
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const key = await wrappingKey(secret, { ...WRAP_KDF, salt });
  try {
    return { ...WRAP_KDF, salt, sealed: await encryptWithKey(privateKey, key) };
  } finally {
    sodium.memzero(key);
  }
}

/** The private key; DecryptionError for a wrong secret or a changed record. */
export async function unwrapPrivateKey(wrapped: WrappedPrivateKey, secret: string): Promise<Uint8Array> {
  const sodium = await getSodium();
  const key = await wrappingKey(secret, wrapped);
  try {
    return await decryptWithKey(wrapped.sealed, key);
  } finally {
    sodium.memzero(key);
  }
}

/** Unwraps with a recovery code as typed (spaces, dashes and other scripts' digits allowed). */
export function unwrapWithRecoveryCode(wrapped: WrappedPrivateKey, typed: string): Promise<Uint8Array> {
  const digits = normalizeReceipt(typed);
  if (digits === null) return Promise.reject(new DecryptionError());
  return unwrapPrivateKey(wrapped, digits);
}

/** The recovery code's digits: what the wrapping key is derived from, whatever grouping was typed. */
function recoverySecret(code: string): string {
  return normalizeReceipt(code) as string;
}

function wrappingKey(
  secret: string,
  params: { opsLimit: number; memLimit: number; salt: Uint8Array },
): Promise<Uint8Array> {
  return argon2idDerive(32, secret, params.salt, params);
}

/** As stored in a text column: `argon2id$m=65536,t=3$<salt>$<sealed>` (memory in KiB, base64url). */
export async function serializeWrapped(wrapped: WrappedPrivateKey): Promise<string> {
  const sodium = await getSodium();
  const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
  return `argon2id$m=${wrapped.memLimit / 1024},t=${wrapped.opsLimit}$${b64(wrapped.salt)}$${b64(wrapped.sealed)}`;
}

export async function parseWrapped(stored: string): Promise<WrappedPrivateKey> {
  const sodium = await getSodium();
  const match = /^argon2id\$m=(\d+),t=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) throw new Error("Unrecognised wrapped key.");
  const [, memory, passes, salt, sealed] = match as unknown as [string, string, string, string, string];
  const bytes = (text: string) => sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
  return { memLimit: Number(memory) * 1024, opsLimit: Number(passes), salt: bytes(salt), sealed: bytes(sealed) };
}
