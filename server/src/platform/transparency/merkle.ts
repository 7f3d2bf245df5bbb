import * as crypto from "node:crypto";

/**
 * The Merkle tree of RFC 9162 §2.1 (the same as RFC 6962 §2.1): SHA-256, leaves hashed with a 0x00
 * prefix and interior nodes with 0x01, split at the largest power of two smaller than the size, so
 * an odd node is promoted, never duplicated. Sizes and indexes are safe integers (below 2^53); the
 * bit arithmetic is done with division, not the 32-bit shift operators.
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// Hashing a few hundred bytes costs less than the call around it, and a digest as a Buffer (one
// ArrayBuffer each) costs as much again. So each hash is one call over one reused buffer (with one
// view per length, kept), and the hot paths pass digests as "binary" (latin1) strings, one
// character per byte: cheap heap objects.
const scratch = Buffer.alloc(4096);
const scratchViews: Buffer[] = [];
const nodeScratch = Buffer.alloc(1 + 2 * HASH_SIZE);

// crypto.hash came in Node 20.12 (hence no named import); package.json still admits 20.11.
const digestOf: (data: Uint8Array) => string =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "binary")
    : (data) => crypto.createHash("sha256").update(data).digest("binary");

function leafDigest(entry: Uint8Array): string {
  if (entry.length >= scratch.length) return digestOf(Buffer.concat([Uint8Array.of(LEAF_PREFIX), entry]));
  scratch[0] = LEAF_PREFIX;
  scratch.set(entry, 1);
  const length = 1 + entry.length;
  scratchViews[length] ??= scratch.subarray(0, length);
  return digestOf(scratchViews[length] as Buffer);
}

function nodeDigest(left: string, right: string): string {
  nodeScratch[0] = NODE_PREFIX;
  for (let i = 0; i < HASH_SIZE; i++) {
    nodeScratch[1 + i] = left.charCodeAt(i);
    nodeScratch[1 + HASH_SIZE + i] = right.charCodeAt(i);
  }
  return digestOf(nodeScratch);
}

function toBytes(digest: string): Uint8Array {
  const bytes = new Uint8Array(digest.length);
  for (let i = 0; i < digest.length; i++) bytes[i] = digest.charCodeAt(i);
  return bytes;
}

function toDigest(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  return toBytes(leafDigest(entry));
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    return toBytes(digestOf(Buffer.concat([Uint8Array.of(NODE_PREFIX), left, right])));
  }
  nodeScratch[0] = NODE_PREFIX;
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return toBytes(digestOf(nodeScratch));
}

/** The root of the empty tree: SHA-256 of nothing. */
export function emptyRoot(): Uint8Array {
  return toBytes(digestOf(new Uint8Array(0)));
}

/** MTH(D[n]) over leaf hashes held in memory. */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  const hashOf = (start: number, end: number): Uint8Array => {
    if (end - start === 1) return leafHashes[start] as Uint8Array;
    const k = largestPowerOfTwoBelow(end - start);
    return nodeHash(hashOf(start, start + k), hashOf(start + k, end));
  };
  return hashOf(0, leafHashes.length);
}

/**
 * Where proofs get their hashes. `subtree` is optional: when it answers, the complete subtree of
 * 2^level leaves from `start` (start a multiple of 2^level, level ≥ 1) is not recomputed from its
 * leaves, so roots and proofs need O(log n) lookups.
 */
export interface TreeHashes {
  leaf(index: number): Promise<Uint8Array>;
  /** Hash of the complete subtree covering [start, start + 2^level). */
  subtree?(start: number, level: number): Promise<Uint8Array | undefined>;
}

/** The hash of the complete subtree of 2^level leaves starting at `start`. */
export async function subtreeHash(start: number, level: number, hashes: TreeHashes): Promise<Uint8Array> {
  requireCount(start, "start");
  requireCount(level, "level");
  const size = 2 ** level;
  if (start % size !== 0) throw new RangeError(`A subtree of ${size} leaves cannot start at ${start}.`);
  return rangeHash(start, start + size, hashes);
}

/** MTH(D[0:treeSize]). */
export async function rootAt(treeSize: number, hashes: TreeHashes): Promise<Uint8Array> {
  requireCount(treeSize, "tree size");
  return treeSize === 0 ? emptyRoot() : rangeHash(0, treeSize, hashes);
}

/**
 * PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to the root.
 */
export async function inclusionProof(index: number, treeSize: number, hashes: TreeHashes): Promise<Uint8Array[]> {
  requireCount(index, "index");
  requireCount(treeSize, "tree size");
  if (index >= treeSize) throw new RangeError(`Index ${index} is not in a tree of ${treeSize} leaves.`);
  const siblings: Promise<Uint8Array>[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      siblings.push(rangeHash(start + k, end, hashes));
      end = start + k;
    } else {
      siblings.push(rangeHash(start, start + k, hashes));
      start += k;
    }
  }
  return (await Promise.all(siblings)).reverse();
}

/**
 * PROOF(oldSize, D[0:newSize]) of RFC 9162 §2.1.4.1: proves the tree of `oldSize` leaves is a prefix
 * of the tree of `newSize`. Empty when oldSize is 0 or equals newSize.
 */
export async function consistencyProof(oldSize: number, newSize: number, hashes: TreeHashes): Promise<Uint8Array[]> {
  requireCount(oldSize, "old size");
  requireCount(newSize, "new size");
  if (oldSize > newSize) throw new RangeError(`Old size ${oldSize} is larger than new size ${newSize}.`);
  if (oldSize === 0 || oldSize === newSize) return [];
  // SUBPROOF(m, D[start:end], b), unrolled from the root down; the hashes come out root-first.
  const nodes: Promise<Uint8Array>[] = [];
  let m = oldSize;
  let start = 0;
  let end = newSize;
  let completeSoFar = true;
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      nodes.push(rangeHash(start + k, end, hashes));
      end = start + k;
    } else {
      nodes.push(rangeHash(start, start + k, hashes));
      start += k;
      m -= k;
      completeSoFar = false;
    }
  }
  if (!completeSoFar) nodes.push(rangeHash(start, end, hashes));
  return (await Promise.all(nodes)).reverse();
}

/**
 * RFC 9162 §2.1.3.2: whether `proof` shows the leaf at `index` in the tree of `treeSize` leaves
 * whose root is `root`. False, never an exception, for any malformed input.
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows the tree of `oldSize` leaves with root `oldRoot` is a
 * prefix of the tree of `newSize` leaves with root `newRoot`. Equal sizes need equal roots and an
 * empty proof; an old size of 0 needs the empty tree's root and an empty proof.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (oldSize === newSize) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && equalBytes(oldRoot, emptyRoot());
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
}

/**
 * A tree held in memory, keeping the hash of every complete subtree: for tests, verifiers and
 * benchmarks. `levels[l][i]` is the hash of leaves [i·2^l, (i+1)·2^l).
 */
export class MemoryTree implements TreeHashes {
  readonly #levels: Uint8Array[][] = [[]];

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const hash of leafHashes) this.append(hash);
  }

  get size(): number {
    return (this.#levels[0] as Uint8Array[]).length;
  }

  /** Adds a leaf hash; returns its index. */
  append(hash: Uint8Array): number {
    if (!isHash(hash)) throw new TypeError(`A leaf hash has ${HASH_SIZE} bytes.`);
    const index = this.size;
    let level = 0;
    let node = hash;
    for (;;) {
      const row = this.#levels[level] ?? [];
      this.#levels[level] = row;
      row.push(node);
      if (row.length % 2 === 1) break;
      node = nodeHash(row[row.length - 2] as Uint8Array, node);
      level++;
    }
    return index;
  }

  async leaf(index: number): Promise<Uint8Array> {
    const hash = this.#levels[0]?.[index];
    if (!hash) throw new RangeError(`The tree has no leaf ${index}.`);
    return hash;
  }

  async subtree(start: number, level: number): Promise<Uint8Array | undefined> {
    const size = 2 ** level;
    if (start % size !== 0) return undefined;
    return this.#levels[level]?.[start / size];
  }

  root(treeSize = this.size): Promise<Uint8Array> {
    return rootAt(treeSize, this);
  }

  inclusionProof(index: number, treeSize = this.size): Promise<Uint8Array[]> {
    return inclusionProof(index, treeSize, this);
  }

  consistencyProof(oldSize: number, newSize = this.size): Promise<Uint8Array[]> {
    return consistencyProof(oldSize, newSize, this);
  }
}

/**
 * The right edge of a tree (its "compact range"): the hashes of its largest complete subtrees, left
 * to right, one for each 1 bit of the size. Enough to append leaves and to compute the root in
 * O(log n) memory, not to prove anything: for verifiers that read every leaf once.
 */
export class TreeFrontier {
  readonly #digests: string[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a leaf hash; returns its index. */
  append(hash: Uint8Array): number {
    if (!isHash(hash)) throw new TypeError(`A leaf hash has ${HASH_SIZE} bytes.`);
    return this.#append(toDigest(hash));
  }

  /** Adds the leaf of an entry (its leafHash); returns its index. */
  appendEntry(entry: Uint8Array): number {
    return this.#append(leafDigest(entry));
  }

  /** MTH of the leaves appended so far. */
  root(): Uint8Array {
    let i = this.#digests.length - 1;
    if (i < 0) return emptyRoot();
    let root = this.#digests[i] as string;
    while (i-- > 0) root = nodeDigest(this.#digests[i] as string, root);
    return toBytes(root);
  }

  #append(leaf: string): number {
    const index = this.#size;
    let node = leaf;
    // Each trailing 1 bit of the old size is a complete subtree on the right edge, which the new
    // node joins, one level up each time.
    for (let n = index; isOdd(n); n = half(n)) node = nodeDigest(this.#digests.pop() as string, node);
    this.#digests.push(node);
    this.#size = index + 1;
    return index;
  }
}

/** MTH(D[start:end]), using stored complete subtrees where the source has them. */
async function rangeHash(start: number, end: number, hashes: TreeHashes): Promise<Uint8Array> {
  const size = end - start;
  if (size === 1) return hashes.leaf(start);
  if (isPowerOfTwo(size) && hashes.subtree) {
    const stored = await hashes.subtree(start, Math.log2(size));
    if (stored) return stored;
  }
  const k = largestPowerOfTwoBelow(size);
  const [left, right] = await Promise.all([rangeHash(start, start + k, hashes), rangeHash(start + k, end, hashes)]);
  return nodeHash(left, right);
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** Math.round(Math.log2(n)) === n;
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

function requireCount(n: number, what: string): void {
  if (!isCount(n)) throw new RangeError(`The ${what} must be a whole number from 0 to 2^53 - 1, not ${n}.`);
}

function isHash(hash: unknown): hash is Uint8Array {
  return hash instanceof Uint8Array && hash.length === HASH_SIZE;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
