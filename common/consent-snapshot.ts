import { z } from "zod";
import { type IdentifierScheme, USE_TYPES, type UseType } from "./consent.ts";
import { normalizeIdentifier } from "./identifiers.ts";
import {
  decodeBase64,
  encodeBase64,
  openNote,
  parseVerifierKey,
  type VerifyCrypto,
  webCryptoVerifier,
} from "./transparency-verify.ts";

/**
 * The consent snapshot (issue 6, decision 0010): every registered name of every asset whose own
 * policy reserves a use (does not permit it), in a binary fuse filter with 16-bit fingerprints,
 * signed with the transparency log's key. An AI developer downloads it and checks items locally:
 * a miss means the registry held no reservation on that use of that item when the snapshot was
 * made; a hit means "may be reserved", to be confirmed with POST /api/v1/consent/check (false
 * positives: at most 2^-15 of the misses). Runs in browsers and Node: no runtime API beyond
 * WebCrypto (for the signature), TextEncoder and typed arrays.
 *
 * Keys. A name is what the registry knows an item by: `sha256:<64 hex>`, `fp:<16 hex>` (the exact
 * near-duplicate fingerprint: copies within a few bits match only through the API) or
 * `<scheme>:<identifier as normalizeIdentifier writes it>` (isrc, iswc, isan, doi, iscc, url). A
 * key is a use and a name, written `<useType>|<name>`; the filter holds `*|<name>` when the asset
 * reserves every use (the default: unknown means no), else one key per reserved use.
 *
 * Hashes. A name's hash is the first 64 bits (words h1, h2) of MurmurHash3_x86_128 of its UTF-8
 * bytes with seed 0; a use tag's (`*` or the use type) likewise; a key's 64 bits are the two XORed
 * word by word. The filter mixes a key with its 32-bit seed into three words x, y, z (fmix32 each)
 * and looks at three 16-bit cells: h0 = (x · segmentCountLength) >> 32, h1 = (h0 + L) ^ (y & (L−1)),
 * h2 = (h0 + 2L) ^ (z & (L−1)), L the segment length. The key is in when the cells XOR to the
 * fingerprint (y ^ z) >> 16.
 */

export const SNAPSHOT_MAGIC = "GHCS";
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_HEADER_BYTES = 48;
export const SNAPSHOT_FINGERPRINT_BITS = 16;
/** Hash scheme 1: MurmurHash3_x86_128 (seed 0) names and use tags, fmix32 mixing, as above. */
export const SNAPSHOT_HASH_ALGORITHM = 1;
/** A check probes twice (all uses, then the one use), each with a 2^-16 chance of a false hit. */
export const SNAPSHOT_FALSE_POSITIVE_RATE = 2 / 2 ** SNAPSHOT_FINGERPRINT_BITS;
/** Segments of at most this many cells: the filter's three cells of a key lie within 3 segments. */
export const MAX_SEGMENT_LENGTH = 2 ** 18;
export const NOTE_FIRST_LINE = "guildhall consent snapshot v1";
/** Names hashed at a time by SnapshotFilter.mayBeReservedMany. */
const BLOCK = 512;
/** The use tag of a key that reserves every use. */
export const ALL_USES = "*";

export type SnapshotProblem = "malformed" | "signature" | "hash" | "mismatch";

export class SnapshotError extends Error {
  constructor(
    readonly problem: SnapshotProblem,
    message: string,
  ) {
    super(message);
    this.name = "SnapshotError";
  }
}

// ---------------------------------------------------------------------------------------------
// Names and keys
// ---------------------------------------------------------------------------------------------

/** What an item can be checked by in a snapshot (an asset id or a near-duplicate needs the API). */
export type SnapshotReference =
  | { sha256: string }
  | { fingerprint: string }
  | { identifier: { scheme: IdentifierScheme; value: string } };

/** The name the snapshot knows an item by, or null when the reference cannot name one. */
export function snapshotName(reference: SnapshotReference): string | null {
  if ("sha256" in reference) {
    const hex = reference.sha256.trim().toLowerCase();
    return /^[0-9a-f]{64}$/.test(hex) ? `sha256:${hex}` : null;
  }
  if ("fingerprint" in reference) {
    const hex = reference.fingerprint.trim().toLowerCase();
    return /^[0-9a-f]{16}$/.test(hex) ? `fp:${hex}` : null;
  }
  const normalized = normalizeIdentifier(reference.identifier.scheme, reference.identifier.value);
  return normalized.ok ? `${reference.identifier.scheme}:${normalized.value}` : null;
}

/** `<useType>|<name>`, one line of the CLI's input; null when the reference names nothing. */
export function snapshotKey(useType: UseType, reference: SnapshotReference): string | null {
  const name = snapshotName(reference);
  return name === null ? null : `${useType}|${name}`;
}

const NAME_SCHEMES = new Set<string>(["sha256", "fp", "isrc", "iswc", "isan", "doi", "iscc", "url"]);

/**
 * Reads `<useType>|<scheme>:<value>` as typed by a person (the value is normalized as the registry
 * does: an ISRC with dashes, a DOI with its resolver, upper-case hex); null when it is not one.
 */
export function parseSnapshotKey(line: string): { useType: UseType; name: string } | null {
  const bar = line.indexOf("|");
  const colon = line.indexOf(":", bar + 1);
  if (bar < 0 || colon < 0) return null;
  const useType = line.slice(0, bar).trim();
  const scheme = line
    .slice(bar + 1, colon)
    .trim()
    .toLowerCase();
  const value = line.slice(colon + 1);
  if (!(USE_TYPES as readonly string[]).includes(useType) || !NAME_SCHEMES.has(scheme)) return null;
  const reference: SnapshotReference =
    scheme === "sha256"
      ? { sha256: value }
      : scheme === "fp"
        ? { fingerprint: value }
        : { identifier: { scheme: scheme as IdentifierScheme, value } };
  const name = snapshotName(reference);
  return name === null ? null : { useType: useType as UseType, name };
}

// ---------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

export function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function word(bytes: Uint8Array, i: number): number {
  return (
    (bytes[i] as number) |
    ((bytes[i + 1] as number) << 8) |
    ((bytes[i + 2] as number) << 16) |
    ((bytes[i + 3] as number) << 24)
  );
}

/** The partial little-endian word of the tail's bytes from `from` (inclusive) to `to` (exclusive). */
function tailWord(bytes: Uint8Array, from: number, to: number): number {
  let k = 0;
  for (let i = to - 1; i >= from; i--) k = (k << 8) | (bytes[i] as number);
  return k;
}

/** MurmurHash3_x86_128's tail (the bytes from `tail` to `length`) and finalization, the four words into `out`. */
function finishMurmur(
  bytes: Uint8Array,
  tail: number,
  length: number,
  h1: number,
  h2: number,
  h3: number,
  h4: number,
  out: Uint32Array,
): void {
  const rest = length - tail;
  if (rest > 12) h4 ^= Math.imul(rotl(Math.imul(tailWord(bytes, tail + 12, length), C4), 18), C1);
  if (rest > 8) h3 ^= Math.imul(rotl(Math.imul(tailWord(bytes, tail + 8, Math.min(length, tail + 12)), C3), 17), C4);
  if (rest > 4) h2 ^= Math.imul(rotl(Math.imul(tailWord(bytes, tail + 4, Math.min(length, tail + 8)), C2), 16), C3);
  if (rest > 0) h1 ^= Math.imul(rotl(Math.imul(tailWord(bytes, tail, Math.min(length, tail + 4)), C1), 15), C2);
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  out[0] = h1;
  out[1] = h2 + h1;
  out[2] = h3 + h1;
  out[3] = h4 + h1;
}

/**
 * MurmurHash3_x86_128 (Austin Appleby, public domain) of `bytes[0, length)`, its four 32-bit output
 * words into `out` (h1, h2, h3, h4: the digest's bytes are these words, little-endian, in order).
 */
export function murmur3x86_128(bytes: Uint8Array, length: number, seed: number, out: Uint32Array): void {
  let h1 = seed | 0;
  let h2 = seed | 0;
  let h3 = seed | 0;
  let h4 = seed | 0;
  const blocks = length - (length % 16);
  for (let i = 0; i < blocks; i += 16) {
    let k1 = word(bytes, i);
    let k2 = word(bytes, i + 4);
    let k3 = word(bytes, i + 8);
    let k4 = word(bytes, i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  finishMurmur(bytes, blocks, length, h1, h2, h3, h4, out);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Hashes names: the first 64 bits (two words) of MurmurHash3_x86_128 of their UTF-8 bytes, seed 0.
 * One buffer is reused: TextEncoder.encodeInto writes the name, and on little-endian machines the
 * 16-byte blocks are read as whole words (twice as fast as byte by byte in V8).
 */
export class NameHasher {
  #bytes = new Uint8Array(256);
  #words = new Int32Array(this.#bytes.buffer);
  /** Views of the buffer from each prefix length on, made once. */
  #rests: Uint8Array[] = [];
  readonly #digest = new Uint32Array(4);
  readonly #encoder = new TextEncoder();

  /** The name's 64-bit hash, as two unsigned 32-bit words into out[offset], out[offset + 1]. */
  hash(name: string, out: Uint32Array, offset = 0): void {
    this.#reserve(name.length);
    this.#digest64(this.#encoder.encodeInto(name, this.#bytes).written, out, offset);
  }

  /** The hash of `prefix + value`, without making that string (the server hashes millions). */
  hashJoined(prefix: string, value: string, out: Uint32Array, offset = 0): void {
    this.#reserve(prefix.length + value.length);
    const head = this.#encoder.encodeInto(prefix, this.#bytes).written;
    let rest = this.#rests[head];
    if (rest === undefined) {
      rest = this.#bytes.subarray(head);
      this.#rests[head] = rest;
    }
    const tail = this.#encoder.encodeInto(value, rest).written;
    this.#digest64(head + tail, out, offset);
  }

  #reserve(characters: number): void {
    if (characters * 3 <= this.#bytes.length) return;
    this.#bytes = new Uint8Array(Math.ceil((characters * 3) / 16) * 16);
    this.#words = new Int32Array(this.#bytes.buffer);
    this.#rests = [];
  }

  #digest64(length: number, out: Uint32Array, offset: number): void {
    if (!LITTLE_ENDIAN) {
      murmur3x86_128(this.#bytes, length, 0, this.#digest);
      out[offset] = this.#digest[0] as number;
      out[offset + 1] = this.#digest[1] as number;
      return;
    }
    const words = this.#words;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let h4 = 0;
    const blocks = length >> 4;
    for (let b = 0; b < blocks; b++) {
      const w = b << 2;
      h1 ^= Math.imul(rotl(Math.imul(words[w] as number, C1), 15), C2);
      h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
      h2 ^= Math.imul(rotl(Math.imul(words[w + 1] as number, C2), 16), C3);
      h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
      h3 ^= Math.imul(rotl(Math.imul(words[w + 2] as number, C3), 17), C4);
      h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
      h4 ^= Math.imul(rotl(Math.imul(words[w + 3] as number, C4), 18), C1);
      h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
    }
    finishMurmur(this.#bytes, blocks << 4, length, h1, h2, h3, h4, this.#digest);
    out[offset] = this.#digest[0] as number;
    out[offset + 1] = this.#digest[1] as number;
  }
}

/** The 64-bit hash of each use tag (`*` and every use type), as [word 0, word 1]. */
export function hashUseTags(): Map<string, [number, number]> {
  const hasher = new NameHasher();
  const out = new Uint32Array(2);
  const tags = new Map<string, [number, number]>();
  for (const tag of [ALL_USES, ...USE_TYPES]) {
    hasher.hash(tag, out);
    tags.set(tag, [out[0] as number, out[1] as number]);
  }
  return tags;
}

/** The filter's cells for a key: floor(x · n / 2^32) computed exactly in doubles. */
export function mulhi32(x: number, n: number): number {
  return Math.floor(((x >>> 16) * n + Math.floor(((x & 0xffff) * n) / 65536)) / 65536);
}

// ---------------------------------------------------------------------------------------------
// The file: a 48-byte header, then the fingerprints
// ---------------------------------------------------------------------------------------------

export interface SnapshotLayout {
  seed: number;
  /** Distinct keys in the filter. */
  keyCount: number;
  segmentLength: number;
  segmentCount: number;
  createdAt: Date;
}

/**
 * Little-endian: "GHCS", u16 version, u8 fingerprint bits, u8 hash algorithm, u32 seed, u32 key
 * count, u32 segment length, u32 segment count, u32 cells, u32 zero, f64 creation time (ms since
 * 1970), f64 stated false-positive rate; then one u16 fingerprint per cell.
 */
export function encodeSnapshot(layout: SnapshotLayout, fingerprints: Uint16Array): Uint8Array {
  const cells = (layout.segmentCount + 2) * layout.segmentLength;
  if (fingerprints.length !== cells) throw new Error(`The filter has ${fingerprints.length} cells, not ${cells}.`);
  const bytes = new Uint8Array(SNAPSHOT_HEADER_BYTES + cells * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = SNAPSHOT_MAGIC.charCodeAt(i);
  view.setUint16(4, SNAPSHOT_VERSION, true);
  view.setUint8(6, SNAPSHOT_FINGERPRINT_BITS);
  view.setUint8(7, SNAPSHOT_HASH_ALGORITHM);
  view.setUint32(8, layout.seed >>> 0, true);
  view.setUint32(12, layout.keyCount, true);
  view.setUint32(16, layout.segmentLength, true);
  view.setUint32(20, layout.segmentCount, true);
  view.setUint32(24, cells, true);
  view.setFloat64(32, layout.createdAt.getTime(), true);
  view.setFloat64(40, SNAPSHOT_FALSE_POSITIVE_RATE, true);
  for (let i = 0; i < cells; i++) view.setUint16(SNAPSHOT_HEADER_BYTES + i * 2, fingerprints[i] as number, true);
  return bytes;
}

/**
 * A snapshot's filter, read from its bytes (the signature is openSnapshot's business). Checks never
 * allocate: a name is hashed once, then probed for "every use" and for the one use.
 */
export class SnapshotFilter {
  readonly keyCount: number;
  readonly createdAt: Date;
  readonly falsePositiveRate: number;
  readonly seed: number;
  readonly #fingerprints: Uint16Array;
  readonly #segmentLength: number;
  readonly #mask: number;
  readonly #segmentCountLength: number;
  readonly #tags: Map<string, [number, number]>;
  readonly #all: [number, number];
  readonly #hasher = new NameHasher();
  readonly #name = new Uint32Array(2);
  readonly #block = new Uint32Array(2 * BLOCK);

  private constructor(view: DataView, fingerprints: Uint16Array) {
    this.seed = view.getUint32(8, true);
    this.keyCount = view.getUint32(12, true);
    this.#segmentLength = view.getUint32(16, true);
    this.#mask = this.#segmentLength - 1;
    this.#segmentCountLength = view.getUint32(20, true) * this.#segmentLength;
    this.createdAt = new Date(view.getFloat64(32, true));
    this.falsePositiveRate = view.getFloat64(40, true);
    this.#fingerprints = fingerprints;
    this.#tags = hashUseTags();
    this.#all = this.#tags.get(ALL_USES) as [number, number];
  }

  /** Reads the header and filter; SnapshotError("malformed") when they do not hold together. */
  static fromBytes(bytes: Uint8Array): SnapshotFilter {
    const malformed = (why: string) => new SnapshotError("malformed", `This is not a consent snapshot: ${why}.`);
    if (bytes.length < SNAPSHOT_HEADER_BYTES) throw malformed("too short");
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < 4; i++) if (bytes[i] !== SNAPSHOT_MAGIC.charCodeAt(i)) throw malformed("wrong magic");
    if (view.getUint16(4, true) !== SNAPSHOT_VERSION) throw malformed("unknown version");
    if (view.getUint8(6) !== SNAPSHOT_FINGERPRINT_BITS || view.getUint8(7) !== SNAPSHOT_HASH_ALGORITHM) {
      throw malformed("unknown filter");
    }
    const segmentLength = view.getUint32(16, true);
    const segmentCount = view.getUint32(20, true);
    const cells = view.getUint32(24, true);
    const isPowerOfTwo = segmentLength > 0 && (segmentLength & (segmentLength - 1)) === 0;
    if (!isPowerOfTwo || segmentLength > MAX_SEGMENT_LENGTH || segmentCount < 1) throw malformed("bad segments");
    if (cells !== (segmentCount + 2) * segmentLength || bytes.length !== SNAPSHOT_HEADER_BYTES + cells * 2) {
      throw malformed("its length does not match its header");
    }
    if (view.getUint32(12, true) > cells || !Number.isFinite(view.getFloat64(32, true))) throw malformed("bad header");
    const fingerprints = new Uint16Array(cells);
    for (let i = 0; i < cells; i++) fingerprints[i] = view.getUint16(SNAPSHOT_HEADER_BYTES + i * 2, true);
    return new SnapshotFilter(view, fingerprints);
  }

  /** May `useType` of the item named `name` (see snapshotName) be reserved? */
  mayBeReserved(useType: UseType, name: string): boolean {
    const tag = this.#tags.get(useType);
    if (!tag || this.keyCount === 0) return false;
    const n = this.#name;
    this.#hasher.hash(name, n);
    const n0 = n[0] as number;
    const n1 = n[1] as number;
    // Both probes' six cells are read before either is judged, so the memory reads overlap.
    const all = this.#probe(n0 ^ this.#all[0], n1 ^ this.#all[1]);
    const one = this.#probe(n0 ^ tag[0], n1 ^ tag[1]);
    return all === 0 || one === 0;
  }

  /**
   * mayBeReserved for many names at once: results[i] is 1 where names[i] may be reserved for
   * `useType`, else 0. Two to three times faster than one call per name: a block of names is
   * hashed first, then probed in one tight loop whose memory reads overlap.
   */
  mayBeReservedMany(
    useType: UseType,
    names: readonly string[],
    results: Uint8Array = new Uint8Array(names.length),
  ): Uint8Array {
    const tag = this.#tags.get(useType);
    if (!tag || this.keyCount === 0) return results.fill(0, 0, names.length);
    const hashes = this.#block;
    const [a0, a1] = this.#all;
    const [t0, t1] = tag;
    for (let start = 0; start < names.length; start += BLOCK) {
      const end = Math.min(names.length, start + BLOCK);
      for (let i = start; i < end; i++) this.#hasher.hash(names[i] as string, hashes, 2 * (i - start));
      for (let i = start; i < end; i++) {
        const n0 = hashes[2 * (i - start)] as number;
        const n1 = hashes[2 * (i - start) + 1] as number;
        results[i] = this.#probe(n0 ^ a0, n1 ^ a1) === 0 || this.#probe(n0 ^ t0, n1 ^ t1) === 0 ? 1 : 0;
      }
    }
    return results;
  }

  /** The same for a key line `<useType>|<name>`; false when it is not one. */
  mayBeReservedKey(key: string): boolean {
    const bar = key.indexOf("|");
    return bar > 0 && this.mayBeReserved(key.slice(0, bar) as UseType, key.slice(bar + 1));
  }

  /** The uses of the item named `name` that may be reserved. */
  reservedUses(name: string): UseType[] {
    return USE_TYPES.filter((use) => this.mayBeReserved(use, name));
  }

  /** Whether the filter holds the 64-bit key (k0, k1): a name's hash XOR a use tag's. */
  containsKey(k0: number, k1: number): boolean {
    return this.keyCount > 0 && this.#probe(k0, k1) === 0;
  }

  /** The key's fingerprint XOR its three cells: 0 when the filter holds it. */
  #probe(k0: number, k1: number): number {
    const x = fmix32(k0 ^ this.seed);
    const y = fmix32(k1 ^ x);
    const z = fmix32(y ^ 0x9e3779b9);
    const h0 = mulhi32(x, this.#segmentCountLength);
    const h1 = (h0 + this.#segmentLength) ^ (y & this.#mask);
    const h2 = (h0 + 2 * this.#segmentLength) ^ (z & this.#mask);
    const f = this.#fingerprints;
    return ((y ^ z) >>> 16) ^ (f[h0] as number) ^ (f[h1] as number) ^ (f[h2] as number);
  }
}

// ---------------------------------------------------------------------------------------------
// The signed note and the downloaded file
// ---------------------------------------------------------------------------------------------

export interface SnapshotStatement {
  origin: string;
  /** Base64 SHA-256 of the snapshot's bytes. */
  sha256: string;
  keyCount: number;
  createdAt: Date;
  /** The snapshot's entry on the transparency log, when it was logged. */
  logIndex: number | null;
}

/** The note's text: what the log's key signs. Its first line keeps it from reading as a checkpoint. */
export function snapshotNoteText(statement: SnapshotStatement): string {
  const lines = [
    NOTE_FIRST_LINE,
    statement.origin,
    statement.sha256,
    String(statement.keyCount),
    statement.createdAt.toISOString(),
  ];
  if (statement.logIndex !== null) lines.push(`log ${statement.logIndex}`);
  return `${lines.join("\n")}\n`;
}

function parseNoteText(text: string): SnapshotStatement {
  const [first, origin, sha256, keyCount, created, log, ...rest] = text.slice(0, -1).split("\n");
  const count = /^(0|[1-9][0-9]*)$/.test(keyCount ?? "") ? Number(keyCount) : Number.NaN;
  const createdAt = new Date(created ?? "");
  const logIndex = log === undefined ? null : /^log (0|[1-9][0-9]*)$/.test(log) ? Number(log.slice(4)) : Number.NaN;
  if (
    first !== NOTE_FIRST_LINE ||
    !origin ||
    decodeBase64(sha256 ?? "")?.length !== 32 ||
    !Number.isSafeInteger(count) ||
    Number.isNaN(createdAt.getTime()) ||
    createdAt.toISOString() !== created ||
    Number.isNaN(logIndex) ||
    rest.length > 0
  ) {
    throw new SnapshotError("malformed", "The note does not describe a consent snapshot.");
  }
  return { origin, sha256: sha256 as string, keyCount: count, createdAt, logIndex };
}

/** What GET /api/v1/consent/snapshot answers, and what the CLI reads from a file. */
export const snapshotFileSchema = z.object({
  format: z.literal("guildhall-consent-snapshot-v1"),
  /** The C2SP signed note over the statement (snapshotNoteText), by the log's key. */
  note: z.string(),
  /** The snapshot's bytes, base64. */
  snapshot: z.string(),
  sha256: z.string(),
  keyCount: z.number().int(),
  createdAt: z.iso.datetime(),
  falsePositiveRate: z.number(),
  origin: z.string(),
  logIndex: z.number().int().nullable(),
});
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

export interface OpenedSnapshot {
  filter: SnapshotFilter;
  statement: SnapshotStatement;
  /** The verifier key whose signature verified. */
  signedBy: string;
  mayBeReserved(useType: UseType, name: string): boolean;
  mayBeReservedKey(key: string): boolean;
  keyCount: number;
  falsePositiveRate: number;
  createdAt: Date;
}

/**
 * Verifies and opens a snapshot: the note is signed by one of `verifierKeys` (C2SP verifier keys,
 * as GET /api/v1/log/keys lists them), names the SHA-256 of `bytes`, and agrees with their header.
 * Throws SnapshotError: `malformed`, `signature`, `hash` (other bytes than the note signed) or
 * `mismatch` (header and note disagree).
 */
export async function openSnapshot(
  bytes: Uint8Array,
  note: string,
  verifierKeys: string[],
  crypto: VerifyCrypto = webCryptoVerifier(globalThis.crypto.subtle),
): Promise<OpenedSnapshot> {
  if (verifierKeys.length === 0) throw new SnapshotError("malformed", "No verifier key was given.");
  let text: string;
  let signedBy: string;
  try {
    const keys = await Promise.all(verifierKeys.map((key) => parseVerifierKey(key.trim(), crypto)));
    const opened = await openNote(note, keys, crypto);
    text = opened.text;
    signedBy = opened.signedBy.text;
  } catch (error) {
    const problem = (error as { problem?: string }).problem === "signature" ? "signature" : "malformed";
    throw new SnapshotError(problem, (error as Error).message.replace("checkpoint", "snapshot note"));
  }
  const statement = parseNoteText(text);
  const digest = encodeBase64(await crypto.sha256(bytes));
  if (digest !== statement.sha256) {
    throw new SnapshotError("hash", "The snapshot's bytes are not the ones the note signed.");
  }
  const filter = SnapshotFilter.fromBytes(bytes);
  if (filter.keyCount !== statement.keyCount || filter.createdAt.getTime() !== statement.createdAt.getTime()) {
    throw new SnapshotError("mismatch", "The snapshot's header does not match its signed note.");
  }
  return {
    filter,
    statement,
    signedBy,
    mayBeReserved: (useType, name) => filter.mayBeReserved(useType, name),
    mayBeReservedKey: (key) => filter.mayBeReservedKey(key),
    keyCount: filter.keyCount,
    falsePositiveRate: filter.falsePositiveRate,
    createdAt: filter.createdAt,
  };
}

/** Opens a downloaded snapshot file (JSON text). */
export async function openSnapshotFile(
  text: string,
  verifierKeys: string[],
  crypto?: VerifyCrypto,
): Promise<OpenedSnapshot> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SnapshotError("malformed", "The snapshot file is not JSON.");
  }
  const file = snapshotFileSchema.safeParse(json);
  if (!file.success) throw new SnapshotError("malformed", "The JSON is not a consent snapshot file.");
  const bytes = decodeBase64(file.data.snapshot);
  if (!bytes) throw new SnapshotError("malformed", "The snapshot is not base64.");
  return openSnapshot(bytes, file.data.note, verifierKeys, crypto);
}
