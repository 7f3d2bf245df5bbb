import type { Db } from "../../../platform/db/database.ts";
import { HASH_SIZE, nodeHash, rootAt, rootOf, type TreeHashes } from "../../../platform/transparency/merkle.ts";
import { readTreeHashes } from "../transparency.repository.ts";

/**
 * Complete subtrees of 2^LOWEST_STORED_LEVEL leaves and more are stored, one row each; smaller
 * ones are hashed from their leaves when needed. Storing every level doubled the rows an append
 * writes; below 64 leaves a proof reads one short range of leaf hashes instead.
 */
export const LOWEST_STORED_LEVEL = 6;

export interface Subtree {
  level: number;
  start: number;
  hash: Uint8Array;
}

/** A leaf range [start, end) or a stored subtree a computation needs. */
interface HashWants {
  leafRanges: [number, number][];
  subtrees: { level: number; start: number }[];
}

const PLACEHOLDER = new Uint8Array(HASH_SIZE);

export interface TreeReadOptions {
  /** The largest tree size the computation reads from. */
  covers: number;
  /** Grows the stored tree when it covers less (integrate.ts); without it, a shorter tree is an error. */
  grow?: () => Promise<unknown>;
  /** Sees the log's size, read with the hashes, before the computation. */
  check?: (logSize: number) => void;
}

/**
 * Runs `compute` (a root, a proof, any computation over the tree's hashes) with the stored tree:
 * a first pass with placeholder hashes learns which rows it needs, they are read in one statement
 * (with the sizes of the log and of the stored tree), and a second pass computes from them. The
 * shapes of roots and proofs depend on sizes and indexes only, never on hash values, so both
 * passes ask for the same hashes.
 */
export async function withStoredTree<T>(
  db: Db,
  compute: (hashes: TreeHashes) => Promise<T>,
  options: TreeReadOptions,
): Promise<T> {
  const wants: HashWants = { leafRanges: [], subtrees: [] };
  await compute({
    leaf: async (index) => {
      wants.leafRanges.push([index, index + 1]);
      return PLACEHOLDER;
    },
    subtree: async (start, level) => {
      if (level >= LOWEST_STORED_LEVEL) wants.subtrees.push({ level, start });
      else wants.leafRanges.push([start, start + 2 ** level]);
      return PLACEHOLDER;
    },
  });
  const read = () => readTreeHashes(db, mergeRanges(wants.leafRanges), wants.subtrees);
  let stored = await read();
  options.check?.(stored.size);
  if (stored.treeSize < options.covers) {
    if (!options.grow) throw new Error(`The stored tree covers ${stored.treeSize} entries, not ${options.covers}.`);
    await options.grow();
    stored = await read();
  }
  const byKey = new Map(stored.hashes.map((row) => [`${row.level}:${row.start}`, row.hash]));
  const find = (level: number, start: number) => {
    const hash = byKey.get(`${level}:${start}`);
    if (!hash) throw new Error(`The log has no hash for ${2 ** level} leaves from ${start}.`);
    return hash;
  };
  return compute({
    leaf: async (index) => find(0, index),
    subtree: async (start, level) =>
      level >= LOWEST_STORED_LEVEL
        ? find(level, start)
        : rootOf(Array.from({ length: 2 ** level }, (_, offset) => find(0, start + offset))),
  });
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The root of the first `size` entries (the stored tree must cover them), from O(log size) hashes read at once. */
export function storedRoot(db: Db, size: number): Promise<Uint8Array> {
  return withStoredTree(db, (hashes) => rootAt(size, hashes), { covers: size });
}

/**
 * The complete subtrees a tree of `size` leaves splits into, largest first (the binary digits of
 * the size): RFC 9162's root is these hashes folded from the right.
 */
export function completeSubtrees(size: number): { level: number; start: number }[] {
  const parts: { level: number; start: number }[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
    if (size - start >= 2 ** level) {
      parts.push({ level, start });
      start += 2 ** level;
    }
  }
  return parts;
}

/** The right edge of the stored tree of `size` leaves: its complete subtrees' hashes, largest first. */
export function storedFrontier(db: Db, size: number): Promise<Uint8Array[]> {
  return withStoredTree(
    db,
    (hashes) =>
      Promise.all(
        completeSubtrees(size).map(({ level, start }) =>
          level === 0 ? hashes.leaf(start) : (hashes.subtree?.(start, level) as Promise<Uint8Array>),
        ),
      ),
    { covers: size },
  );
}

/**
 * Adds leaves to the right edge of a tree of `size` leaves: every subtree they complete is hashed
 * from the edge's last hash and the new one. Returns the new edge and the completed subtrees that
 * are stored.
 */
export function extendFrontier(
  frontier: readonly Uint8Array[],
  size: number,
  leafHashes: readonly Uint8Array[],
): { frontier: Uint8Array[]; stored: Subtree[] } {
  const edge = [...frontier];
  const stored: Subtree[] = [];
  for (const [offset, leaf] of leafHashes.entries()) {
    const index = size + offset;
    let node = leaf;
    let level = 0;
    // Each trailing 1 bit of the index is a complete subtree on the edge that this leaf closes.
    for (let rest = index; rest % 2 === 1; rest = (rest - 1) / 2) {
      node = nodeHash(edge.pop() as Uint8Array, node);
      level++;
      if (level >= LOWEST_STORED_LEVEL) stored.push({ level, start: index + 1 - 2 ** level, hash: node });
    }
    edge.push(node);
  }
  return { frontier: edge, stored };
}

/** The edge as stored with the size: its hashes concatenated, largest subtree first. */
export function encodeFrontier(frontier: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(frontier.length * HASH_SIZE);
  frontier.forEach((hash, i) => {
    bytes.set(hash, i * HASH_SIZE);
  });
  return bytes;
}

/** The stored edge, or null when it does not fit a tree of `size` leaves (one hash per binary 1). */
export function decodeFrontier(bytes: Uint8Array, size: number): Uint8Array[] | null {
  if (bytes.length !== completeSubtrees(size).length * HASH_SIZE) return null;
  return Array.from({ length: bytes.length / HASH_SIZE }, (_, i) => bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
}
