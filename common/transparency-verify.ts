import { type ProofBundle, proofBundleSchema } from "./transparency.ts";

/**
 * Checks a proof bundle (common/transparency.ts) anywhere: in the browser with WebCrypto, in Node
 * with its webcrypto or node:crypto. The crypto is passed in, nothing here touches a runtime API.
 * The formats and algorithms are those of server/src/platform/transparency (decision 0008), written
 * again here because common/ imports nothing from server/: C2SP verifier keys and signed notes,
 * C2SP checkpoints, and RFC 9162 §2.1.3.2 inclusion verification.
 */

export interface VerifyCrypto {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export type VerifyProblem = "malformed" | "signature" | "origin" | "size" | "inclusion";

export interface VerifiedCheckpoint {
  origin: string;
  size: number;
  /** Base64, as written in the checkpoint. */
  root: string;
}

export type BundleVerdict =
  | {
      ok: true;
      checkpoint: VerifiedCheckpoint;
      /** The entry's index, proved included. */
      index: number;
      /** The verifier key whose signature on the checkpoint verified. */
      signedBy: string;
    }
  | { ok: false; problem: VerifyProblem; detail: string };

/** A verifier key as read: name, 4-byte key ID and 32-byte Ed25519 public key. */
export interface VerifierKey {
  text: string;
  name: string;
  keyHash: number;
  publicKey: Uint8Array;
}

const ED25519 = 0x01;
const HASH_SIZE = 32;
const SIGNATURE_SIZE = 64;
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = "\u2014 ";

class Problem extends Error {
  constructor(
    readonly problem: VerifyProblem,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Reads a bundle from text (pasted or uploaded JSON); a text that is not JSON or not a bundle is
 * reported as `malformed`.
 */
export function parseProofBundle(
  text: string,
): { ok: true; bundle: ProofBundle } | { ok: false; problem: "malformed"; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "malformed", detail: "The bundle is not JSON." };
  }
  const parsed = proofBundleSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: "malformed", detail: "The JSON is not a proof bundle." };
  return { ok: true, bundle: parsed.data };
}

/**
 * Whether `bundle` proves its entry is in the log: the checkpoint is signed by one of
 * `verifierKeys`, names the bundle's origin and tree size, and the audit path leads from the
 * entry's leaf to the checkpoint's root. Never throws; every failure is a verdict.
 */
export async function verifyProofBundle(
  bundle: ProofBundle,
  verifierKeys: string[],
  crypto: VerifyCrypto,
): Promise<BundleVerdict> {
  try {
    return await verify(bundle, verifierKeys, crypto);
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.problem, detail: error.message };
    return { ok: false, problem: "malformed", detail: "The bundle could not be read." };
  }
}

async function verify(bundle: ProofBundle, verifierKeys: string[], crypto: VerifyCrypto): Promise<BundleVerdict> {
  const shape = proofBundleSchema.safeParse(bundle);
  if (!shape.success) throw new Problem("malformed", "The JSON is not a proof bundle.");
  if (!isCount(bundle.index) || !isCount(bundle.treeSize)) {
    throw new Problem("malformed", "The index and tree size are whole numbers from 0.");
  }
  const proof = bundle.proof.map((hash) => {
    const bytes = decodeBase64(hash);
    if (!bytes || bytes.length !== HASH_SIZE) throw new Problem("malformed", "A proof hash is not 32 bytes of base64.");
    return bytes;
  });
  if (verifierKeys.length === 0) throw new Problem("malformed", "No verifier key was given.");
  const keys = await Promise.all(verifierKeys.map((key) => parseVerifierKey(key.trim(), crypto)));

  const { text, signedBy } = await openNote(bundle.checkpoint, keys, crypto);
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== bundle.origin) {
    throw new Problem("origin", `The checkpoint is from "${checkpoint.origin}", the bundle says "${bundle.origin}".`);
  }
  if (checkpoint.size !== bundle.treeSize) {
    throw new Problem("size", `The checkpoint covers ${checkpoint.size} entries, the bundle says ${bundle.treeSize}.`);
  }
  const leaf = await hash(crypto, new Uint8Array([0x00]), new TextEncoder().encode(bundle.entry));
  const included = await verifyInclusion(leaf, bundle.index, bundle.treeSize, proof, checkpoint.rootBytes, crypto);
  if (!included) {
    throw new Problem(
      "inclusion",
      `The audit path does not lead from entry ${bundle.index} to the root of the tree of ${bundle.treeSize}.`,
    );
  }
  return {
    ok: true,
    checkpoint: { origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root },
    index: bundle.index,
    signedBy: signedBy.text,
  };
}

/** "name+hash+base64(0x01 || public key)"; the key ID must match the name and key. */
export async function parseVerifierKey(text: string, crypto: VerifyCrypto): Promise<VerifierKey> {
  const first = text.indexOf("+");
  const second = first < 0 ? -1 : text.indexOf("+", first + 1);
  const name = text.slice(0, Math.max(first, 0));
  const hex = second < 0 ? "" : text.slice(first + 1, second);
  const typed = second < 0 ? undefined : decodeBase64(text.slice(second + 1));
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(hex) || !typed || typed.length !== 33 || typed[0] !== ED25519) {
    throw new Problem("malformed", "This is not an Ed25519 verifier key.");
  }
  const keyHash = Number.parseInt(hex, 16);
  const publicKey = typed.subarray(1);
  if (keyHash !== (await noteKeyHash(name, publicKey, crypto))) {
    throw new Problem("malformed", "The verifier key's ID does not match its name and key.");
  }
  return { text, name, keyHash, publicKey };
}

/** The first four bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
export async function noteKeyHash(name: string, publicKey: Uint8Array, crypto: VerifyCrypto): Promise<number> {
  const digest = await hash(crypto, new TextEncoder().encode(`${name}\n`), new Uint8Array([ED25519]), publicKey);
  return readUint32(digest);
}

/**
 * Opens a C2SP signed note as server/src/platform/transparency/note.ts does: every signature line
 * by a given key must verify, signatures by other keys are ignored, and at least one given key
 * must have signed.
 */
export async function openNote(
  note: string,
  keys: readonly VerifierKey[],
  crypto: VerifyCrypto,
): Promise<{ text: string; signedBy: VerifierKey }> {
  const malformed = () => new Problem("malformed", "The checkpoint is not a well-formed signed note.");
  if (!isNoteText(note)) throw malformed();
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw malformed();
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === "" || !block.endsWith("\n")) throw malformed();
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw malformed();

  const message = new TextEncoder().encode(text);
  let signedBy: VerifierKey | undefined;
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed();
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(" ");
    const name = space < 0 ? rest : rest.slice(0, space);
    const raw = decodeBase64(space < 0 ? "" : rest.slice(space + 1));
    if (!isValidKeyName(name) || !raw || raw.length < 5) throw malformed();
    const keyHash = readUint32(raw);
    const matching = keys.filter((key) => key.name === name && key.keyHash === keyHash);
    if (matching.length === 0) continue;
    const id = `${name}+${hex8(keyHash)}`;
    const signature = raw.subarray(4);
    let valid = false;
    if (signature.length === SIGNATURE_SIZE) {
      try {
        // Every copy of the key is the same key when name and ID match but may differ in bytes.
        valid = (
          await Promise.all(matching.map((key) => crypto.verifyEd25519(key.publicKey, message, signature)))
        ).every(Boolean);
      } catch {
        valid = false;
      }
    }
    if (!valid) throw new Problem("signature", `The signature by ${id} does not verify.`);
    signedBy ??= matching[0];
  }
  if (!signedBy) throw new Problem("signature", "None of the given keys signed this checkpoint.");
  return { text, signedBy };
}

/** "<origin>\n<size>\n<base64 root>\n" then optional extension lines, as checkpoint.ts reads it. */
function parseCheckpoint(text: string): { origin: string; size: number; root: string; rootBytes: Uint8Array } {
  const malformed = (detail: string) => new Problem("malformed", detail);
  if (!text.endsWith("\n")) throw malformed("A checkpoint ends in a newline.");
  const [origin, size, root, ...extensions] = text.slice(0, -1).split("\n");
  if (origin === undefined || size === undefined || root === undefined) {
    throw malformed("A checkpoint has an origin, a size and a root hash.");
  }
  if (![origin, ...extensions].every(isLine)) throw malformed("A checkpoint has no empty lines.");
  const treeSize = /^(0|[1-9][0-9]*)$/.test(size) ? Number(size) : Number.NaN;
  if (!Number.isSafeInteger(treeSize)) throw malformed("The checkpoint's size is not a decimal number.");
  const rootBytes = decodeBase64(root);
  if (!rootBytes || rootBytes.length !== HASH_SIZE) throw malformed("The checkpoint's root is not 32 bytes in base64.");
  return { origin, size: treeSize, root, rootBytes };
}

/** RFC 9162 §2.1.3.2, as merkle.ts verifyInclusion: false for any malformed input. */
export async function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  crypto: VerifyCrypto,
): Promise<boolean> {
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  if (leaf.length !== HASH_SIZE || root.length !== HASH_SIZE || !proof.every((p) => p.length === HASH_SIZE)) {
    return false;
  }
  const node = (left: Uint8Array, right: Uint8Array) => hash(crypto, new Uint8Array([0x01]), left, right);
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = await node(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await node(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(r, root);
}

async function hash(crypto: VerifyCrypto, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return crypto.sha256(joined);
}

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard padded base64 in its one canonical spelling (as base64.ts), else undefined. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const values = [0, 1, 2, 3].map((j) => {
      const c = text[i + j] as string;
      return c === "=" ? 0 : BASE64_ALPHABET.indexOf(c);
    });
    const [a, b, c, d] = values as [number, number, number, number];
    const triple = a * 262144 + b * 4096 + c * 64 + d;
    for (const byte of [Math.floor(triple / 65536), Math.floor(triple / 256) % 256, triple % 256]) {
      if (out < bytes.length) bytes[out++] = byte;
    }
  }
  return encodeBase64(bytes) === text ? bytes : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = a * 65536 + (b ?? 0) * 256 + (c ?? 0);
    text += BASE64_ALPHABET[Math.floor(triple / 262144)];
    text += BASE64_ALPHABET[Math.floor(triple / 4096) % 64];
    text += b === undefined ? "=" : BASE64_ALPHABET[Math.floor(triple / 64) % 64];
    text += c === undefined ? "=" : BASE64_ALPHABET[triple % 64];
  }
  return text;
}

/** Non-empty, and neither Unicode spaces (as Go's unicode.IsSpace) nor "+". */
export function isValidKeyName(name: string): boolean {
  return name !== "" && isWellFormed(name) && !/[\t\n\v\f\r\u0085\p{Z}+]/u.test(name);
}

/** Well-formed Unicode with no control character below U+0020 but the newline. */
export function isNoteText(text: string): boolean {
  if (!isWellFormed(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return false;
  }
  return true;
}

function isWellFormed(text: string): boolean {
  return !/\p{Surrogate}/u.test(text);
}

function isLine(text: string): boolean {
  if (text === "") return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return false;
  return true;
}

function readUint32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(0);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, "0");
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The verifier's crypto from WebCrypto (`globalThis.crypto.subtle` in browsers and Node 20). */
export function webCryptoVerifier(subtle: SubtleCrypto): VerifyCrypto {
  return {
    async sha256(data) {
      return new Uint8Array(await subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>));
    },
    async verifyEd25519(publicKey, message, signature) {
      const key = await subtle.importKey("raw", publicKey as Uint8Array<ArrayBuffer>, { name: "Ed25519" }, false, [
        "verify",
      ]);
      return subtle.verify("Ed25519", key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
    },
  };
}
