import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { consistencyProof, inclusionProof, rootAt, type TreeHashes } from "../../../platform/transparency/merkle.ts";
import { findSubtreeHash, logSize } from "../transparency.repository.ts";
import { storedSubtree } from "./stored-tree.ts";

/** The tree's hashes as stored: a leaf, or any complete subtree, in one lookup each. */
export function storedHashes(db: Db): TreeHashes {
  return {
    leaf: (index) => storedSubtree(db, 0, index),
    subtree: (start, level) => findSubtreeHash(db, level, start),
  };
}

async function requireSize(db: Db, treeSize: number): Promise<void> {
  const size = await logSize(db);
  if (treeSize > size) {
    throw new AppError("validation_failed", `The log holds ${size} entries; it has no tree of ${treeSize}.`, {
      fields: [{ path: "querystring.size", message: `At most ${size}` }],
    });
  }
}

/** The audit path of entry `index` in the tree of `treeSize` entries, with that tree's root. */
export async function proveInclusion(db: Db, index: number, treeSize: number) {
  await requireSize(db, treeSize);
  if (index >= treeSize) {
    throw new AppError("validation_failed", `Entry ${index} is not in a tree of ${treeSize} entries.`, {
      fields: [{ path: "querystring.index", message: "Must be below the tree size" }],
    });
  }
  const hashes = storedHashes(db);
  return {
    index,
    treeSize,
    root: await rootAt(treeSize, hashes),
    proof: await inclusionProof(index, treeSize, hashes),
  };
}

/** Proof that the tree of `oldSize` entries is a prefix of the tree of `newSize`, with both roots. */
export async function proveConsistency(db: Db, oldSize: number, newSize: number) {
  await requireSize(db, newSize);
  if (oldSize > newSize) {
    throw new AppError("validation_failed", "The old size must not be larger than the new one.", {
      fields: [{ path: "querystring.from", message: "Must not exceed the new size" }],
    });
  }
  const hashes = storedHashes(db);
  return {
    oldSize,
    newSize,
    oldRoot: await rootAt(oldSize, hashes),
    newRoot: await rootAt(newSize, hashes),
    proof: await consistencyProof(oldSize, newSize, hashes),
  };
}
