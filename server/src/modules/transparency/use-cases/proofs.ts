import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { consistencyProof, inclusionProof, rootAt } from "../../../platform/transparency/merkle.ts";
import { integrateLog } from "./integrate.ts";
import { withStoredTree } from "./stored-tree.ts";

function requireSize(size: number, treeSize: number): void {
  if (treeSize > size) {
    throw new AppError("validation_failed", `The log holds ${size} entries; it has no tree of ${treeSize}.`, {
      fields: [{ path: "querystring.size", message: `At most ${size}` }],
    });
  }
}

/** The audit path of entry `index` in the tree of `treeSize` entries, with that tree's root. */
export async function proveInclusion(db: Db, index: number, treeSize: number) {
  if (index >= treeSize) {
    throw new AppError("validation_failed", `Entry ${index} is not in a tree of ${treeSize} entries.`, {
      fields: [{ path: "querystring.index", message: "Must be below the tree size" }],
    });
  }
  return withStoredTree(
    db,
    async (hashes) => ({
      index,
      treeSize,
      root: await rootAt(treeSize, hashes),
      proof: await inclusionProof(index, treeSize, hashes),
    }),
    { covers: treeSize, grow: () => integrateLog(db), check: (size) => requireSize(size, treeSize) },
  );
}

/** Proof that the tree of `oldSize` entries is a prefix of the tree of `newSize`, with both roots. */
export async function proveConsistency(db: Db, oldSize: number, newSize: number) {
  if (oldSize > newSize) {
    throw new AppError("validation_failed", "The old size must not be larger than the new one.", {
      fields: [{ path: "querystring.from", message: "Must not exceed the new size" }],
    });
  }
  return withStoredTree(
    db,
    async (hashes) => ({
      oldSize,
      newSize,
      oldRoot: await rootAt(oldSize, hashes),
      newRoot: await rootAt(newSize, hashes),
      proof: await consistencyProof(oldSize, newSize, hashes),
    }),
    { covers: newSize, grow: () => integrateLog(db), check: (size) => requireSize(size, newSize) },
  );
}
