import type { Db } from "../../../platform/db/database.ts";
import { emptyRoot, nodeHash } from "../../../platform/transparency/merkle.ts";
import { findLeafHash, findSubtreeHash } from "../transparency.repository.ts";

/** The hash of the complete subtree of 2^level leaves starting at `start`, as stored. */
export async function storedSubtree(db: Db, level: number, start: number): Promise<Uint8Array> {
  const hash = level === 0 ? await findLeafHash(db, start) : await findSubtreeHash(db, level, start);
  if (!hash) throw new Error(`The log has no hash for ${2 ** level} leaves from ${start}.`);
  return hash;
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

/** The root of the first `size` entries, from O(log size) stored hashes. */
export async function storedRoot(db: Db, size: number): Promise<Uint8Array> {
  if (size === 0) return emptyRoot();
  const hashes = await Promise.all(completeSubtrees(size).map(({ level, start }) => storedSubtree(db, level, start)));
  let root = hashes[hashes.length - 1] as Uint8Array;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i] as Uint8Array, root);
  return root;
}

/**
 * The subtrees that new leaves complete: after leaf i, every level l with (i + 1) divisible by 2^l
 * gets its hash from its two halves. Right halves are always new; left halves may be stored.
 */
export async function completedSubtrees(
  db: Db,
  firstIndex: number,
  leafHashes: Uint8Array[],
): Promise<{ level: number; start: number; hash: Uint8Array }[]> {
  const fresh = new Map<string, Uint8Array>();
  const key = (level: number, start: number) => `${level}:${start}`;
  const hashOf = async (level: number, start: number) =>
    fresh.get(key(level, start)) ?? storedSubtree(db, level, start);
  const completed: { level: number; start: number; hash: Uint8Array }[] = [];
  for (const [offset, leaf] of leafHashes.entries()) {
    const index = firstIndex + offset;
    fresh.set(key(0, index), leaf);
    for (let level = 1; (index + 1) % 2 ** level === 0; level++) {
      const start = index + 1 - 2 ** level;
      const half = 2 ** (level - 1);
      const hash = nodeHash(await hashOf(level - 1, start), await hashOf(level - 1, start + half));
      fresh.set(key(level, start), hash);
      completed.push({ level, start, hash });
    }
  }
  return completed;
}
