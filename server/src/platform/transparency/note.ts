import { createHash } from "node:crypto";
import { isNoteText, isValidKeyName } from "../../../../common/transparency-verify.ts";
import { getSodium } from "../crypto/sodium.ts";
import { decodeBase64, encodeBase64 } from "./base64.ts";

/**
 * Signed notes (https://c2sp.org/signed-note) with Ed25519 keys, as golang.org/x/mod/sumdb/note
 * writes and reads them: text ending in a newline, a blank line, then one line per signature,
 * "— <key name> <base64(4-byte key ID || signature)>".
 */

/** Signature type byte of plain Ed25519 note signatures. */
export const ED25519 = 0x01;
/** More signatures than this and a note is refused (the spec asks verifiers to accept at least 16). */
export const MAX_SIGNATURES = 100;

const SIGNATURE_PREFIX = "\u2014 ";
const PUBLIC_KEY_SIZE = 32;
const SEED_SIZE = 32;
const SIGNATURE_SIZE = 64;

export type NoteErrorCode = "malformed_key" | "malformed_note" | "ambiguous_key" | "invalid_signature" | "unverified";

export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
    /** With `unverified`: the note as read, for a caller that wants to see who did sign it. */
    readonly note?: OpenedNote,
  ) {
    super(message);
    this.name = "NoteError";
  }
}

/** A public key that verifies notes: the name and key ID its signature lines carry. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyHash: number;
  readonly publicKey: Uint8Array;
}

/** A key that signs notes; `secretKey` is libsodium's 64-byte Ed25519 secret key. */
export interface NoteSigner extends NoteVerifier {
  readonly secretKey: Uint8Array;
}

/** One signature line: the key's name and ID, and the base64 as written. */
export interface NoteSignature {
  readonly name: string;
  readonly keyHash: number;
  readonly base64: string;
}

export interface OpenedNote {
  text: string;
  /** Signatures by the known keys, each key once, in the note's order. */
  verified: NoteSignature[];
  /** Signatures by keys not known to the reader, duplicates dropped. */
  unverified: NoteSignature[];
}

export { isValidKeyName };

/** The key ID: the first four bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
export function noteKeyHash(name: string, publicKey: Uint8Array): number {
  const digest = createHash("sha256").update(name, "utf8").update("\n").update(typedKey(publicKey)).digest();
  return digest.readUInt32BE(0);
}

/** "name+hash+base64(0x01 || public key)". */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new NoteError("malformed_key", `"${name}" cannot name a key.`);
  if (publicKey.length !== PUBLIC_KEY_SIZE) throw new NoteError("malformed_key", "An Ed25519 public key has 32 bytes.");
  return `${name}+${hex8(noteKeyHash(name, publicKey))}+${encodeBase64(typedKey(publicKey))}`;
}

/** Reads a verifier key; the key ID must match the name and key. */
export function parseVerifierKey(verifierKey: string): NoteVerifier {
  const [name, hash, key] = splitKey(verifierKey);
  const publicKey = ed25519Key(key);
  if (name === undefined || hash === undefined || !publicKey || !isValidKeyName(name)) {
    throw new NoteError("malformed_key", "This is not an Ed25519 verifier key.");
  }
  if (hash !== noteKeyHash(name, publicKey)) throw new NoteError("malformed_key", "The key ID does not match the key.");
  return { name, keyHash: hash, publicKey };
}

/** Reads a signer key ("PRIVATE+KEY+name+hash+base64(0x01 || seed)"); the key ID must match. */
export async function parseSignerKey(signerKey: string): Promise<NoteSigner> {
  const prefix = "PRIVATE+KEY+";
  const [name, hash, key] = signerKey.startsWith(prefix) ? splitKey(signerKey.slice(prefix.length)) : [];
  const seed = ed25519Key(key);
  if (name === undefined || hash === undefined || !seed || !isValidKeyName(name)) {
    throw new NoteError("malformed_key", "This is not an Ed25519 signer key.");
  }
  const sodium = await getSodium();
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  if (hash !== noteKeyHash(name, publicKey)) throw new NoteError("malformed_key", "The key ID does not match the key.");
  return { name, keyHash: hash, publicKey, secretKey: privateKey };
}

/** A new Ed25519 key pair for `name`, in the note key formats. */
export async function generateNoteKeys(name: string): Promise<{ signerKey: string; verifierKey: string }> {
  if (!isValidKeyName(name)) throw new NoteError("malformed_key", `"${name}" cannot name a key.`);
  const sodium = await getSodium();
  const seed = sodium.randombytes_buf(SEED_SIZE);
  const { publicKey } = sodium.crypto_sign_seed_keypair(seed);
  const hash = hex8(noteKeyHash(name, publicKey));
  const signerKey = `PRIVATE+KEY+${name}+${hash}+${encodeBase64(typedKey(seed))}`;
  sodium.memzero(seed);
  return { signerKey, verifierKey: formatVerifierKey(name, publicKey) };
}

/**
 * The signed note: `text` (which must end in a newline), a blank line, the signatures in `keep`
 * not replaced by one of `signers`, then a new signature by each signer.
 */
export async function signNote(
  text: string,
  signers: readonly NoteSigner[],
  keep: readonly NoteSignature[] = [],
): Promise<string> {
  if (!text.endsWith("\n") || !isNoteText(text)) {
    throw new NoteError("malformed_note", "A note's text ends in a newline and has no other control characters.");
  }
  const sodium = await getSodium();
  const message = new TextEncoder().encode(text);
  const replaced = new Set(signers.map((s) => keyId(s.name, s.keyHash)));
  const lines: string[] = [];
  for (const signature of keep) {
    if (replaced.has(keyId(signature.name, signature.keyHash))) continue;
    const bytes = decodeBase64(signature.base64);
    if (!isValidKeyName(signature.name) || !bytes || bytes.length < 5 || readHash(bytes) !== signature.keyHash) {
      throw new NoteError("malformed_note", `The signature by ${signature.name} is malformed.`);
    }
    lines.push(signatureLine(signature.name, signature.base64));
  }
  for (const signer of signers) {
    if (!isValidKeyName(signer.name)) throw new NoteError("malformed_key", `"${signer.name}" cannot name a key.`);
    const signature = sodium.crypto_sign_detached(message, signer.secretKey);
    const bytes = new Uint8Array(4 + signature.length);
    new DataView(bytes.buffer).setUint32(0, signer.keyHash);
    bytes.set(signature, 4);
    lines.push(signatureLine(signer.name, encodeBase64(bytes)));
  }
  if (lines.length === 0) throw new NoteError("malformed_note", "A signed note has at least one signature.");
  return `${text}\n${lines.join("")}`;
}

/**
 * Reads a signed note and checks the signatures of the known keys. Refused (NoteError): a
 * malformed note; a signature by a known key that does not verify; a known key listed twice and
 * used; no signature by a known key (`unverified`). Signatures by other keys are ignored, as the
 * spec requires, even when they share a known key's name or ID (but not both).
 */
export async function openNote(message: string | Uint8Array, known: readonly NoteVerifier[]): Promise<OpenedNote> {
  const note = typeof message === "string" ? message : decodeUtf8(message);
  if (note === undefined || !isNoteText(note)) throw malformed();
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw malformed();
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === "" || !block.endsWith("\n")) throw malformed();
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw malformed();

  const sodium = await getSodium();
  const bytes = new TextEncoder().encode(text);
  const verified = new Map<string, NoteSignature>();
  const unverified = new Map<string, NoteSignature>();
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed();
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(" ");
    const name = space < 0 ? rest : rest.slice(0, space);
    const base64 = space < 0 ? "" : rest.slice(space + 1);
    const raw = decodeBase64(base64);
    if (!isValidKeyName(name) || !raw || raw.length < 5) throw malformed();
    const signature: NoteSignature = { name, keyHash: readHash(raw), base64 };

    const keys = known.filter((k) => k.name === name && k.keyHash === signature.keyHash);
    if (keys.length === 0) {
      unverified.set(line, unverified.get(line) ?? signature);
      continue;
    }
    const id = keyId(name, signature.keyHash);
    if (keys.length > 1) throw new NoteError("ambiguous_key", `The key ${id} is known more than once.`);
    const key = keys[0] as NoteVerifier;
    const sig = raw.subarray(4);
    if (sig.length !== SIGNATURE_SIZE || !verifyDetached(sodium, sig, bytes, key.publicKey)) {
      throw new NoteError("invalid_signature", `The signature by ${id} does not verify.`);
    }
    if (!verified.has(id)) verified.set(id, signature);
  }
  const opened = { text, verified: [...verified.values()], unverified: [...unverified.values()] };
  if (verified.size === 0) throw new NoteError("unverified", "No known key signed this note.", opened);
  return opened;
}

function malformed(): NoteError {
  return new NoteError("malformed_note", "This is not a well-formed signed note.");
}

function signatureLine(name: string, base64: string): string {
  return `${SIGNATURE_PREFIX}${name} ${base64}\n`;
}

function verifyDetached(
  sodium: Awaited<ReturnType<typeof getSodium>>,
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** name, hash and key text of "name+hash+key"; the key's base64 may itself hold "+". */
function splitKey(text: string): [string?, number?, string?] {
  const first = text.indexOf("+");
  const second = first < 0 ? -1 : text.indexOf("+", first + 1);
  if (second < 0) return [];
  const hash = text.slice(first + 1, second);
  if (!/^[0-9a-fA-F]{8}$/.test(hash)) return [];
  return [text.slice(0, first), Number.parseInt(hash, 16), text.slice(second + 1)];
}

/** The 32 bytes after the Ed25519 type byte, if that is what `text` holds. */
function ed25519Key(text: string | undefined): Uint8Array | undefined {
  const bytes = text === undefined ? undefined : decodeBase64(text);
  if (!bytes || bytes.length !== 1 + PUBLIC_KEY_SIZE || bytes[0] !== ED25519) return undefined;
  return bytes.subarray(1);
}

function typedKey(key: Uint8Array): Uint8Array {
  const typed = new Uint8Array(1 + key.length);
  typed[0] = ED25519;
  typed.set(key, 1);
  return typed;
}

function readHash(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(0);
}

function hex8(hash: number): string {
  return hash.toString(16).padStart(8, "0");
}

function keyId(name: string, hash: number): string {
  return `${name}+${hex8(hash)}`;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
