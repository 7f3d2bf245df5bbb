import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { getSodium } from "./sodium.ts";

/** Encrypts small server-side secrets (TOTP seeds) at rest with one key kept outside the database. */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

/** Creates a secret box from a 32-byte key. */
export async function createSecretBox(key: Uint8Array): Promise<SecretBox> {
  const sodium = await getSodium();
  if (key.length !== sodium.crypto_secretbox_KEYBYTES) throw new Error("The secret box key must be 32 bytes.");
  return {
    seal(plaintext) {
      const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
      const cipher = sodium.crypto_secretbox_easy(sodium.from_string(plaintext), nonce, key);
      return `v1.${sodium.to_base64(nonce)}.${sodium.to_base64(cipher)}`;
    },
    open(sealed) {
      const [version, nonce, cipher] = sealed.split(".");
      if (version !== "v1" || !nonce || !cipher) throw new Error("Unrecognised sealed value.");
      return sodium.to_string(
        sodium.crypto_secretbox_open_easy(sodium.from_base64(cipher), sodium.from_base64(nonce), key),
      );
    },
  };
}

/**
 * Loads the key from `GUILDHALL_SECRET_KEY` (base64) or from `<dataDir>/keys/secret-box.key`,
 * creating the file (mode 0600, written then renamed) on first start.
 */
export async function loadSecretBoxKey(dataDir: string, fromEnvironment: string | undefined): Promise<Uint8Array> {
  const sodium = await getSodium();
  if (fromEnvironment) return sodium.from_base64(fromEnvironment, sodium.base64_variants.ORIGINAL);
  const file = path.join(dataDir, "keys", "secret-box.key");
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.partial-${process.pid}`;
    await writeFile(partial, Buffer.from(sodium.randombytes_buf(sodium.crypto_secretbox_KEYBYTES)), { mode: 0o600 });
    await rename(partial, file);
  }
  return new Uint8Array(await readFile(file));
}
